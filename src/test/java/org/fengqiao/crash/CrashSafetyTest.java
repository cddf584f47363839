package org.fengqiao.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fengqiao.support.AppProcess;
import org.fengqiao.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the application as its own JVM on PostgreSQL, fires a burst of API actions from several
 * clients, kills the JVM with SIGKILL in the middle, restarts it on the same database and checks:
 * every action that had answered 2xx is there, no refused action left a trace, every case still
 * has its open step, and the custody ledger still verifies.
 */
@Tag("postgres")
class CrashSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Ack(String caseId, String action, String statusAfter) {
    }

    @Test
    void killDashNineDuringABurstLosesNothingAcknowledged() throws Exception {
        String url = PostgresDatabase.create("fq_crash");
        int port = AppProcess.freePort();
        AppProcess app = launch(url, port, Path.of("target", "crash-app-" + port + ".log"));
        List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> refused = new ConcurrentHashMap<>();
        try {
            app.awaitReady(Duration.ofSeconds(180));
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            burstOneCase(port, acks, refused);
                        } catch (IOException | InterruptedException connectionLost) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            Instant until = Instant.now().plusSeconds(20);
            while (acks.size() < 40 && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            app.kill(); // SIGKILL, mid-burst
            running.set(false);
            clients.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        } finally {
            app.kill();
        }
        assertThat(acks).as("actions acknowledged before the kill").hasSizeGreaterThan(10);

        AppProcess restarted = launch(url, port, Path.of("target", "crash-app-" + port + "-restart.log"));
        try {
            restarted.awaitReady(Duration.ofSeconds(180));
            System.out.println("crash test: " + acks.size() + " acknowledged actions before SIGKILL, "
                    + refused.size() + " refused");
            for (Ack ack : List.copyOf(acks)) {
                if (ack.caseId().startsWith("item:")) {
                    JsonNode ledger = get(port, "custodian", "/api/property-items/" + ack.caseId().substring(5) + "/ledger");
                    assertThat(ledger.toString()).as("ledger of acknowledged item").contains("\"REGISTER\"");
                    continue;
                }
                JsonNode history = get(port, "admin", "/api/disputes/" + ack.caseId() + "/history");
                assertThat(history.isArray()).as("case %s survives", ack.caseId()).isTrue();
                boolean present = false;
                for (JsonNode h : history) {
                    present |= h.path("action").asText().equals(ack.action())
                            && h.path("toStatus").asText().equals(ack.statusAfter());
                }
                assertThat(present).as("%s %s acknowledged and kept", ack.caseId(), ack.action()).isTrue();
            }
            for (Map.Entry<String, String> r : refused.entrySet()) {
                JsonNode history = get(port, "admin", "/api/disputes/" + r.getKey() + "/history");
                // the refused consent was attempted while the case was in TRIAGE: no such step may exist
                for (JsonNode h : history) {
                    assertThat(h.path("action").asText() + "@" + h.path("fromStatus").asText())
                            .as("refused %s left no trace", r.getValue()).isNotEqualTo(r.getValue());
                }
            }
            // every case that is not final still waits in exactly one step of its process
            JsonNode page = get(port, "admin", "/api/disputes?size=200");
            for (JsonNode c : page.path("items")) {
                String pid = c.path("processInstanceId").asText();
                JsonNode tasks = get(port, "admin", "/engine-rest/task?processInstanceId=" + pid);
                JsonNode executions = get(port, "admin", "/engine-rest/process-instance?processInstanceIds=" + pid);
                if (!c.path("status").asText().equals("ARCHIVED")) {
                    assertThat(executions.size()).as("process of %s alive", c.path("caseNo")).isEqualTo(1);
                    assertThat(tasks.size()).as("open step of %s", c.path("caseNo")).isGreaterThanOrEqualTo(1);
                }
            }
            JsonNode verification = get(port, "custodian", "/api/custody-ledger/verification");
            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        } finally {
            restarted.kill();
        }
    }

    /** One client's work: register, triage, accept, consent, assign; plus one refused action. */
    private void burstOneCase(int port, List<Ack> acks, Map<String, String> refused)
            throws IOException, InterruptedException {
        Map<String, Object> body = Map.of("title", "崩溃测试", "category", "DEBT", "channel", "HOTLINE_12345",
                "centreId", "rz", "parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", "甲"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "乙")));
        HttpResponse<String> r = post(port, "clerk", "/api/disputes", body);
        if (r.statusCode() != 201) {
            return;
        }
        String id = JSON.readTree(r.body()).path("id").asText();
        acks.add(new Ack(id, "register", "TRIAGE"));
        // refused: consent is not allowed in TRIAGE
        if (post(port, "admin", "/api/disputes/" + id + "/consent", Map.of("respondentConsent", "AGREED")).statusCode() == 409) {
            refused.put(id, "consent@TRIAGE");
        }
        step(port, acks, id, "triage", "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", "rz-ls-adw-tw", "assignmentMode", "PUSH"));
        step(port, acks, id, "orgadmin", "acceptance", Map.of("accepted", true));
        step(port, acks, id, "orgadmin", "consent", Map.of("respondentConsent", "AGREED"));
        step(port, acks, id, "orgadmin", "mediators", Map.of("presidingMediatorId", "mediator1"));
        // custody: a case with one seized item appends REGISTER entries to the global ledger
        HttpResponse<String> pc = post(port, "officer1", "/api/property-cases", Map.of("agencyCaseNo", "CRASH-" + id,
                "caseName", "崩溃测试案", "caseType", "CRIMINAL", "handlingAgencyId", "rz-police",
                "officerIds", List.of("officer1", "officer2")));
        if (pc.statusCode() == 201) {
            String caseId = JSON.readTree(pc.body()).path("id").asText();
            HttpResponse<String> items = post(port, "officer1", "/api/property-cases/" + caseId + "/items", List.of(
                    Map.of("name", "手机", "category", "ELECTRONIC_DATA", "quantity", 1, "unit", "部", "measure", "SEIZE",
                            "valuation", 1999, "evidenceUse", true)));
            if (items.statusCode() == 201) {
                for (JsonNode item : JSON.readTree(items.body())) {
                    acks.add(new Ack("item:" + item.path("id").asText(), "REGISTER", "PENDING_HANDOVER"));
                }
            }
        }
    }

    private void step(int port, List<Ack> acks, String id, String user, String action, Map<String, ?> body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = post(port, user, "/api/disputes/" + id + "/" + action, body);
        if (r.statusCode() == 200) {
            acks.add(new Ack(id, action, JSON.readTree(r.body()).path("status").asText()));
        }
    }

    private HttpResponse<String> post(int port, String user, String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode get(int port, String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(user)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return JSON.readTree(r.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private static AppProcess launch(String url, int port, Path log) throws IOException {
        return AppProcess.start(port, log, List.of("-Xmx768m"), List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresDatabase.USER,
                "--logging.level.root=WARN"));
    }
}
