package org.fengqiao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract's problem answers on /api/appeals: 401, 404, 403, 409, 422, 400, idempotency, paging. */
@FengqiaoTest
class AppealApiProblemsTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;

    Api api;
    AppealFixtures f;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, mapper);
        f = new AppealFixtures(api);
    }

    @Test
    @DisplayName("401 without credentials")
    void unauthenticated() {
        Api.Response r = api.perform(MockMvcRequestBuilders.get("/api/appeals"));
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    @DisplayName("403: a mediator may not report; a department may not triage")
    void forbidden() {
        Api.Response r = api.post("mediator1", "/api/appeals", AppealFixtures.appeal("MINSHENG"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.problemType()).isEqualTo("/problems/forbidden");
        String id = f.dispatched("MINSHENG");
        Api.Response triage = api.post("dept3", "/api/appeals/" + id + "/review", Map.of("decision", "APPROVE"));
        assertThat(triage.status()).isEqualTo(403);
    }

    @Test
    @DisplayName("404 for unknown ids and for appeals outside the caller's organisations (another department)")
    void notFound() {
        assertThat(api.get("triage", "/api/appeals/nope").status()).isEqualTo(404);
        String id = f.dispatched("MINSHENG");
        Api.Response other = api.get("dept1", "/api/appeals/" + id);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.problemType()).isEqualTo("/problems/not-found");
        assertThat(api.post("dept1", "/api/appeals/" + id + "/feedback", Map.of("result", "x")).status()).isEqualTo(404);
        assertThat(api.get("grid2", "/api/appeals/" + id).status()).as("another grid's worker").isEqualTo(404);
        assertThat(api.get("grid1", "/api/appeals/" + id).status()).as("the reporter").isEqualTo(200);
    }

    @Test
    @DisplayName("409 illegal-transition: dispatch before triage, review before feedback, to-dispute for a non-dispute type")
    void illegalTransitions() {
        String id = f.report("MINSHENG").text("id");
        Api.Response r = api.post("triage", "/api/appeals/" + id + "/dispatch", Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.problemType()).isEqualTo("/problems/illegal-transition");
        assertThat(api.post("triage", "/api/appeals/" + id + "/review", Map.of("decision", "APPROVE")).status()).isEqualTo(409);
        assertThat(api.post("triage", "/api/appeals/" + id + "/to-dispute", Map.of()).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("422: missing fields, 退单 without reason, ZHIFA without assisting departments, lead that is not a department, extension > 30 days")
    void validation() {
        Api.Response r = api.post("grid1", "/api/appeals", Map.of("type", "MINSHENG"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.problemType()).isEqualTo("/problems/validation-failed");
        assertThat(r.body().path("errors").toString()).contains("description", "gridId", "channel", "urgency");
        assertThat(api.post("grid1", "/api/appeals", Map.of("type", "MINSHENG", "channel", "GRID_APP", "gridId", "G1",
                "urgency", "NORMAL", "description", "长".repeat(10_001))).status()).isEqualTo(422);

        String zhifa = f.report("ZHIFA").text("id");
        Api.Response noAssist = api.post("triage", "/api/appeals/" + zhifa + "/triage", Map.of("leadDepartmentId", AppealFixtures.ZHZF));
        assertThat(noAssist.status()).isEqualTo(422);
        assertThat(noAssist.body().path("errors").toString()).contains("assistingDepartmentIds");
        assertThat(api.post("triage", "/api/appeals/" + zhifa + "/triage", Map.of("leadDepartmentId", "rz-ls-adw-tw",
                "assistingDepartmentIds", java.util.List.of(AppealFixtures.SCJG))).status()).isEqualTo(422);
        Api.Response joint = f.ok("triage", zhifa, "triage", Map.of("leadDepartmentId", AppealFixtures.ZHZF,
                "assistingDepartmentIds", java.util.List.of(AppealFixtures.SCJG)), "TRIAGE");
        assertThat(joint.body().path("assistingDepartmentIds").get(0).asText()).isEqualTo(AppealFixtures.SCJG);
        assertThat(api.get("dept2", "/api/appeals/" + zhifa).status()).as("assisting department sees it").isEqualTo(200);

        String id = f.dispatched("MINSHENG");
        Api.Response noReason = api.post("dept3", "/api/appeals/" + id + "/return", Map.of());
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(api.post("dept3", "/api/appeals/" + id + "/extension", Map.of("extraDays", 31, "reason", "x")).status())
                .isEqualTo(422);
        assertThat(f.get("dept3", id).text("status")).as("a rejected request changes nothing").isEqualTo("DISPATCHED");
    }

    @Test
    @DisplayName("400 malformed-request: unknown enum value, wrong JSON type, unparseable body")
    void malformed() {
        Api.Response r = api.post("grid1", "/api/appeals", Map.of("type", "NOPE", "channel", "GRID_APP", "gridId", "G1",
                "urgency", "NORMAL", "description", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemType()).isEqualTo("/problems/malformed-request");
        assertThat(api.post("grid1", "/api/appeals", "{\"type\": ").status()).isEqualTo(400);
        assertThat(api.post("grid1", "/api/appeals", Map.of("type", "MINSHENG", "channel", "GRID_APP", "gridId",
                Map.of("x", 1), "urgency", "NORMAL", "description", "x")).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("Idempotency-Key: a repeated POST returns the first response and creates nothing new; another body → 409")
    void idempotentReport() {
        String body = api.json(AppealFixtures.appeal("SERVICE"));
        Api.Response first = api.postRaw("grid1", "/api/appeals", body, "appeal-key-1");
        Api.Response again = api.postRaw("grid1", "/api/appeals", body, "appeal-key-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.text("ticketNo")).isEqualTo(first.text("ticketNo"));
        Api.Response other = api.postRaw("grid1", "/api/appeals", api.json(AppealFixtures.appeal("SERVICE")), "appeal-key-1");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.problemType()).isEqualTo("/problems/idempotency-conflict");
    }

    @Test
    @DisplayName("list: paging {items,page,size,total}, filters, scope; size > 200 → 422")
    void list() {
        f.report("RISK_HAZARD");
        Api.Response page = api.get("triage", "/api/appeals?type=RISK_HAZARD&page=0&size=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("items")).hasSize(1);
        assertThat(page.body().path("size").asInt()).isEqualTo(1);
        assertThat(page.body().path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.body().path("items").get(0).path("type").asText()).isEqualTo("RISK_HAZARD");
        assertThat(api.get("triage", "/api/appeals?size=201").status()).isEqualTo(422);
        Api.Response dept = api.get("dept1", "/api/appeals?size=200");
        dept.body().path("items").forEach(a -> assertThat(a.path("leadDepartmentId").asText() + a.path("assistingDepartmentIds"))
                .contains(AppealFixtures.ZHZF));
    }
}
