package org.fengqiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
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
 * The engine's API gives non-admins what the Tasklist (and, for Cockpit users, the Cockpit's read
 * pages) need and no more: housekeeping jobs, job definitions, metrics, statistics, identity
 * verification, conditions, migration, batches and deployments are refused with a 403 problem, and
 * request bodies are capped (413) — on a real port, through Jersey.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.datasource.url=jdbc:h2:mem:fengqiao-webapp;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class EngineApiScopeTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;
    @Autowired ManagementService managementService;

    private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private void forbidden(String user, HttpMethod method, String path, Object body) throws Exception {
        ResponseEntity<String> r = call(user, method, path, body);
        assertThat(r.getStatusCode().value()).as(method + " " + path + " as " + user + " → " + r.getBody()).isEqualTo(403);
        JsonNode problem = mapper.readTree(r.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("message").asText()).isNotBlank();
        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
    }

    private void allowed(String user, HttpMethod method, String path, Object body) {
        ResponseEntity<String> r = call(user, method, path, body);
        assertThat(r.getStatusCode().value()).as(method + " " + path + " as " + user + " → " + r.getBody()).isBetween(200, 204);
    }

    @Test
    @DisplayName("housekeeping, metrics, statistics, identity verification, conditions, migration, batches, deployments: admins only")
    void adminOnly() throws Exception {
        List<Job> jobs = managementService.createJobQuery().list();
        String jobId = jobs.isEmpty() ? "any-job" : jobs.get(0).getId();
        String before = jobs.isEmpty() ? null : jobs.get(0).isSuspended() + "/" + jobs.get(0).getRetries();
        for (String user : List.of("mediator1", "clerk", "officer1", "custodian", "supervisor")) {
            forbidden(user, HttpMethod.PUT, "/engine-rest/job/" + jobId + "/suspended", Map.of("suspended", true));
            forbidden(user, HttpMethod.PUT, "/engine-rest/job/" + jobId + "/retries", Map.of("retries", 0));
            forbidden(user, HttpMethod.DELETE, "/engine-rest/job/" + jobId, null);
            forbidden(user, HttpMethod.POST, "/engine-rest/job/retries", Map.of("retries", 0, "jobIds", List.of(jobId)));
            forbidden(user, HttpMethod.PUT, "/engine-rest/job-definition/suspended", Map.of("suspended", true));
            forbidden(user, HttpMethod.GET, "/engine-rest/metrics/activity-instance-start/sum", null);
            forbidden(user, HttpMethod.GET, "/engine-rest/metrics", null);
            forbidden(user, HttpMethod.POST, "/engine-rest/identity/verify", Map.of("username", "admin", "password", "demo"));
            forbidden(user, HttpMethod.POST, "/engine-rest/condition", Map.of("variables", Map.of()));
            forbidden(user, HttpMethod.POST, "/engine-rest/migration/generate", Map.of());
            forbidden(user, HttpMethod.GET, "/engine-rest/batch", null);
            forbidden(user, HttpMethod.GET, "/engine-rest/deployment", null);
            forbidden(user, HttpMethod.POST, "/engine-rest/process-instance/delete", Map.of());
            forbidden(user, HttpMethod.POST, "/engine-rest/message", Map.of("messageName", "CourtDecision"));
        }
        // Tasklist users see no statistics, jobs or job definitions at all; the Cockpit user reads them
        for (String user : List.of("mediator1", "clerk", "officer1")) {
            forbidden(user, HttpMethod.GET, "/engine-rest/process-definition/statistics", null);
            forbidden(user, HttpMethod.GET, "/engine-rest/job", null);
            forbidden(user, HttpMethod.GET, "/engine-rest/job-definition", null);
        }
        allowed("supervisor", HttpMethod.GET, "/engine-rest/process-definition/statistics", null);
        allowed("supervisor", HttpMethod.GET, "/engine-rest/job", null);
        // the Tasklist's calls still work
        allowed("mediator1", HttpMethod.GET, "/engine-rest/task", null);
        allowed("mediator1", HttpMethod.GET, "/engine-rest/filter", null);
        allowed("mediator1", HttpMethod.GET, "/engine-rest/identity/groups?userId=mediator1", null);
        // admins keep everything
        allowed("admin", HttpMethod.GET, "/engine-rest/metrics/activity-instance-start/sum", null);
        allowed("admin", HttpMethod.GET, "/engine-rest/deployment", null);
        allowed("admin", HttpMethod.GET, "/engine-rest/job", null);
        allowed("admin", HttpMethod.POST, "/engine-rest/identity/verify", Map.of("username", "admin", "password", "demo"));
        if (before != null) {
            Job after = managementService.createJobQuery().jobId(jobId).singleResult();
            assertThat(after.isSuspended() + "/" + after.getRetries()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("a body over the cap is a 413 problem on /engine-rest and the webapps' API")
    void bodiesAreCapped() throws Exception {
        String huge = "{\"processInstanceIds\":[\"" + "x".repeat(5 * 1024 * 1024) + "\"]}";
        for (String path : List.of("/engine-rest/task", "/camunda/api/engine/engine/default/task")) {
            ResponseEntity<String> r = call("mediator1", HttpMethod.POST, path, huge);
            assertThat(r.getStatusCode().value()).as(path).isEqualTo(413);
            assertThat(mapper.readTree(r.getBody()).path("status").asInt()).isEqualTo(413);
        }
        allowed("mediator1", HttpMethod.POST, "/engine-rest/task", Map.of("processInstanceIds", List.of("x")));
    }
}
