package org.fengqiao.appeal;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Where an appeal came in (domain §7.2). The dispute channel names are accepted as aliases. */
public enum AppealChannel {
    @JsonAlias("GRID_REPORT") GRID_APP("网格员上报"),
    @JsonAlias("HOTLINE_12345") HOTLINE("热线"),
    WECHAT("微信"),
    WINDOW("窗口"),
    VIDEO_AI("视频智能发现"),
    DEPARTMENT("部门移交");

    private final String label;

    AppealChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
