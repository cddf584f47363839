package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.fengqiao.support.Api;
import org.fengqiao.support.TestClock;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

/** The contract's general rules on the dispute resource: errors, precedence, lists, idempotency, text. */
@FengqiaoTest
class DisputeApiProblemsTest extends DisputeApiTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired ManagementService managementService;

    @AfterEach
    void resetClock() {
        TestClock.restore();
    }

    private long caseRows() {
        return jdbc.sql("select count(*) from dispute_case").query(Long.class).single();
    }

    /** RFC 9457 shape of the contract. */
    private static void assertProblem(Api.Response r, int status, String slug) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.contentType()).as("content type").startsWith("application/problem+json");
        assertThat(r.problemType()).isEqualTo("/problems/" + slug);
        assertThat(r.body().path("title").asText()).isNotBlank();
        assertThat(r.body().path("status").asInt()).isEqualTo(status);
        assertThat(r.body().path("detail").asText()).isNotBlank();
    }

    private static void assertValidation(Api.Response r, String field) {
        assertProblem(r, 422, "validation-failed");
        JsonNode errors = r.body().path("errors");
        assertThat(errors.isArray()).isTrue();
        assertThat(errors).isNotEmpty();
        errors.forEach(e -> {
            assertThat(e.path("field").asText()).isNotBlank();
            assertThat(e.path("message").asText()).isNotBlank();
        });
        assertThat(errors).extracting(e -> e.path("field").asText()).contains(field);
    }

    /** Registration that must be refused with 422 on {@code field}, leaving no row behind. */
    private void rejectedRegistration(Map<String, Object> body, String field) {
        long before = caseRows();
        assertValidation(api.post("clerk", "/api/disputes", body), field);
        assertThat(caseRows()).as("no half-created case").isEqualTo(before);
    }

    private static Map<String, Object> body(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private Api.Response postRaw(String user, String body, String contentType) {
        return api.perform(MockMvcRequestBuilders.post("/api/disputes").with(httpBasic(user, "demo"))
                .contentType(contentType).characterEncoding(StandardCharsets.UTF_8).content(body));
    }

    private List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    @Test
    @DisplayName("401 without or with wrong credentials")
    void unauthenticated() {
        Api.Response none = api.perform(MockMvcRequestBuilders.get("/api/disputes"));
        assertProblem(none, 401, "unauthorized");
        // an unknown user (a wrong password for a real demo user would trigger Camunda's login delay and lock
        // that user for the rest of the shared-context test run)
        Api.Response wrong = api.perform(MockMvcRequestBuilders.get("/api/disputes").with(httpBasic("no-such-user", "wrong")));
        assertProblem(wrong, 401, "unauthorized");
        long before = caseRows();
        Api.Response post = api.perform(MockMvcRequestBuilders.post("/api/disputes").contentType(MediaType.APPLICATION_JSON)
                .content(api.json(DisputeFixtures.neighbourDispute())));
        assertProblem(post, 401, "unauthorized");
        assertThat(caseRows()).isEqualTo(before);
    }

    @Test
    @DisplayName("404 for an unknown id and for a case of another organisation, which is also absent from its list")
    void notFoundAndNotLeaked() {
        assertProblem(api.get("triage", "/api/disputes/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(api.get("triage", "/api/disputes/" + "x".repeat(300)), 404, "not-found");
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        for (String outsider : List.of("mediator2", "orgadmin2", "labadmin")) {
            assertProblem(api.get(outsider, "/api/disputes/" + id), 404, "not-found");
            assertProblem(api.get(outsider, "/api/disputes/" + id + "/history"), 404, "not-found");
            assertProblem(api.get(outsider, "/api/disputes/" + id + "/documents"), 404, "not-found");
            assertThat(ids(api.get(outsider, "/api/disputes?size=200").body())).doesNotContain(id);
            assertThat(ids(api.get(outsider, "/api/disputes?size=200&orgId=" + DisputeFixtures.ADW_COMMITTEE).body()))
                    .isEmpty();
        }
        assertProblem(f.session("mediator2", id, true), 404, "not-found");
        // insiders do see it
        assertThat(api.get("orgadmin", "/api/disputes/" + id).status()).isEqualTo(200);
        assertThat(ids(api.get("orgadmin", "/api/disputes?size=200&orgId=" + DisputeFixtures.ADW_COMMITTEE).body()))
                .contains(id);
        // the court sees it only once a judicial confirmation was filed
        assertProblem(api.get("court", "/api/disputes/" + id), 404, "not-found");
    }

    @Test
    @DisplayName("403 for a caller without the role; 409 illegal-transition for the wrong state")
    void forbiddenAndIllegalTransition() {
        String triageCase = f.register(DisputeFixtures.neighbourDispute()).text("id");
        Map<String, Object> accept = Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "DESIGNATE");
        assertProblem(f.act("visitor", triageCase, "triage", accept), 403, "forbidden");
        assertProblem(f.act("clerk", triageCase, "triage", accept), 403, "forbidden");
        // a TRIAGE case of the city centre is outside the town committee: not visible to mediator1
        assertProblem(f.act("mediator1", triageCase, "triage", accept), 404, "not-found");
        String mediating = f.inMediation(DisputeFixtures.neighbourDispute());
        // on his own case mediator1 lacks the triage role (403, before the state's 409)
        assertProblem(f.act("mediator1", mediating, "triage", accept), 403, "forbidden");

        // admin holds every role: an agreement on a TRIAGE case is refused for the state
        assertProblem(f.act("admin", triageCase, "agreement", Map.of("form", "WRITTEN", "terms", "…")), 409,
                "illegal-transition");
        assertProblem(f.act("orgadmin", mediating, "consent", Map.of("respondentConsent", "AGREED")), 409,
                "illegal-transition");
        assertThat(f.get("admin", triageCase).text("status")).isEqualTo("TRIAGE");
        assertThat(f.history("admin", triageCase)).hasSize(1);
    }

    @Test
    @DisplayName("precedence: 404 before 403 before 409 before 422")
    void precedence() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id"); // TRIAGE
        // invisible, no role, wrong state, invalid body → 404
        assertProblem(f.act("mediator2", id, "agreement", Map.of()), 404, "not-found");
        // visible, no role, wrong state → 403
        assertProblem(f.act("visitor", id, "agreement", Map.of()), 403, "forbidden");
        // visible, role, wrong state, invalid content → 409
        assertProblem(f.act("admin", id, "agreement", Map.of("terms", "x".repeat(10_001))), 409, "illegal-transition");
        // visible, role, right state, invalid content → 422
        assertValidation(f.act("triage", id, "triage", Map.of()), "decision");
    }

    @Test
    @DisplayName("422 for content rules; a rejected registration leaves no row behind")
    void validationFailures() {
        Map<String, Object> base = DisputeFixtures.neighbourDispute();
        rejectedRegistration(body(base, "parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", "孙某"))),
                "parties");
        rejectedRegistration(body(base, "amountInvolved", -1), "amountInvolved");
        rejectedRegistration(body(base, "title", "题".repeat(201)), "title");
        rejectedRegistration(body(base, "facts", "事".repeat(10_001)), "facts");
        rejectedRegistration(body(base, "centreId", "no-such-centre"), "centreId");
        rejectedRegistration(body(base, "centreId", DisputeFixtures.ADW_COMMITTEE), "centreId");
        Map<String, Object> noTitle = new HashMap<>(base);
        noTitle.remove("title");
        rejectedRegistration(noTitle, "title");
        rejectedRegistration(body(base, "amountInvolved", 1.234), "amountInvolved");
        // the limits themselves are accepted
        long before = caseRows();
        f.register(body(body(base, "title", "题".repeat(200)), "facts", "事".repeat(10_000)));
        assertThat(caseRows()).isEqualTo(before + 1);

        // D19: archive without the mandatory documents
        String id = f.register(base).text("id");
        f.ok("triage", id, "triage", Map.of("decision", "NOT_ACCEPT", "reason", "ALREADY_ACCEPTED_ELSEWHERE"),
                "REJECTED_NOT_ACCEPTED");
        assertValidation(f.act("triage", id, "archive", Map.of("volumeNo", "V-1", "retentionYears", 10)), "documents");
        assertThat(f.get("triage", id).text("status")).isEqualTo("REJECTED_NOT_ACCEPTED");
        // a refused step changes nothing: no history entry, the Camunda task still open
        assertThat(f.history("triage", id)).extracting(h -> h.path("action").asText()).containsExactly("register", "triage");
        assertThat(f.allowed("triage", id)).containsExactly("archive");
    }

    @Test
    @DisplayName("400 malformed-request for unparseable JSON, wrong JSON types and unknown enum values; 415 for text/plain")
    void malformedAndMediaType() {
        long before = caseRows();
        assertProblem(postRaw("clerk", "{\"title\": ", MediaType.APPLICATION_JSON_VALUE), 400, "malformed-request");
        Map<String, Object> base = DisputeFixtures.neighbourDispute();
        assertProblem(api.post("clerk", "/api/disputes", body(base, "amountInvolved", "abc")), 400, "malformed-request");
        assertProblem(api.post("clerk", "/api/disputes", body(base, "category", "FOO")), 400, "malformed-request");
        assertProblem(api.post("clerk", "/api/disputes", body(base, "parties", "张某")), 400, "malformed-request");
        assertProblem(postRaw("clerk", api.json(base), MediaType.TEXT_PLAIN_VALUE), 415, "unsupported-media-type");
        assertThat(caseRows()).isEqualTo(before);
        // also on actions
        String id = f.register(base).text("id");
        assertProblem(f.act("triage", id, "triage", Map.of("decision", "MAYBE")), 400, "malformed-request");
        assertProblem(api.perform(MockMvcRequestBuilders.post("/api/disputes/" + id + "/triage").with(httpBasic("triage", "demo"))
                .contentType(MediaType.TEXT_PLAIN).content("ACCEPT")), 415, "unsupported-media-type");
        assertThat(f.get("triage", id).text("status")).isEqualTo("TRIAGE");
    }

    @Test
    @DisplayName("lists: page/size/total, size 201 → 422, filters status/category/orgId/overdue")
    void paginationAndFilters() {
        String labour = f.register(DisputeFixtures.labourDispute()).text("id");
        String mediating = f.inMediation(DisputeFixtures.neighbourDispute());
        f.register(DisputeFixtures.neighbourDispute());

        JsonNode all = api.get("admin", "/api/disputes").body();
        assertThat(all.path("page").asInt()).isZero();
        assertThat(all.path("size").asInt()).isEqualTo(20);
        long total = all.path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        JsonNode page0 = api.get("admin", "/api/disputes?page=0&size=2").body();
        JsonNode page1 = api.get("admin", "/api/disputes?page=1&size=2").body();
        assertThat(page0.path("items")).hasSize(2);
        assertThat(page0.path("size").asInt()).isEqualTo(2);
        assertThat(page1.path("page").asInt()).isEqualTo(1);
        assertThat(page0.path("total").asLong()).isEqualTo(total);
        assertThat(ids(page0)).doesNotContainAnyElementsOf(ids(page1));
        JsonNode beyond = api.get("admin", "/api/disputes?page=100000&size=2").body();
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("total").asLong()).isEqualTo(total);
        assertValidation(api.get("admin", "/api/disputes?size=201"), "size");
        assertValidation(api.get("admin", "/api/disputes?size=0"), "size");
        assertValidation(api.get("admin", "/api/disputes?page=-1"), "page");
        assertThat(api.get("admin", "/api/disputes?size=200").status()).isEqualTo(200);
        assertProblem(api.get("admin", "/api/disputes?status=NOPE"), 400, "malformed-request");

        JsonNode triage = api.get("admin", "/api/disputes?status=TRIAGE&size=200").body();
        assertThat(triage.path("items")).allSatisfy(i -> assertThat(i.path("status").asText()).isEqualTo("TRIAGE"));
        assertThat(ids(triage)).contains(labour).doesNotContain(mediating);
        JsonNode labourList = api.get("admin", "/api/disputes?category=LABOR&size=200").body();
        assertThat(labourList.path("items")).allSatisfy(i -> assertThat(i.path("category").asText()).isEqualTo("LABOR"));
        assertThat(ids(labourList)).contains(labour).doesNotContain(mediating);
        JsonNode adw = api.get("admin", "/api/disputes?orgId=" + DisputeFixtures.ADW_COMMITTEE + "&size=200").body();
        assertThat(adw.path("items")).allSatisfy(i -> assertThat(i.path("orgId").asText()).isEqualTo(DisputeFixtures.ADW_COMMITTEE));
        assertThat(ids(adw)).contains(mediating).doesNotContain(labour);
        JsonNode combined = api.get("admin", "/api/disputes?status=IN_MEDIATION&category=NEIGHBOR&orgId="
                + DisputeFixtures.ADW_COMMITTEE + "&size=200").body();
        assertThat(ids(combined)).contains(mediating);
        assertThat(combined.path("total").asLong()).isEqualTo(combined.path("items").size());

        // overdue: let the mediation deadline timer fire on one case
        String pid = f.get("admin", mediating).text("processInstanceId");
        OffsetDateTime dueAt = OffsetDateTime.parse(f.get("admin", mediating).text("dueAt"));
        ClockUtil.setCurrentTime(Date.from(dueAt.plusMinutes(1).toInstant()));
        for (Job job : managementService.createJobQuery().processInstanceId(pid).timers()
                .duedateLowerThan(Date.from(dueAt.plusMinutes(2).toInstant())).orderByJobDuedate().asc().list()) {
            managementService.executeJob(job.getId());
        }
        TestClock.restore();
        JsonNode overdue = api.get("admin", "/api/disputes?overdue=true&size=200").body();
        assertThat(overdue.path("items")).allSatisfy(i -> assertThat(i.path("overdue").asBoolean()).isTrue());
        assertThat(ids(overdue)).contains(mediating);
        JsonNode onTime = api.get("admin", "/api/disputes?overdue=false&size=200").body();
        assertThat(onTime.path("items")).allSatisfy(i -> assertThat(i.path("overdue").asBoolean()).isFalse());
        assertThat(ids(onTime)).doesNotContain(mediating);
    }

    @Test
    @DisplayName("Idempotency-Key: same key and body → the first response, one case; same key, other body → 409")
    void idempotency() {
        String key = "dispute-" + UUID.randomUUID();
        String body = api.json(DisputeFixtures.labourDispute());
        long before = caseRows();
        Api.Response first = api.postRaw("clerk", "/api/disputes", body, key);
        Api.Response again = api.postRaw("clerk", "/api/disputes", body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(caseRows()).isEqualTo(before + 1);

        Api.Response conflict = api.postRaw("clerk", "/api/disputes", api.json(DisputeFixtures.neighbourDispute()), key);
        assertProblem(conflict, 409, "idempotency-conflict");
        assertThat(caseRows()).isEqualTo(before + 1);

        // on an action: the repeat returns the first 200 and does not apply the step twice
        String id = first.text("id");
        String triageKey = "triage-" + UUID.randomUUID();
        String triage = api.json(Map.of("decision", "TRANSFER_OUT", "transferTo", "岚山区劳动人事争议仲裁委员会"));
        Api.Response t1 = api.postRaw("triage", "/api/disputes/" + id + "/triage", triage, triageKey);
        Api.Response t2 = api.postRaw("triage", "/api/disputes/" + id + "/triage", triage, triageKey);
        assertThat(t1.status()).isEqualTo(200);
        assertThat(t2.status()).isEqualTo(200);
        assertThat(t2.body()).isEqualTo(t1.body());
        assertThat(f.history("triage", id)).filteredOn(h -> h.path("action").asText().equals("triage")).hasSize(1);
        // without a key the same request is a new request, refused for the state
        assertProblem(api.post("triage", "/api/disputes/" + id + "/triage", triage), 409, "illegal-transition");
    }

    @Test
    @DisplayName("any Unicode text (emoji, rare CJK, quotes, SQL) is stored and returned unchanged")
    void unicodeRoundTrip() {
        String title = "😀𠀀 \"引号\" '单引号' '; DROP TABLE dispute_case; --";
        String facts = "𠀀𠀁𪚥 🏠💧 «»「」 \\ \n 第二行 <script>alert(1)</script> '; DROP TABLE dispute_case; --";
        String name = "𠀀某'\"";
        Map<String, Object> body = new HashMap<>(DisputeFixtures.neighbourDispute());
        body.put("title", title);
        body.put("facts", facts);
        body.put("claims", "赔偿 ¥1,000 😀");
        body.put("parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", name),
                Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "周某 🙂")));
        long before = caseRows();
        Api.Response created = f.register(body);
        assertThat(created.text("title")).isEqualTo(title);
        Api.Response read = f.get("clerk", created.text("id"));
        assertThat(read.text("title")).isEqualTo(title);
        assertThat(read.text("facts")).isEqualTo(facts);
        assertThat(read.text("claims")).isEqualTo("赔偿 ¥1,000 😀");
        assertThat(read.body().path("parties")).extracting(p -> p.path("name").asText()).containsExactly(name, "周某 🙂");
        assertThat(caseRows()).isEqualTo(before + 1);
        assertThat(ids(api.get("clerk", "/api/disputes?size=200").body())).contains(created.text("id"));
    }

    @Test
    @DisplayName("D5/D6/D12: a '…At' of something done may not lie in the future; odd bodies never give a 500")
    @LegalRule(value = "D6", model = {"org.fengqiao.dispute.DisputeManagement#session"})
    @LegalRule(value = "D10", model = {"org.fengqiao.dispute.DisputeManagement#agreement"})
    void futureTimestampsAndOddBodies() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        String tomorrow = TestClock.offsetNow().plusDays(1).withNano(0).toString();
        assertValidation(f.act("mediator1", id, "sessions", Map.of("heldAt", tomorrow, "minutes", "记录",
                "rightsNoticeDelivered", true)), "heldAt");
        assertValidation(f.act("mediator1", id, "agreement", Map.of("form", "WRITTEN", "terms", "协议", "effectiveAt", tomorrow)),
                "effectiveAt");
        List<Map<String, Object>> odd = List.of(Map.of(), Map.of("heldAt", "昨天"), Map.of("extraDays", "abc"),
                Map.of("extraDays", 1.5, "allPartiesConsent", true), Map.of("form", List.of("WRITTEN")),
                Map.of("routesInformed", "LITIGATION"), Map.of("replacementMediatorId", "no-such-user", "requestedBy", "周某",
                        "grounds", "回避"));
        for (String action : List.of("sessions", "extension", "agreement", "termination", "recusal", "escalation")) {
            for (Map<String, Object> body : odd) {
                Api.Response r = f.act("mediator1", id, action, body);
                assertThat(r.status()).as(action + " " + body + " → " + r.body()).isIn(400, 422);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("IN_MEDIATION");
        assertThat(f.history("mediator1", id)).extracting(h -> h.path("action").asText())
                .containsExactly("register", "triage", "consent", "mediators");
    }
}
