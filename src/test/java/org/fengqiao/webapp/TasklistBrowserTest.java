package org.fengqiao.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 5's browser test: Debian's chromium, driven by playwright-core
 * ({@code src/test/browser/tasklist-mediation.js}), logs into the Chinese Tasklist as
 * {@code mediator1}, opens the 主持调解 task of the seeded labour dispute, records a session in the
 * Camunda Form and completes it; the API must then show the session in the case's history.
 * Screenshots go to {@code target/browser-artifacts/}. Without chromium, node or
 * {@code src/test/browser/node_modules} the test is skipped with the reason printed, unless
 * {@code FENGQIAO_REQUIRE_BROWSER=true} (CI), where it fails instead.
 */
@Tag("browser")
@BrowserTestServer
class TasklistBrowserTest {

    static final Path SCRIPT_DIR = Path.of("src/test/browser");
    static final Path ARTIFACTS = Path.of("target/browser-artifacts");
    static final String SEEDED_CASE = "DEMO-LABOUR-001";

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;

    private JsonNode get(String user, String path) throws IOException {
        var response = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path + " → " + response.getBody()).isEqualTo(200);
        return mapper.readTree(response.getBody());
    }

    private static long sessionsBy(JsonNode history, String user) {
        long n = 0;
        for (JsonNode entry : history) {
            if ("sessions".equals(entry.path("action").asText()) && user.equals(entry.path("actor").asText())) {
                n++;
            }
        }
        return n;
    }

    @Test
    @DisplayName("mediator1 records a session in the Chinese Tasklist; the API shows it in the case's history")
    void mediatorRecordsASessionInTheTasklist() throws Exception {
        String chromium = System.getenv().getOrDefault("FENGQIAO_CHROMIUM", "/usr/bin/chromium");
        requireOrSkip(new File(chromium).canExecute(), "chromium not found at " + chromium);
        requireOrSkip(onPath("node"), "node is not on the PATH");
        requireOrSkip(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core not installed: run npm ci in " + SCRIPT_DIR);

        JsonNode seeded = null;
        for (JsonNode item : get("mediator1", "/api/disputes?status=IN_MEDIATION&size=200").path("items")) {
            if (SEEDED_CASE.equals(item.path("sourceRef").asText()) || seeded == null
                    && "mediator1".equals(item.path("presidingMediatorId").asText())) {
                seeded = item;
            }
        }
        assertThat(seeded).as("a seeded case in mediation with mediator1 presiding").isNotNull();
        String id = seeded.path("id").asText();
        String caseNo = seeded.path("caseNo").asText();
        long before = sessionsBy(get("mediator1", "/api/disputes/" + id + "/history"), "mediator1");

        Files.createDirectories(ARTIFACTS);
        Path log = ARTIFACTS.resolve("tasklist-mediation.log");
        ProcessBuilder node = new ProcessBuilder("node", "tasklist-mediation.js").directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://localhost:" + port);
        node.environment().put("CASE_NO", caseNo);
        node.environment().put("USER_ID", "mediator1");
        node.environment().put("PASSWORD", "demo");
        node.environment().put("ARTIFACTS", ARTIFACTS.toAbsolutePath().toString());
        node.environment().put("CHROMIUM", chromium);
        // the session is held "half an hour ago" on the application's clock, which the suite fixes
        node.environment().put("SERVER_NOW_MS", String.valueOf(TestClock.now().toEpochMilli()));
        Process process = node.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("browser: " + output.strip());
        assertThat(finished).as("browser script finished within 5 minutes").isTrue();
        assertThat(process.exitValue()).as("browser script (screenshots in " + ARTIFACTS + "):\n" + output).isZero();

        JsonNode history = get("mediator1", "/api/disputes/" + id + "/history");
        assertThat(sessionsBy(history, "mediator1")).as("a sessions entry by mediator1").isEqualTo(before + 1);
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("action").asText()).isEqualTo("sessions");
        assertThat(last.path("details").path("place").asText()).isEqualTo("安东卫街道调解室");
        assertThat(last.path("details").path("rightsNoticeDelivered").asBoolean()).isTrue();
        assertThat(get("mediator1", "/api/disputes/" + id).path("status").asText()).isEqualTo("IN_MEDIATION");
    }

    @Test
    @DisplayName("one dispute from registration to archive in the Tasklist alone, as clerk, triage, orgadmin, mediator1, court and visitor; "
            + "no English or engine words on the way")
    void wholeCaseInTheTasklist() throws Exception {
        String chromium = System.getenv().getOrDefault("FENGQIAO_CHROMIUM", "/usr/bin/chromium");
        requireOrSkip(new File(chromium).canExecute(), "chromium not found at " + chromium);
        requireOrSkip(onPath("node"), "node is not on the PATH");
        requireOrSkip(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core not installed: run npm ci in " + SCRIPT_DIR);

        Path artifacts = ARTIFACTS.resolve("lifecycle");
        Files.createDirectories(artifacts);
        Path log = artifacts.resolve("tasklist-lifecycle.log");
        Path resultFile = artifacts.resolve("result.json");
        Files.deleteIfExists(resultFile);
        ProcessBuilder node = new ProcessBuilder("node", "tasklist-lifecycle.js").directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://localhost:" + port);
        node.environment().put("ARTIFACTS", artifacts.toAbsolutePath().toString());
        node.environment().put("SCREENSHOTS", Path.of("docs/screenshots").toAbsolutePath().toString());
        node.environment().put("RESULT", resultFile.toAbsolutePath().toString());
        node.environment().put("CHROMIUM", chromium);
        node.environment().put("SERVER_NOW_MS", String.valueOf(TestClock.now().toEpochMilli()));
        Process process = node.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("browser: " + output.strip());
        assertThat(finished).as("browser script finished within 10 minutes").isTrue();
        assertThat(process.exitValue()).as("browser script (screenshots in " + artifacts + "):\n" + output).isZero();

        JsonNode result = mapper.readTree(resultFile.toFile());
        String id = result.path("id").asText();
        JsonNode c = get("orgadmin", "/api/disputes/" + id);
        assertThat(c.path("status").asText()).isEqualTo("ARCHIVED");
        assertThat(c.path("caseNo").asText()).isEqualTo(result.path("caseNo").asText());
        // registered in the Tasklist exactly as through the API: the clerk, the 案号 as the process's business key
        JsonNode history = get("orgadmin", "/api/disputes/" + id + "/history");
        List<String> actions = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        history.forEach(h -> { actions.add(h.path("action").asText()); actors.add(h.path("actor").asText()); });
        assertThat(actions).startsWith("register", "triage", "acceptance", "consent", "mediators", "sessions", "agreement",
                "judicial-confirmation").contains("court-decision", "performance", "return-visit", "archive");
        assertThat(actors).contains("clerk", "triage", "orgadmin", "mediator1", "court", "visitor");
        assertThat(actors.get(0)).isEqualTo("clerk");
        List<String> steps = new ArrayList<>();
        result.path("steps").forEach(s -> steps.add(s.asText()));
        assertThat(steps).as("the orgadmin found the case by its 案号 and by a party's name in the Tasklist's search").contains("search");
        if ("message".equals(result.path("courtStep").asText())) {
            System.out.println("NOTE: the model has no court task yet; the court's decision went through the API's message");
        }
    }

    private static void requireOrSkip(boolean present, String reason) {
        if (present) {
            return;
        }
        if (Boolean.parseBoolean(System.getenv("FENGQIAO_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(reason + " and FENGQIAO_REQUIRE_BROWSER=true");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    private static boolean onPath(String command) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        return dirs.stream().anyMatch(d -> new File(d, command).canExecute());
    }
}
