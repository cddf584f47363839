package org.fengqiao.dispute;

/** Dispute categories (contract). */
public enum DisputeCategory {
    LABOR("劳动争议"),
    NEIGHBOR("邻里纠纷"),
    MARRIAGE_FAMILY("婚姻家庭"),
    DEBT("债权债务"),
    PROPERTY_LAND("房屋宅基地"),
    DAMAGES("损害赔偿"),
    TRAFFIC("交通事故"),
    MEDICAL("医疗纠纷"),
    CONSUMER("消费纠纷"),
    PROPERTY_MANAGEMENT("物业纠纷"),
    LAND_EXPROPRIATION("征地拆迁"),
    OTHER("其他");

    private final String label;

    DisputeCategory(String label) {
        this.label = label;
    }

    /** Chinese label shown to mediators. */
    public String label() {
        return label;
    }
}
