package org.fengqiao.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.fengqiao.support.AppProcess;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Restoring last week's backup must not erase later entries without a trace. The application runs
 * as its own JVM on the default H2 file database ({@code ./data} of a fresh working directory); a
 * copy of the database file is taken, more custody work is done and a checkpoint signed, then the
 * old copy is put back (the checkpoint directory, as in production, is not part of the database's
 * backup). On the next start the verification reports the rollback, in the log as an error and in
 * {@code /actuator/health}, while the node stays up for the investigation.
 */
class LedgerRestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aDatabaseRestoredFromAnOlderCopyIsReportedAtStartUpAndByTheVerification() throws Exception {
        Path workDir = Files.createDirectories(Path.of("target", "ledger-restore-" + System.nanoTime()).toAbsolutePath());
        Path database = workDir.resolve("data").resolve("fengqiao.mv.db");
        Path backup = workDir.resolve("fengqiao.mv.db.backup");
        int port = AppProcess.freePort();

        AppProcess first = start(port, workDir, "first");
        try {
            first.awaitReady(Duration.ofSeconds(180));
            assertThat(post(port, "admin", "/api/custody-ledger/checkpoints", null).statusCode()).isEqualTo(201);
        } finally {
            first.kill();
        }
        Files.copy(database, backup, StandardCopyOption.REPLACE_EXISTING);

        long signed;
        AppProcess second = start(port, workDir, "second");
        try {
            second.awaitReady(Duration.ofSeconds(180));
            HttpResponse<String> pc = post(port, "officer1", "/api/property-cases", Map.of("agencyCaseNo", "RESTORE-1",
                    "caseName", "备份恢复测试案", "caseType", "CRIMINAL", "handlingAgencyId", "rz-police",
                    "officerIds", List.of("officer1", "officer2")));
            assertThat(pc.statusCode()).as(pc.body()).isEqualTo(201);
            String caseId = JSON.readTree(pc.body()).path("id").asText();
            HttpResponse<String> items = post(port, "officer1", "/api/property-cases/" + caseId + "/items", List.of(
                    Map.of("name", "笔记本电脑", "category", "ELECTRONIC_DATA", "quantity", 1, "unit", "台", "measure", "SEIZE", "source", "嫌疑人随身",
                            "valuation", 5000, "evidenceUse", true)));
            assertThat(items.statusCode()).as(items.body()).isEqualTo(201);
            HttpResponse<String> checkpoint = post(port, "admin", "/api/custody-ledger/checkpoints", null);
            assertThat(checkpoint.statusCode()).isEqualTo(201);
            signed = JSON.readTree(checkpoint.body()).path("treeSize").asLong();
            assertThat(get(port, "/api/custody-ledger/verification").path("valid").asBoolean()).isTrue();
        } finally {
            second.kill();
        }

        // last week's backup comes back; the checkpoint files stay where they are
        Files.copy(backup, database, StandardCopyOption.REPLACE_EXISTING);
        AppProcess restored = start(port, workDir, "restored");
        try {
            restored.awaitReady(Duration.ofSeconds(180));
            JsonNode ledger = null;
            Instant until = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(until)) {
                ledger = get(port, "/actuator/health").path("components").path("custodyLedger");
                if (ledger.path("details").has("valid")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(ledger.path("status").asText()).as(ledger.toString()).isEqualTo("LEDGER_INVALID");
            assertThat(ledger.path("details").path("reason").asText()).contains("signed over " + signed).contains("older backup");
            assertThat(get(port, "/actuator/health").path("status").asText()).isEqualTo("UP");
            JsonNode verification = get(port, "/api/custody-ledger/verification");
            assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isFalse();
            assertThat(verification.path("entries").asLong()).isLessThan(signed);
            // nothing new is signed over the rolled-back ledger
            assertThat(post(port, "admin", "/api/custody-ledger/checkpoints", null).statusCode()).isEqualTo(409);
            assertThat(Files.readString(restored.log())).contains("custody ledger DOES NOT VERIFY at start-up");
        } finally {
            restored.kill();
        }
    }

    private static AppProcess start(int port, Path workDir, String name) throws IOException {
        return AppProcess.start(port, workDir.resolve(name + ".log"), List.of("-Xmx768m"), List.of(), workDir);
    }

    private HttpResponse<String> post(int port, String user, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(user)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic("admin")).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return JSON.readTree(r.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
