package org.fengqiao.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every door answers odd requests with a problem, never a 500: raw HTTP on a real port (no client
 * normalises the paths), with and without credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.datasource.url=jdbc:h2:mem:fengqiao-webapp;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class DoorProblemsTest {

    @LocalServerPort int port;
    @Autowired ObjectMapper mapper;
    @Autowired TaskService taskService;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String rawPath, String user, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode problem(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.uri() + " → " + r.body()).contains("json");
        JsonNode body = mapper.readTree(r.body());
        assertThat(body.path("status").asInt()).as(r.body()).isEqualTo(r.statusCode());
        assertThat(body.path("title").asText()).as(r.body()).isNotBlank();
        return body;
    }

    @Test
    @DisplayName("odd paths to the engine's door are 400/401/404 problems, with or without credentials")
    void oddPaths() throws Exception {
        for (String path : List.of("//engine-rest/task", "/api/%2e%2e/engine-rest/task", "/camunda/../engine-rest/task",
                "/engine-rest//task", "/api/..;/engine-rest/task", "/engine-rest/%2e%2e/api/disputes")) {
            for (String user : new String[] {null, "mediator1", "admin"}) {
                HttpResponse<String> r = send("GET", path, user, null);
                assertThat(r.statusCode()).as(path + " as " + user + " → " + r.body()).isIn(400, 401, 403, 404);
                problem(r);
            }
        }
    }

    @Test
    @DisplayName("GET /error is a 404 problem; TRACE is 405 with Allow; every 405 carries Allow")
    void errorPageTraceAndAllow() throws Exception {
        for (String user : new String[] {null, "admin"}) {
            HttpResponse<String> error = send("GET", "/error", user, null);
            assertThat(error.statusCode()).as(error.body()).isIn(400, 404);
            problem(error);
        }
        for (String path : List.of("/api/disputes", "/engine-rest/task", "/camunda/app/tasklist/", "/")) {
            HttpResponse<String> trace = send("TRACE", path, "admin", null);
            assertThat(trace.statusCode()).as("TRACE " + path + " → " + trace.body()).isEqualTo(405);
            assertThat(trace.headers().firstValue("Allow")).as("Allow on TRACE " + path).isPresent();
        }
        // 405s of the REST facade and of the engine's REST API
        HttpResponse<String> api = send("PATCH", "/api/disputes", "admin", "{}");
        assertThat(api.statusCode()).isEqualTo(405);
        assertThat(api.headers().firstValue("Allow")).isPresent();
        problem(api);
        HttpResponse<String> engine = send("DELETE", "/engine-rest/task", "admin", null);
        assertThat(engine.statusCode()).isEqualTo(405);
        assertThat(engine.headers().firstValue("Allow")).isPresent();
    }

    @Test
    @DisplayName("completing a task that is gone (completed through /api, or never existed) is a 404 problem on /engine-rest")
    void completingAFinishedTask() throws Exception {
        Map<String, Object> vars = Map.of("variables", Map.of());
        HttpResponse<String> r = send("POST", "/engine-rest/task/no-such-task/complete", "mediator1", mapper.writeValueAsString(vars));
        assertThat(r.statusCode()).as(r.body()).isIn(404, 409);
        JsonNode body = problem(r);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("type").asText()).isNotBlank();

        // a real step: completed through /api, then again through /engine-rest with the old task id
        Map<String, Object> registration = Map.of("title", "邻里噪音纠纷", "facts", "楼上夜间噪音。", "category", "NEIGHBOR",
                "channel", "PARTY_APPLICATION", "centreId", "rz", "parties", List.of(
                        Map.of("role", "APPLICANT", "type", "NATURAL", "name", "孙某"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "周某")));
        HttpResponse<String> created = send("POST", "/api/disputes", "clerk", mapper.writeValueAsString(registration));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode c = mapper.readTree(created.body());
        String taskId = taskService.createTaskQuery().processInstanceId(c.path("processInstanceId").asText())
                .taskDefinitionKey("UserTask_Triage").singleResult().getId();
        HttpResponse<String> triaged = send("POST", "/api/disputes/" + c.path("id").asText() + "/triage", "triage",
                mapper.writeValueAsString(Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                        "orgId", "rz-ls-adw-tw", "assignmentMode", "DESIGNATE", "complexity", "ORDINARY", "riskLevel", "LOW")));
        assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(200);
        for (String user : List.of("triage", "admin")) {
            HttpResponse<String> again = send("POST", "/engine-rest/task/" + taskId + "/complete", user,
                    mapper.writeValueAsString(vars));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
            assertThat(problem(again).path("message").asText()).contains("已由他人办理");
        }
    }
}
