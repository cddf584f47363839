package org.fengqiao.custody;

/**
 * The work whose time is not counted in an administrative measure's period (公安 S10 第112条, C5):
 * 检测、检验、检疫、技术鉴定.
 */
public enum AppraisalKind {
    TESTING("检测"), INSPECTION("检验"), QUARANTINE("检疫"), TECHNICAL_APPRAISAL("技术鉴定");

    private final String label;

    AppraisalKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
