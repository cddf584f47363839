package org.fengqiao.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 13's "no English word or engine message on the way", for every role and not only along the
 * scripted lifecycles: chromium ({@code src/test/browser/tasklist-words.js}) logs in as each demo user,
 * opens every card of the seeded filters and every start form of 启动流程, and checks each page against
 * the browser scripts' deny-list (English words, engine codes, "null", English dates). A step whose form
 * does not render, or shows anything at its top but a 督办员's read-only note, fails the test too.
 */
@Tag("browser")
@BrowserTestServer
class TasklistWordsBrowserTest {

    /** dispute, appeal and custody roles; their open tasks come from the demo seeds */
    static final List<String> USERS = List.of("clerk", "triage", "orgadmin", "mediator1", "court", "visitor", "supervisor",
            "grid1", "dept1", "officer1", "depthead", "custodian", "agencyhead", "chiefprocurator", "ccdi");

    @LocalServerPort int port;
    @Autowired ObjectMapper mapper;

    @Test
    @DisplayName("every role's filters, steps and start forms in the Tasklist show Chinese only, and every step's form renders")
    void everyRolesTasklistIsChinese() throws Exception {
        Path resultFile = BrowserScript.run("tasklist-words.js", port, "words", Map.of("USERS", String.join(",", USERS),
                "SERVER_NOW_MS", String.valueOf(TestClock.now().toEpochMilli())), 15);
        JsonNode users = mapper.readTree(Files.readString(resultFile)).path("users");
        assertThat(users.size()).as("every user was looked at").isEqualTo(USERS.size());

        int steps = 0;
        List<String> withSteps = new ArrayList<>();
        for (String user : USERS) {
            int n = users.path(user).path("tasks").size();
            steps += n;
            if (n > 0) {
                withSteps.add(user);
            }
        }
        assertThat(steps).as("steps opened in all").isGreaterThanOrEqualTo(10);
        assertThat(withSteps).as("dispute, appeal and custody steps were opened")
                .contains("triage", "orgadmin", "mediator1", "dept1", "supervisor").containsAnyOf("officer1", "custodian");
        assertThat(users.path("supervisor").path("tasks").findValuesAsText("readOnly"))
                .as("a 督办员 sees overdue steps read-only").isNotEmpty().containsOnly("true");
        assertThat(startForms(users, "clerk")).contains("矛盾纠纷调解", "网格事件·群众诉求办理");
        assertThat(startForms(users, "officer1")).contains("涉案财物登记入库", "涉案财物调用");
        assertThat(startForms(users, "visitor")).as("a 回访员 starts nothing").isEmpty();
    }

    private static List<String> startForms(JsonNode users, String user) {
        List<String> names = new ArrayList<>();
        users.path(user).path("startForms").forEach(n -> names.add(n.asText()));
        return names;
    }
}
