package org.fengqiao.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /engine-rest} on a real port (Jersey): it needs credentials, and the engine applies the
 * caller's authorizations, so it shows each user the same tasks as the Tasklist and starts nothing.
 */
@BrowserTestServer
class EngineRestAuthorizationTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;

    private ResponseEntity<String> get(String user, String path) {
        return (user == null ? rest : rest.withBasicAuth(user, "demo")).getForEntity(path, String.class);
    }

    private JsonNode json(String user, String path) throws Exception {
        ResponseEntity<String> r = get(user, path);
        assertThat(r.getStatusCode().value()).as(path + " as " + user + " → " + r.getBody()).isEqualTo(200);
        return mapper.readTree(r.getBody());
    }

    /** The process instance of the seeded labour dispute (mediator1 presiding, 安东卫 committee). */
    private String seededProcessInstance() throws Exception {
        for (JsonNode item : json("admin", "/api/disputes?size=200").path("items")) {
            if ("DEMO-LABOUR-001".equals(item.path("sourceRef").asText())) {
                return item.path("processInstanceId").asText();
            }
        }
        throw new AssertionError("seeded case DEMO-LABOUR-001 missing");
    }

    @Test
    @DisplayName("no credentials → 401; wrong password → 401")
    void requiresAuthentication() {
        assertThat(get(null, "/engine-rest/task").getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth("nobody-known", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    @DisplayName("tasks are those of the caller's Tasklist: mediator1 sees the committee's, mediator2 none of them")
    void tasksFollowTheEnginesAuthorizations() throws Exception {
        String pid = seededProcessInstance();
        JsonNode mine = json("mediator1", "/engine-rest/task?processInstanceId=" + pid);
        assertThat(mine).hasSize(1);
        String taskId = mine.get(0).path("id").asText();
        assertThat(json("mediator2", "/engine-rest/task?processInstanceId=" + pid)).isEmpty();
        assertThat(get("mediator2", "/engine-rest/task/" + taskId).getStatusCode().value()).isIn(403, 404);
        assertThat(get("mediator2", "/engine-rest/task/" + taskId + "/variables").getStatusCode().value()).isIn(403, 404);
        // no role reads process instances except the supervisor (Cockpit) and admins
        assertThat(json("mediator1", "/engine-rest/process-instance?processInstanceIds=" + pid)).isEmpty();
        assertThat(json("supervisor", "/engine-rest/process-instance?processInstanceIds=" + pid)).hasSize(1);
        assertThat(json("admin", "/engine-rest/process-instance?processInstanceIds=" + pid)).hasSize(1);
    }

    @Test
    @DisplayName("a role starts only the processes whose start forms go through the domain (the Tasklist's 启动流程 lists those)")
    void startsOnlyThroughStartForms() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<Map<String, Object>> empty = new HttpEntity<>(Map.of(), headers);
        for (String user : new String[] {"officer1", "custodian", "mediator1", "clerk", "agencyhead"}) {
            // the officer may request a loan from the start form; without a picked item its listener refuses (422 on
            // the 财物 field), the others hold no CREATE_INSTANCE on property-loan (403)
            ResponseEntity<String> r = rest.withBasicAuth(user, "demo")
                    .postForEntity("/engine-rest/process-definition/key/property-loan/start", empty, String.class);
            assertThat(r.getStatusCode().value()).as(user + " → " + r.getBody())
                    .isEqualTo(user.equals("officer1") ? 422 : 403);
            // the clerk starts two processes in the Tasklist: dispute registration and appeal report (诉求登记);
            // the custody roles property registration (财物登记) and the item requests the API lets them make; their
            // start listeners go through the domain with the checks of the API's POST; nobody starts anything else
            List<String> startable = new java.util.ArrayList<>();
            json(user, "/engine-rest/process-definition?startablePermissionCheck=true&startableInTasklist=true")
                    .forEach(d -> startable.add(d.path("key").asText()));
            assertThat(startable).as(user + "'s startable processes")
                    .containsExactlyInAnyOrderElementsOf(switch (user) {
                        case "clerk" -> List.of("dispute-mediation", "grid-appeal");
                        case "officer1" -> List.of("property-intake", "property-loan", "property-transfer",
                                "property-remote-display", "property-disposal", "property-refund",
                                "property-handover-deferral", "property-measure-appraisal");
                        case "custodian" -> List.of("property-remote-display");
                        case "agencyhead" -> List.of("property-refund", "property-handover-disposal",
                                "property-measure-appraisal", "property-measure-extension");
                        default -> List.<String>of();
                    });
        }
    }
}
