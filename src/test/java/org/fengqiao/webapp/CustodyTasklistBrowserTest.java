package org.fengqiao.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * One seized item in the Chinese Tasklist alone ({@code src/test/browser/tasklist-custody.js}):
 * officer1 registers it through the 财物登记 start form and hands it over, the custodian inspects
 * it — pickers instead of codes, no English or engine words. Skipped like {@link TasklistBrowserTest}
 * without chromium, node or playwright-core.
 */
@Tag("browser")
@BrowserTestServer
class CustodyTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper mapper;

    private JsonNode call(String user, String path, Object body) throws Exception {
        var response = body == null ? rest.withBasicAuth(user, "demo").getForEntity(path, String.class)
                : rest.withBasicAuth(user, "demo").postForEntity(path, body, String.class);
        assertThat(response.getStatusCode().value()).as(path + " → " + response.getBody()).isBetween(200, 201);
        return mapper.readTree(response.getBody());
    }

    @Test
    @DisplayName("财物登记, 移交 and 交接查验 of one item in the Tasklist alone, as officer1 and the custodian")
    void itemFromRegistrationToStorageInTheTasklist() throws Exception {
        String chromium = System.getenv().getOrDefault("FENGQIAO_CHROMIUM", "/usr/bin/chromium");
        requireOrSkip(new File(chromium).canExecute(), "chromium not found at " + chromium);
        requireOrSkip(onPath("node"), "node is not on the PATH");
        requireOrSkip(Files.isDirectory(TasklistBrowserTest.SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core not installed: run npm ci in " + TasklistBrowserTest.SCRIPT_DIR);

        String caseNo = "日东公刑字〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
        String caseId = call("officer1", "/api/property-cases", Map.of("agencyCaseNo", caseNo, "caseName", "王某某盗窃案",
                "caseType", "CRIMINAL", "handlingAgencyId", "rz-police", "officerIds", List.of("officer1", "officer2")))
                .path("id").asText();

        Path artifacts = TasklistBrowserTest.ARTIFACTS.resolve("custody");
        Files.createDirectories(artifacts);
        Path log = artifacts.resolve("tasklist-custody.log");
        Path resultFile = artifacts.resolve("result.json");
        Files.deleteIfExists(resultFile);
        ProcessBuilder node = new ProcessBuilder("node", "tasklist-custody.js").directory(TasklistBrowserTest.SCRIPT_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://localhost:" + port);
        node.environment().put("ARTIFACTS", artifacts.toAbsolutePath().toString());
        node.environment().put("SCREENSHOTS", Path.of("docs/screenshots").toAbsolutePath().toString());
        node.environment().put("RESULT", resultFile.toAbsolutePath().toString());
        node.environment().put("CHROMIUM", chromium);
        node.environment().put("SERVER_NOW_MS", String.valueOf(TestClock.now().toEpochMilli()));
        node.environment().put("CASE_ID", caseId);
        node.environment().put("CASE_LABEL", caseNo + " 王某某盗窃案");
        Process process = node.start();
        boolean finished = process.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("browser: " + output.strip());
        assertThat(finished).as("browser script finished within 8 minutes").isTrue();
        assertThat(process.exitValue()).as("browser script (screenshots in " + artifacts + "):\n" + output).isZero();

        String itemId = mapper.readTree(resultFile.toFile()).path("itemId").asText();
        JsonNode item = call("officer1", "/api/property-items/" + itemId, null);
        assertThat(item.path("status").asText()).isEqualTo("IN_STORAGE");
        assertThat(item.path("zoneId").asText()).isEqualTo("zone-valuables");
        assertThat(item.path("sealedBy")).extracting(JsonNode::asText).containsExactlyInAnyOrder("officer1", "officer2");
        // the photo's SHA-256, computed in the page
        assertThat(item.path("photoHashes").get(0).asText()).matches("[0-9a-f]{64}");
        List<String> events = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        call("officer1", "/api/property-items/" + itemId + "/ledger", null).forEach(e -> {
            events.add(e.path("eventType").asText());
            actors.add(e.path("actor").asText());
        });
        assertThat(events).containsExactly("REGISTER", "HANDOVER_IN", "STORE");
        assertThat(actors).containsExactly("officer1", "officer1", "custodian");
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
