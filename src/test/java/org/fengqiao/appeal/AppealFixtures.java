package org.fengqiao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fengqiao.support.Api;

import com.fasterxml.jackson.databind.JsonNode;

/** Drives appeals through the REST facade as the demo users. */
class AppealFixtures {

    static final String ZHZF = "rz-ls-zhzf";   // 综合行政执法局 (dept1)
    static final String SCJG = "rz-ls-scjg";   // 市场监督管理局 (dept2)
    static final String ZJJ = "rz-ls-zjj";     // 住房和城乡建设局 (dept3)

    final Api api;

    AppealFixtures(Api api) {
        this.api = api;
    }

    static Map<String, Object> appeal(String type) {
        return Map.of("type", type, "channel", "GRID_APP", "gridId", "ADW-G09", "urgency", "NORMAL",
                "description", "测试诉求：" + type + " " + System.nanoTime());
    }

    Api.Response report(String type) {
        Api.Response r = api.post("grid1", "/api/appeals", appeal(type));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r;
    }

    Api.Response ok(String user, String id, String action, Object body, String expectedStatus) {
        Api.Response r = api.post(user, "/api/appeals/" + id + "/" + action, body);
        assertThat(r.status()).as(action + " → " + r.body()).isEqualTo(200);
        assertThat(r.text("status")).as(action).isEqualTo(expectedStatus);
        return r;
    }

    Api.Response get(String user, String id) {
        return api.get(user, "/api/appeals/" + id);
    }

    List<String> allowed(String user, String id) {
        List<String> result = new ArrayList<>();
        get(user, id).body().path("allowedActions").forEach(n -> result.add(n.asText()));
        return result;
    }

    /** Reported, triaged to the 住建局 (dept3) and dispatched. */
    String dispatched(String type) {
        String id = report(type).text("id");
        ok("triage", id, "triage", Map.of("leadDepartmentId", ZJJ), "TRIAGE");
        ok("triage", id, "dispatch", Map.of(), "DISPATCHED");
        return id;
    }

    JsonNode history(String user, String id) {
        return api.get(user, "/api/appeals/" + id + "/history").body();
    }
}
