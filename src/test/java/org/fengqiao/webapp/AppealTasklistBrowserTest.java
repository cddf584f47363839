package org.fengqiao.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * grid1 reports it from 启动流程 (first empty: refused in Chinese next to the fields and nothing sent; then filled and
 * submitted again in the same dialog), triage picks the departments from lists and dispatches, dept3 signs and
 * reports back, triage approves, visitor calls back. Skipped like {@link TasklistBrowserTest} without
 * chromium, node or playwright-core (unless {@code FENGQIAO_REQUIRE_BROWSER=true}).
 */
@Tag("browser")
@BrowserTestServer
class AppealTasklistBrowserTest {

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
        Path resultFile = BrowserScript.run("tasklist-appeal.js", port, "appeal", Map.of(
                "SCREENSHOTS", BrowserScript.SCREENSHOTS.toAbsolutePath().toString()), 10);
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
}
