package org.fengqiao.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The appellant's contact (诉求人 {@code reporter { name, phone }}), optional at the report: stored,
 * validated, and shown only to the roles that work the appeal (its centre's triage officers and
 * visitors, its lead department), the user who reported it and admins — personal data that assisting
 * departments, supervisors, clerks and other grids do not get, nor any list.
 */
@FengqiaoTest
class AppealReporterContactTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;

    Api api;
    AppealFixtures f;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, mapper);
        f = new AppealFixtures(api);
    }

    private static Map<String, Object> withReporter(String type, Object reporter) {
        Map<String, Object> body = new HashMap<>(AppealFixtures.appeal(type));
        body.put("reporter", reporter);
        return body;
    }

    private List<String> errorFields(Api.Response r) {
        List<String> fields = new ArrayList<>();
        r.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    @DisplayName("the contact is stored and shown to triage, the lead department, the visitor, the reporter and admins; not to others")
    void onlyTheRolesThatWorkTheAppealSeeTheContact() {
        Api.Response reported = api.post("grid1", "/api/appeals",
                withReporter("MINSHENG", Map.of("name", "王秀兰", "phone", "138-0000-4101")));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        assertThat(reported.body().path("reporter").path("name").asText()).as("the reporter's own answer").isEqualTo("王秀兰");
        String id = reported.text("id");

        JsonNode contact = f.get("triage", id).body().path("reporter");
        assertThat(contact.path("name").asText()).isEqualTo("王秀兰");
        assertThat(contact.path("phone").asText()).isEqualTo("138-0000-4101");
        assertThat(f.get("visitor", id).body().path("reporter").path("phone").asText()).isEqualTo("138-0000-4101");
        assertThat(f.get("admin", id).body().path("reporter").path("phone").asText()).isEqualTo("138-0000-4101");
        assertThat(f.get("grid1", id).body().path("reporter").path("phone").asText()).isEqualTo("138-0000-4101");

        // who may see the appeal but does not work it gets no contact
        for (String user : List.of("supervisor", "clerk")) {
            Api.Response seen = f.get(user, id);
            assertThat(seen.status()).as(user).isEqualTo(200);
            assertThat(seen.body().path("reporter").isNull()).as(user + ": " + seen.body().path("reporter")).isTrue();
            assertThat(seen.body().toString()).as(user).doesNotContain("138-0000-4101").doesNotContain("王秀兰");
        }
        // another grid and anonymous callers do not see the appeal at all
        assertThat(f.get("grid2", id).status()).isEqualTo(404);
        assertThat(api.perform(MockMvcRequestBuilders.get("/api/appeals/" + id)).status()).isEqualTo(401);

        f.ok("triage", id, "triage", Map.of("leadDepartmentId", AppealFixtures.ZJJ,
                "assistingDepartmentIds", List.of(AppealFixtures.SCJG)), "TRIAGE");
        f.ok("triage", id, "dispatch", Map.of(), "DISPATCHED");
        assertThat(f.get("dept3", id).body().path("reporter").path("phone").asText()).as("the lead department")
                .isEqualTo("138-0000-4101");
        Api.Response assisting = f.get("dept2", id);
        assertThat(assisting.status()).as("the assisting department sees the appeal").isEqualTo(200);
        assertThat(assisting.body().path("reporter").isNull()).as("but not the contact").isTrue();
        assertThat(f.get("dept1", id).status()).as("an uninvolved department").isEqualTo(404);

        // never in lists, nor in the history everyone who sees the appeal reads
        JsonNode list = api.get("triage", "/api/appeals?size=200").body().path("items");
        assertThat(list.toString()).doesNotContain("138-0000-4101");
        list.forEach(a -> assertThat(a.path("reporter").isNull()).isTrue());
        JsonNode history = f.history("supervisor", id);
        assertThat(history.get(0).path("details").path("reporterContact").asBoolean()).isTrue();
        assertThat(history.toString()).doesNotContain("138-0000-4101").doesNotContain("王秀兰");
    }

    @Test
    @DisplayName("optional: without reporter, or with an empty one, the appeal has none; a landline and a name alone are fine")
    void theContactIsOptional() {
        Api.Response none = api.post("grid1", "/api/appeals", AppealFixtures.appeal("SERVICE"));
        assertThat(none.status()).isEqualTo(201);
        assertThat(f.get("triage", none.text("id")).body().path("reporter").isNull()).isTrue();
        Api.Response empty = api.post("grid1", "/api/appeals", withReporter("SERVICE", Map.of("name", " ", "phone", "")));
        assertThat(empty.status()).as(empty.body().toString()).isEqualTo(201);
        assertThat(f.get("triage", empty.text("id")).body().path("reporter").isNull()).isTrue();
        assertThat(f.history("triage", empty.text("id")).get(0).path("details").path("reporterContact").asBoolean()).isFalse();

        Api.Response landline = api.post("grid1", "/api/appeals", withReporter("SERVICE", Map.of("phone", " 0633-8210415 ")));
        assertThat(landline.status()).as(landline.body().toString()).isEqualTo(201);
        JsonNode contact = f.get("visitor", landline.text("id")).body().path("reporter");
        assertThat(contact.path("name").isNull()).isTrue();
        assertThat(contact.path("phone").asText()).isEqualTo("0633-8210415");
        Api.Response nameOnly = api.post("grid1", "/api/appeals", withReporter("SERVICE", Map.of("name", "孙桂英")));
        assertThat(nameOnly.status()).isEqualTo(201);
        assertThat(f.get("visitor", nameOnly.text("id")).body().path("reporter").path("phone").isNull()).isTrue();
    }

    @Test
    @DisplayName("422 naming reporter.phone for a number that is neither a mobile nor a landline, reporter.name over 100 characters; nothing stored")
    void aBadContactIsRefusedByField() {
        long before = api.get("grid1", "/api/appeals?size=1").body().path("total").asLong();
        for (String phone : List.of("12345", "12800001111", "电话13800001111", "+1 2025550123")) {
            Api.Response r = api.post("grid1", "/api/appeals", withReporter("MINSHENG", Map.of("name", "王某", "phone", phone)));
            assertThat(r.status()).as(phone).isEqualTo(422);
            assertThat(r.problemType()).isEqualTo("/problems/validation-failed");
            assertThat(errorFields(r)).as(phone).containsExactly("reporter.phone");
            assertThat(r.body().path("errors").get(0).path("message").asText()).contains("手机号码");
        }
        Api.Response longName = api.post("grid1", "/api/appeals",
                withReporter("MINSHENG", Map.of("name", "名".repeat(101), "phone", "13800001111")));
        assertThat(longName.status()).isEqualTo(422);
        assertThat(errorFields(longName)).containsExactly("reporter.name");
        Api.Response wrongType = api.post("grid1", "/api/appeals", withReporter("MINSHENG", "13800001111"));
        assertThat(wrongType.status()).as("a wrong JSON type stays a 400").isEqualTo(400);
        assertThat(api.get("grid1", "/api/appeals?size=1").body().path("total").asLong()).isEqualTo(before);
    }
}
