package org.fengqiao.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Replays a corpus of malformed and hostile requests against every dispute POST endpoint: each
 * gets a contract problem (never a 500, never an HTML page) and nothing stored changes.
 */
@FengqiaoTest
class BadInputCorpusTest {

    static final List<String> ACTIONS = List.of("triage", "acceptance", "consent", "mediators", "recusal", "sessions",
            "extension", "escalation", "agreement", "termination", "judicial-confirmation", "court-acceptance",
            "court-extension", "court-decision",
            "performance", "return-visit", "review", "closure", "archive", "documents");

    /** Bodies that are not valid JSON of the expected shape, or hostile within it. */
    static final List<String> CORPUS = List.of(
            "", "{", "}{", "[1,2", "null", "\"text\"", "42", "[]", "{\"title\": }", "{'title': 'x'}",
            "{\"title\": \"a\" \"b\"}", "\u0000", "{\"title\":\"\\u0000\"}", "{\"title\":\"\\ud800\"}",
            "{\"decision\":\"ACCEPT; DROP TABLE dispute_case\"}", "{\"decision\":123}", "{\"decision\":[\"ACCEPT\"]}",
            "{\"decision\":{\"x\":1}}", "{\"accepted\":\"yes\"}", "{\"accepted\":1}", "{\"extraDays\":\"ten\"}",
            "{\"extraDays\":1e400}", "{\"extraDays\":2.5}", "{\"extraDays\":99999999999999999999}",
            "{\"heldAt\":\"yesterday\"}", "{\"heldAt\":\"2026-13-45T99:99:99+08:00\"}", "{\"filedAt\":12345}",
            "{\"performanceDeadline\":\"2026-02-30\"}", "{\"mediatorIds\":\"mediator1\"}", "{\"mediatorIds\":[{}]}",
            "{\"routesInformed\":[\"PRAYER\"]}", "{\"amount\":\"170000\"}", "{\"amount\":-1}", "{\"amount\":1.234}",
            "{\"retentionYears\":-5}", "{\"volumeNo\":\"" + "卷".repeat(300) + "\"}",
            "{\"type\":\"PASSPORT\",\"title\":\"x\",\"contentBase64\":\"AAAA\"}",
            "{\"type\":\"EVIDENCE\",\"title\":\"x\",\"fileName\":\"../../etc/passwd\",\"contentBase64\":\"QUJD\"}",
            "{\"type\":\"EVIDENCE\",\"title\":\"x\",\"contentBase64\":\"%%%not-base64%%%\"}",
            "{\"presidingMediatorId\":\"\\u0000mediator1\"}", "{\"" + "k".repeat(5000) + "\":1}",
            "[".repeat(2000) + "]".repeat(2000));

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc, mapper);
    }

    private String newCase() {
        Api.Response r = api.post("clerk", "/api/disputes", Map.of("title", "坏输入测试", "category", "DEBT",
                "channel", "PARTY_APPLICATION", "centreId", "rz", "parties", List.of(
                        Map.of("role", "APPLICANT", "type", "NATURAL", "name", "甲"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "乙"))));
        assertThat(r.status()).isEqualTo(201);
        return r.text("id");
    }

    private String snapshot() {
        return jdbc.sql("select (select count(*) from dispute_case) || '/' || (select count(*) from dispute_history) || '/' "
                + "|| (select count(*) from dispute_party) || '/' || (select count(*) from dispute_document) || '/' "
                + "|| (select coalesce(sum(version), 0) from dispute_case)").query(String.class).single();
    }

    private void assertProblem(Api.Response r, String what) {
        assertThat(r.status()).as(what + " → " + r.body()).isIn(400, 404, 409, 413, 415, 422);
        assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        assertThat(r.body().path("type").asText()).as(what).startsWith("/problems/");
        assertThat(r.body().path("status").asInt()).as(what).isEqualTo(r.status());
    }

    @Test
    void everyPostEndpointAnswersTheCorpusWithProblemsAndStoresNothing() {
        String id = newCase();
        String before = snapshot();
        int requests = 0;
        for (String body : CORPUS) {
            assertProblem(api.postRaw("clerk", "/api/disputes", body, null), "register " + abbreviate(body));
            requests++;
            for (String action : ACTIONS) {
                String user = action.equals("triage") ? "triage" : "admin";
                Api.Response r = api.postRaw(user, "/api/disputes/" + id + "/" + action, body, null);
                if (action.equals("triage") && r.status() == 200) {
                    throw new AssertionError("corpus body was accepted: " + body);
                }
                assertProblem(r, action + " " + abbreviate(body));
                requests++;
            }
        }
        assertThat(requests).isGreaterThan(700);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(api.get("triage", "/api/disputes/" + id).text("status")).isEqualTo("TRIAGE");
    }

    @Test
    void hostileIdsAndParametersAreProblemsNotErrors() {
        String before = snapshot();
        for (String path : List.of("/api/disputes/..%2F..%2Fetc%2Fpasswd", "/api/disputes/%00", "/api/disputes/'%20or%201=1--",
                "/api/disputes/" + "x".repeat(500), "/api/disputes/..;/triage", "/api/disputes?orgId=%00",
                "/api/disputes?status=ARCHIVED'--", "/api/disputes?size=-1", "/api/disputes?page=abc",
                "/api/disputes/%F0%9F%98%80/history")) {
            Api.Response r = api.perform(MockMvcRequestBuilders.get(java.net.URI.create(path)).with(httpBasic("admin", "demo")));
            assertProblem(r, path);
        }
        Api.Response r = api.perform(MockMvcRequestBuilders.post(java.net.URI.create("/api/disputes/..%2F..%2Fx/triage"))
                .with(httpBasic("triage", "demo")).contentType(MediaType.APPLICATION_JSON).content("{}"));
        assertProblem(r, "post traversal");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void hugeBodiesAreRefusedWithoutStoringAnything() {
        String before = snapshot();
        String huge = "{\"title\":\"" + "长".repeat(9_000_000) + "\"}";
        Api.Response r = api.perform(MockMvcRequestBuilders.post("/api/disputes").with(httpBasic("clerk", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(huge.getBytes(StandardCharsets.UTF_8)));
        assertProblem(r, "huge body");
        assertThat(r.status()).isEqualTo(413);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void concurrentDuplicatesWithOneIdempotencyKeyCreateOneCase() throws Exception {
        String body = api.json(Map.of("title", "并发重复提交", "category", "DEBT", "channel", "HOTLINE_12345",
                "centreId", "rz", "parties", List.of(Map.of("role", "APPLICANT", "type", "NATURAL", "name", "甲"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "乙"))));
        long casesBefore = jdbc.sql("select count(*) from dispute_case where title = '并发重复提交'").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api.postRaw("clerk", "/api/disputes", body, "dup-key-1"));
            }
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Api.Response r : responses) {
                assertThat(r.status()).as(r.body().toString()).isIn(201, 409);
                if (r.status() == 201) {
                    ids.add(r.text("id"));
                } else {
                    assertThat(r.problemType()).isEqualTo("/problems/idempotency-conflict");
                }
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from dispute_case where title = '并发重复提交'").query(Long.class).single())
                .isEqualTo(casesBefore + 1);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
