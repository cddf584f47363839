package org.fengqiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A case is worked by people of its organisation only: neither the assignment of mediators (by
 * the organisation or "chosen by the parties") nor a recusal's replacement can name mediator2 of
 * the 碑廓 committee on a case of the 安东卫 committee — through /api or the Tasklist's door.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.datasource.url=jdbc:h2:mem:fengqiao-webapp;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class ForeignAssigneeTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;
    @Autowired TaskService taskService;

    private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode ok(String user, HttpMethod method, String path, Object body) throws Exception {
        ResponseEntity<String> r = call(user, method, path, body);
        assertThat(r.getStatusCode().value()).as(method + " " + path + " → " + r.getBody()).isBetween(200, 204);
        return r.getBody() == null ? mapper.createObjectNode() : mapper.readTree(r.getBody());
    }

    private String consented() throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "邻里通道纠纷");
        body.put("facts", "两户共用通道被一方堆放杂物。");
        body.put("category", "NEIGHBOR");
        body.put("channel", "PARTY_APPLICATION");
        body.put("centreId", "rz");
        body.put("parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", "孙某"),
                Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "周某")));
        String id = ok("clerk", HttpMethod.POST, "/api/disputes", body).path("id").asText();
        ok("triage", HttpMethod.POST, "/api/disputes/" + id + "/triage", Map.of("decision", "ACCEPT", "mediationType",
                "PEOPLES", "level", "TOWN", "orgId", "rz-ls-adw-tw", "assignmentMode", "DESIGNATE", "complexity",
                "ORDINARY", "riskLevel", "LOW"));
        ok("orgadmin", HttpMethod.POST, "/api/disputes/" + id + "/consent", Map.of("respondentConsent", "AGREED"));
        return id;
    }

    private static void assertValidation(ResponseEntity<String> r, String field, ObjectMapper mapper) throws Exception {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(422);
        JsonNode problem = mapper.readTree(r.getBody());
        assertThat(problem.path("errors").findValuesAsText("field")).contains(field);
        assertThat(problem.path("errors").toString()).contains("不属于");
    }

    @Test
    @DisplayName("mediators: mediator2 of another committee cannot be named, whoever selected them")
    void mediatorOfAnotherCommittee() throws Exception {
        String id = consented();
        for (String selectedBy : List.of("ORG", "PARTIES")) {
            assertValidation(call("orgadmin", HttpMethod.POST, "/api/disputes/" + id + "/mediators",
                    Map.of("presidingMediatorId", "mediator2", "mediatorIds", List.of("mediator2"), "selectedBy", selectedBy)),
                    "mediatorIds", mapper);
            assertValidation(call("orgadmin", HttpMethod.POST, "/api/disputes/" + id + "/mediators",
                    Map.of("presidingMediatorId", "mediator1", "mediatorIds", List.of("mediator1", "mediator2"),
                            "selectedBy", selectedBy)), "mediatorIds", mapper);
        }
        JsonNode c = ok("admin", HttpMethod.GET, "/api/disputes/" + id, null);
        assertThat(c.path("status").asText()).isEqualTo("MEDIATOR_ASSIGNMENT");
    }

    @Test
    @DisplayName("recusal: mediator1 cannot hand the case to mediator2 of another committee, through /api or /engine-rest")
    void recusalToAnotherCommittee() throws Exception {
        String id = consented();
        ok("orgadmin", HttpMethod.POST, "/api/disputes/" + id + "/mediators",
                Map.of("presidingMediatorId", "mediator1", "mediatorIds", List.of("mediator1"), "selectedBy", "ORG"));
        assertValidation(call("mediator1", HttpMethod.POST, "/api/disputes/" + id + "/recusal",
                Map.of("requestedBy", "周某", "grounds", "与申请人系亲属", "replacementMediatorId", "mediator2")),
                "replacementMediatorId", mapper);

        String pid = ok("admin", HttpMethod.GET, "/api/disputes/" + id, null).path("processInstanceId").asText();
        String taskId = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("UserTask_Mediate")
                .singleResult().getId();
        Map<String, Object> variables = Map.of("action", Map.of("value", "recusal"), "requestedBy", Map.of("value", "周某"),
                "grounds", Map.of("value", "与申请人系亲属"), "replacementMediatorId", Map.of("value", "mediator2"));
        ResponseEntity<String> viaEngine = call("mediator1", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables));
        assertValidation(viaEngine, "replacementMediatorId", mapper);
        JsonNode problem = mapper.readTree(viaEngine.getBody());
        assertThat(problem.path("message").asText()).contains("不属于本案的调解组织");
        assertThat(problem.path("status").asInt()).isEqualTo(422);

        JsonNode c = ok("admin", HttpMethod.GET, "/api/disputes/" + id, null);
        assertThat(c.path("presidingMediatorId").asText()).isEqualTo("mediator1");
        assertThat(c.path("status").asText()).isEqualTo("IN_MEDIATION");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).as("the step is still open").isNotNull();
    }
}
