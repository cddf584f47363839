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
 * One appeal (诉求) from report to closure in the Chinese Tasklist alone ({@code src/test/browser/tasklist-appeal.js}):
 * grid1 reports it from 启动流程, triage picks the departments from lists and dispatches, dept3 signs and
 * reports back, triage approves, visitor calls back. Skipped like {@link TasklistBrowserTest} without
 * chromium, node or playwright-core (unless {@code FENGQIAO_REQUIRE_BROWSER=true}).
 */
@Tag("browser")
@BrowserTestServer
@org.junit.jupiter.api.Disabled("unfinished: in chromium the 诉求登记 start form's 启动 fails in the page before any request is sent "
        + "(camForm's submit-failed with an error object without message); the same start through /engine-rest "
        + "(AppealTasklistDoorTest) works. The task steps after it are scripted but not yet run in the browser.")
class AppealTasklistBrowserTest {

    static final Path ARTIFACTS = TasklistBrowserTest.ARTIFACTS.resolve("appeal");

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;

    private JsonNode get(String user, String path) throws IOException {
        var response = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path + " → " + response.getBody()).isEqualTo(200);
        return mapper.readTree(response.getBody());
    }

    @Test
    @DisplayName("one appeal from 诉求登记 to 结案 in the Tasklist alone, as grid1, triage, dept3 and visitor; no English or engine words")
    void wholeAppealInTheTasklist() throws Exception {
        String chromium = System.getenv().getOrDefault("FENGQIAO_CHROMIUM", "/usr/bin/chromium");
        requireOrSkip(new File(chromium).canExecute(), "chromium not found at " + chromium);
        requireOrSkip(onPath("node"), "node is not on the PATH");
        requireOrSkip(Files.isDirectory(TasklistBrowserTest.SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core not installed: run npm ci in " + TasklistBrowserTest.SCRIPT_DIR);

        Files.createDirectories(ARTIFACTS);
        Path log = ARTIFACTS.resolve("tasklist-appeal.log");
        Path resultFile = ARTIFACTS.resolve("result.json");
        Files.deleteIfExists(resultFile);
        ProcessBuilder node = new ProcessBuilder("node", "tasklist-appeal.js").directory(TasklistBrowserTest.SCRIPT_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://localhost:" + port);
        node.environment().put("ARTIFACTS", ARTIFACTS.toAbsolutePath().toString());
        node.environment().put("SCREENSHOTS", Path.of("docs/screenshots").toAbsolutePath().toString());
        node.environment().put("RESULT", resultFile.toAbsolutePath().toString());
        node.environment().put("CHROMIUM", chromium);
        Process process = node.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("browser: " + output.strip());
        assertThat(finished).as("browser script finished within 10 minutes").isTrue();
        assertThat(process.exitValue()).as("browser script (screenshots in " + ARTIFACTS + "):\n" + output).isZero();

        JsonNode result = mapper.readTree(resultFile.toFile());
        String id = result.path("id").asText();
        JsonNode appeal = get("grid1", "/api/appeals/" + id);
        assertThat(appeal.path("status").asText()).isEqualTo("CLOSED");
        assertThat(appeal.path("ticketNo").asText()).isEqualTo(result.path("ticketNo").asText());
        assertThat(appeal.path("leadDepartmentId").asText()).isEqualTo("rz-ls-zjj");
        List<String> actions = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        get("grid1", "/api/appeals/" + id + "/history").forEach(h -> {
            actions.add(h.path("action").asText());
            actors.add(h.path("actor").asText());
        });
        assertThat(actions).containsExactly("report", "triage", "dispatch", "sign", "feedback", "review", "return-visit");
        assertThat(actors).containsExactly("grid1", "triage", "triage", "dept3", "dept3", "triage", "visitor");
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
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> new File(d, command).canExecute());
    }
}
