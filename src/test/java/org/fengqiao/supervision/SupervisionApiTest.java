package org.fengqiao.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.fengqiao.support.Api;
import org.fengqiao.support.TestClock;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/** /api/supervisions: manual 督办, listing, answering, and escalation of unanswered ones (S12 第39-40条 analogue, P10). */
@FengqiaoTest
class SupervisionApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired SupervisionManagement management;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, mapper);
    }

    @AfterEach
    void resetClock() {
        TestClock.restore();
    }

    private String newAppeal() {
        Api.Response r = api.post("grid1", "/api/appeals", Map.of("type", "MINSHENG", "channel", "GRID_APP", "gridId", "ADW-S1",
                "urgency", "NORMAL", "description", "督办测试 " + System.nanoTime()));
        assertThat(r.status()).isEqualTo(201);
        return r.text("id");
    }

    @Test
    @DisplayName("supervisor issues a REMINDER (201); unknown or invisible target → 422; non-supervisor → 403; no credentials → 401")
    void issue() {
        String id = newAppeal();
        Api.Response r = api.post("supervisor", "/api/supervisions", Map.of("targetType", "APPEAL", "targetId", id,
                "level", "REMINDER", "reason", "群众反映强烈"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(r.text("targetRef")).startsWith("SQ");
        assertThat(r.text("responseDueAt")).isNotNull();
        assertThat(r.location()).isEqualTo("/api/supervisions/" + r.text("id"));
        assertThat(api.post("supervisor", "/api/supervisions", Map.of("targetType", "APPEAL", "targetId", "nope",
                "level", "REMINDER", "reason", "x")).status()).isEqualTo(422);
        assertThat(api.post("supervisor", "/api/supervisions", Map.of("targetType", "PLANET", "targetId", id,
                "level", "REMINDER", "reason", "x")).status()).isEqualTo(422);
        assertThat(api.post("supervisor", "/api/supervisions", Map.of("targetType", "APPEAL", "targetId", id,
                "level", "LOUD", "reason", "x")).status()).isEqualTo(400);
        assertThat(api.post("triage", "/api/supervisions", Map.of("targetType", "APPEAL", "targetId", id,
                "level", "REMINDER", "reason", "x")).status()).isEqualTo(403);
        assertThat(api.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/supervisions"))
                .status()).isEqualTo(401);
    }

    @Test
    @DisplayName("GET ?open=true&targetId= pages; an answer closes it (then 409); open=false lists it")
    void listAndRespond() {
        String id = newAppeal();
        String sid = api.post("supervisor", "/api/supervisions", Map.of("targetType", "APPEAL", "targetId", id,
                "level", "NOTICE", "reason", "逾期未办")).text("id");
        Api.Response open = api.get("supervisor", "/api/supervisions?open=true&targetType=APPEAL&targetId=" + id + "&page=0&size=5");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body().path("total").asLong()).isEqualTo(1);
        assertThat(open.body().path("items").get(0).path("id").asText()).isEqualTo(sid);
        assertThat(api.get("grid1", "/api/supervisions?open=true").status()).isEqualTo(403);

        assertThat(api.post("dept1", "/api/supervisions/" + sid + "/response", Map.of("response", "x")).status())
                .as("the target is not visible to another department").isEqualTo(404);
        assertThat(api.post("triage", "/api/supervisions/" + sid + "/response", Map.of()).status()).isEqualTo(422);
        Api.Response answered = api.post("triage", "/api/supervisions/" + sid + "/response", Map.of("response", "已责成主办部门三日内办结"));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.text("closedAt")).isNotNull();
        assertThat(api.post("triage", "/api/supervisions/" + sid + "/response", Map.of("response", "again")).status()).isEqualTo(409);
        assertThat(api.get("supervisor", "/api/supervisions?open=true&targetId=" + id).body().path("total").asLong()).isZero();
        assertThat(api.get("supervisor", "/api/supervisions?open=false&targetId=" + id).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("unanswered past the response limit (3 working days): REMINDER → NOTICE → BULLETIN → LISTED, then no further")
    void escalatesWhenUnanswered() {
        String id = newAppeal();
        Api.Response issued = api.post("supervisor", "/api/supervisions", Map.of("targetType", "APPEAL", "targetId", id,
                "level", "REMINDER", "reason", "催办"));
        OffsetDateTime due = OffsetDateTime.parse(issued.text("responseDueAt"));
        ClockUtil.setCurrentTime(Date.from(due.minusHours(1).toInstant()));
        assertThat(management.escalateOverdue()).noneMatch(s -> s.targetId().equals(id));

        SupervisionLevel[] expected = {SupervisionLevel.NOTICE, SupervisionLevel.BULLETIN, SupervisionLevel.LISTED};
        for (SupervisionLevel level : expected) {
            ClockUtil.setCurrentTime(Date.from(due.plusMinutes(1).toInstant()));
            List<Supervision> raised = management.escalateOverdue().stream().filter(s -> s.targetId().equals(id)).toList();
            assertThat(raised).singleElement().satisfies(s -> {
                assertThat(s.level()).isEqualTo(level);
                assertThat(s.triggeredBy()).isEqualTo("ESCALATION");
            });
            due = raised.get(0).responseDueAt();
        }
        ClockUtil.setCurrentTime(Date.from(due.plusDays(1).toInstant()));
        assertThat(management.escalateOverdue()).noneMatch(s -> s.targetId().equals(id));
        assertThat(api.get("supervisor", "/api/supervisions?targetId=" + id).body().path("total").asLong()).isEqualTo(4);
    }
}
