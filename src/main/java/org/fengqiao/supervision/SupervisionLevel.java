package org.fengqiao.supervision;

public enum SupervisionLevel {
    REMINDER("催办"), NOTICE("督办通知"), BULLETIN("通报"), LISTED("挂牌督办");

    private final String label;

    SupervisionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
