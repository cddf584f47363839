package org.fengqiao.appeal;

/** 诉求类型 (domain §4 B0, 峄城"榴乡诉递" P4). */
public enum AppealType {
    MINSHENG("民生诉求"),
    ZHIFA("执法诉求"),
    FAZHAN("发展诉求"),
    DISPUTE("矛盾纠纷"),
    RISK_HAZARD("风险隐患"),
    SERVICE("服务代办");

    private final String label;

    AppealType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
