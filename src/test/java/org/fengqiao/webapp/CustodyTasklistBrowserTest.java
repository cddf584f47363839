package org.fengqiao.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fengqiao.support.TestClock;
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
 * it, officer1 requests a loan of it from 启动流程 (涉案财物调用) and the department head approves — pickers
 * instead of codes, no English or engine words. Skipped like {@link TasklistBrowserTest}
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
    @DisplayName("财物登记, 移交, 交接查验, 调用申请 (启动流程) and its approval of one item in the Tasklist alone, as officer1, the custodian and the department head")
    void itemFromRegistrationToStorageInTheTasklist() throws Exception {
        BrowserScript.chromiumOrSkip();
        String caseNo = "日东公刑字〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
        String caseId = call("officer1", "/api/property-cases", Map.of("agencyCaseNo", caseNo, "caseName", "王某某盗窃案",
                "caseType", "CRIMINAL", "handlingAgencyId", "rz-police", "officerIds", List.of("officer1", "officer2")))
                .path("id").asText();

        Path resultFile = BrowserScript.run("tasklist-custody.js", port, "custody", Map.of(
                "SCREENSHOTS", BrowserScript.SCREENSHOTS.toAbsolutePath().toString(),
                "SERVER_NOW_MS", String.valueOf(TestClock.now().toEpochMilli()),
                "CASE_ID", caseId, "CASE_LABEL", caseNo + " 王某某盗窃案"), 12);

        String itemId = mapper.readTree(resultFile.toFile()).path("itemId").asText();
        JsonNode item = call("officer1", "/api/property-items/" + itemId, null);
        assertThat(item.path("status").asText()).as("requested from 启动流程 and approved").isEqualTo("ON_LOAN");
        assertThat(item.path("zoneId").asText()).isEqualTo("zone-valuables");
        assertThat(item.path("location").asText()).isEqualTo("V-01");
        assertThat(item.path("loan").path("requestedBy").asText()).isEqualTo("officer1");
        assertThat(item.path("loan").path("approvedBy").asText()).isEqualTo("depthead");
        assertThat(item.path("sealedBy")).extracting(JsonNode::asText).containsExactlyInAnyOrder("officer1", "officer2");
        // the photo's SHA-256, computed in the page
        assertThat(item.path("photoHashes").get(0).asText()).matches("[0-9a-f]{64}");
        List<String> events = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        call("officer1", "/api/property-items/" + itemId + "/ledger", null).forEach(e -> {
            events.add(e.path("eventType").asText());
            actors.add(e.path("actor").asText());
        });
        assertThat(events).containsExactly("REGISTER", "HANDOVER_IN", "STORE", "LOAN_REQUEST", "LOAN_OUT");
        assertThat(actors).containsExactly("officer1", "officer1", "custodian", "officer1", "depthead");
    }
}
