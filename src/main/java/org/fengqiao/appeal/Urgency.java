package org.fengqiao.appeal;

import com.fasterxml.jackson.annotation.JsonAlias;

/** 紧急程度; together with the type it selects the handling time limit (fengqiao.appeal.time-limits). */
public enum Urgency {
    @JsonAlias({"LOW", "GENERAL"}) NORMAL("一般"),
    @JsonAlias("HIGH") URGENT("紧急"),
    @JsonAlias("CRITICAL") EMERGENCY("特急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
