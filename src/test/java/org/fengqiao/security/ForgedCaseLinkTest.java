package org.fengqiao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.supervision.SupervisionRecords;
import org.fengqiao.support.PortApi;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Replays the forged-case-link attacks of issue 11 on a real port, through {@code /engine-rest}
 * (Jersey) and the REST facade: mediator1 (安东卫 committee) works case B; case A belongs to the
 * 碑廓 committee (mediator2). Rewriting B's {@code caseId} or completing B's task with A's id must
 * leave A exactly as it was — no 督办, no history entry, no copied summary — and B must keep working.
 * Shares the context of the webapp tests (same properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.datasource.url=jdbc:h2:mem:fengqiao-webapp;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class ForgedCaseLinkTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired SupervisionRecords supervisions;
    private PortApi http;

    @org.junit.jupiter.api.BeforeEach
    void http() {
        http = new PortApi(rest, mapper);
    }

    @AfterEach
    void clear() {
        identityService.clearAuthentication();
    }

    // --- HTTP helpers ---------------------------------------------------------------------------

    private String act(String user, String id, String action, Map<String, ?> body) throws Exception {
        return http.ok(user, HttpMethod.POST, "/api/disputes/" + id + "/" + action, body).path("status").asText();
    }

    /** Registers a case and drives it into mediation at {@code orgId} with {@code mediator} presiding. */
    private String inMediation(Map<String, Object> registration, String orgId, String orgAdmin, String mediator) throws Exception {
        String id = http.ok("clerk", HttpMethod.POST, "/api/disputes", registration).path("id").asText();
        assertThat(act("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", orgId, "assignmentMode", "DESIGNATE", "complexity", "ORDINARY", "riskLevel", "LOW")))
                .isEqualTo("CONSENT_PENDING");
        assertThat(act(orgAdmin, id, "consent", Map.of("respondentConsent", "AGREED"))).isEqualTo("MEDIATOR_ASSIGNMENT");
        assertThat(act(orgAdmin, id, "mediators", Map.of("presidingMediatorId", mediator, "mediatorIds", List.of(mediator),
                "selectedBy", "ORG"))).isEqualTo("IN_MEDIATION");
        return id;
    }

    private static Map<String, Object> victimCase() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "6名务工人员追讨工资");
        body.put("facts", "工程完工后公司拖欠工资共计17万元。");
        body.put("claims", "支付拖欠工资17万元");
        body.put("category", "LABOR");
        body.put("channel", "GRID_REPORT");
        body.put("amountInvolved", 170000);
        body.put("centreId", "rz");
        body.put("parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", "受害案件申请人"),
                Map.of("role", "RESPONDENT", "type", "LEGAL", "name", "日照某建筑工程有限公司")));
        return body;
    }

    private static Map<String, Object> attackersCase() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "邻里宅基地滴水纠纷");
        body.put("facts", "一方屋檐滴水至另一方院内。");
        body.put("category", "NEIGHBOR");
        body.put("channel", "PARTY_APPLICATION");
        body.put("centreId", "rz");
        body.put("parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", "孙某"),
                Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "周某")));
        return body;
    }

    /** What must not change on the victim's case: its view, its history and its supervision records. */
    private record Snapshot(String status, String dueAt, int historySize, int supervisions, String processVariables) {
    }

    private Snapshot snapshot(String id) throws Exception {
        JsonNode c = http.ok("admin", HttpMethod.GET, "/api/disputes/" + id, null);
        JsonNode history = http.ok("admin", HttpMethod.GET, "/api/disputes/" + id + "/history", null);
        String pid = c.path("processInstanceId").asText();
        return new Snapshot(c.path("status").asText(), c.path("dueAt").asText(), history.size(),
                supervisions.forTarget("DISPUTE", id).size(),
                new java.util.TreeMap<>(runtimeService.getVariables(pid)).toString());
    }

    private String pid(String id) throws Exception {
        return http.ok("admin", HttpMethod.GET, "/api/disputes/" + id, null).path("processInstanceId").asText();
    }

    private Task mediateTask(String pid) {
        return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("UserTask_Mediate").singleResult();
    }

    private Map<String, Object> sessionVariables(String caseId) {
        Map<String, Object> v = new HashMap<>();
        v.put("action", Map.of("value", "sessions"));
        v.put("heldAt", Map.of("value", TestClock.now().atOffset(java.time.ZoneOffset.ofHours(8)).minusMinutes(30)
                .withNano(0).toLocalDateTime().toString()));
        v.put("place", Map.of("value", "安东卫街道调解室"));
        v.put("minutes", Map.of("value", "双方陈述意见"));
        v.put("rightsNoticeDelivered", Map.of("value", true));
        if (caseId != null) {
            v.put("caseId", Map.of("value", caseId));
        }
        return v;
    }

    // --- the attacks ----------------------------------------------------------------------------

    @Test
    @DisplayName("PUT …/variables/caseId with another case's id: refused (403); forged anyway, the timer still acts on the own case only")
    void forgedCaseIdThenTimer() throws Exception {
        String victim = inMediation(victimCase(), "rz-ls-bk-tw", "orgadmin2", "mediator2");
        String mine = inMediation(attackersCase(), "rz-ls-adw-tw", "orgadmin", "mediator1");
        String myPid = pid(mine);
        Task task = mediateTask(myPid);
        Snapshot before = snapshot(victim);

        // the engine's door: no variable is written outside a step
        for (String path : List.of("/engine-rest/task/" + task.getId() + "/variables/caseId",
                "/engine-rest/task/" + task.getId() + "/localVariables/caseId",
                "/engine-rest/process-instance/" + myPid + "/variables/caseId",
                "/engine-rest/execution/" + myPid + "/localVariables/caseId")) {
            ResponseEntity<String> put = http.call("mediator1", HttpMethod.PUT, path, Map.of("value", victim, "type", "String"));
            assertThat(put.getStatusCode().value()).as(path + " → " + put.getBody()).isEqualTo(403);
            assertThat(http.json(put).path("message").asText()).contains("变量");
            assertThat(http.json(put).path("status").asInt()).isEqualTo(403);
        }
        ResponseEntity<String> modify = http.call("mediator1", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/variables",
                Map.of("modifications", Map.of("caseId", Map.of("value", victim))));
        assertThat(modify.getStatusCode().value()).isEqualTo(403);
        assertThat(runtimeService.getVariable(myPid, "caseId")).isEqualTo(mine);

        // defence in depth: as if a door had let the write through
        runtimeService.setVariable(myPid, "caseId", victim);
        runtimeService.setVariable(myPid, "smuggled", "x");
        Job warning = managementService.createJobQuery().processInstanceId(myPid).timers()
                .activityId("Timer_MediationWarning").singleResult();
        TestClock.travelTo(warning.getDuedate().toInstant().plus(Duration.ofMinutes(1)));
        managementService.executeJob(warning.getId());

        assertThat(snapshot(victim)).isEqualTo(before);
        assertThat(supervisions.forTarget("DISPUTE", mine)).hasSize(1);
        // the attacker's variables describe the attacker's case, never the victim's
        Map<String, Object> mineVars = runtimeService.getVariables(myPid);
        assertThat(mineVars.get("caseId")).isEqualTo(mine);
        assertThat(mineVars).doesNotContainKey("smuggled");
        assertThat(String.valueOf(mineVars.get("caseSummary"))).doesNotContain("170000", "受害案件申请人");
        // and the attacker's case still works
        assertThat(act("mediator1", mine, "sessions", Map.of("heldAt", TestClock.now().atOffset(java.time.ZoneOffset.ofHours(8))
                .withNano(0).toString(), "place", "调解室", "minutes", "双方陈述", "rightsNoticeDelivered", true)))
                .isEqualTo("IN_MEDIATION");
    }

    @Test
    @DisplayName("completing the own task with caseId = another case: 422 through /engine-rest; the listener ignores a forged caseId")
    void completionWithForeignCaseId() throws Exception {
        String victim = inMediation(victimCase(), "rz-ls-bk-tw", "orgadmin2", "mediator2");
        String mine = inMediation(attackersCase(), "rz-ls-adw-tw", "orgadmin", "mediator1");
        String myPid = pid(mine);
        Snapshot before = snapshot(victim);

        // through /engine-rest: termination of "the victim's" case from the attacker's task
        Map<String, Object> terminate = new HashMap<>();
        terminate.put("caseId", Map.of("value", victim));
        terminate.put("action", Map.of("value", "termination"));
        terminate.put("reason", Map.of("value", "调解不成"));
        terminate.put("routesInformed", Map.of("value", "LITIGATION"));
        ResponseEntity<String> r = http.call("mediator1", HttpMethod.POST,
                "/engine-rest/task/" + mediateTask(myPid).getId() + "/complete", Map.of("variables", terminate));
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(422);
        JsonNode problem = http.json(r);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation-failed");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("message").asText()).contains("本步骤的表单没有该字段");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("caseId");
        // the same through submit-form, the Tasklist's call
        ResponseEntity<String> submit = http.call("mediator1", HttpMethod.POST,
                "/engine-rest/task/" + mediateTask(myPid).getId() + "/submit-form", Map.of("variables", terminate));
        assertThat(submit.getStatusCode().value()).as(submit.getBody()).isEqualTo(422);

        assertThat(snapshot(victim)).isEqualTo(before);
        assertThat(http.ok("admin", HttpMethod.GET, "/api/disputes/" + mine, null).path("status").asText()).isEqualTo("IN_MEDIATION");

        // behind the door, the listener takes the case from the business key: a forged caseId acts on the own case
        identityService.setAuthentication("mediator1", List.of("mediator", "rz-ls-adw-tw-mediator"));
        Map<String, Object> forged = new HashMap<>();
        sessionVariables(victim).forEach((k, v) -> forged.put(k, ((Map<?, ?>) v).get("value")));
        taskService.complete(mediateTask(myPid).getId(), forged);
        // and an undeclared field is refused by the listener too (422 in the cause chain)
        Map<String, Object> smuggling = new HashMap<>(forged);
        smuggling.remove("caseId");
        smuggling.put("orgId", "rz-ls-bk-tw");
        Throwable refused = catchThrowable(() -> taskService.complete(mediateTask(myPid).getId(), smuggling));
        identityService.clearAuthentication();
        assertThat(refused).isNotNull();
        Throwable cause = refused;
        while (cause != null && !(cause instanceof ValidationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("ValidationException in " + refused).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) cause).errors()).extracting(ValidationException.FieldError::field).containsExactly("orgId");

        assertThat(snapshot(victim)).isEqualTo(before);
        JsonNode history = http.ok("admin", HttpMethod.GET, "/api/disputes/" + mine + "/history", null);
        assertThat(history.get(history.size() - 1).path("action").asText()).isEqualTo("sessions");
        assertThat(runtimeService.getVariable(myPid, "caseId")).isEqualTo(mine);

        // a well-formed completion through /engine-rest works, and a listener refusal comes back as a 422 problem
        ResponseEntity<String> good = http.call("mediator1", HttpMethod.POST,
                "/engine-rest/task/" + mediateTask(myPid).getId() + "/complete", Map.of("variables", sessionVariables(null)));
        assertThat(good.getStatusCode().value()).as(good.getBody()).isEqualTo(204);
        Map<String, Object> incomplete = new HashMap<>();
        incomplete.put("action", Map.of("value", "sessions"));
        incomplete.put("place", Map.of("value", "调解室"));
        ResponseEntity<String> refusedByDomain = http.call("mediator1", HttpMethod.POST,
                "/engine-rest/task/" + mediateTask(myPid).getId() + "/complete", Map.of("variables", incomplete));
        assertThat(refusedByDomain.getStatusCode().value()).as(refusedByDomain.getBody()).isEqualTo(422);
        JsonNode domainProblem = http.json(refusedByDomain);
        assertThat(domainProblem.path("message").asText()).isNotBlank().doesNotContain("ENGINE-");
        assertThat(domainProblem.path("type").asText()).isEqualTo("/problems/validation-failed");
        assertThat(domainProblem.path("status").asInt()).isEqualTo(422);
        assertThat(domainProblem.path("title").asText()).isEqualTo("Validation failed");
        assertThat(snapshot(victim)).isEqualTo(before);
    }
}
