package org.fengqiao.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Every POST and PUT the OpenAPI document lists (disputes, custody, appeals, supervision, calendar)
 * gets a corpus of malformed bodies — broken JSON, wrong top-level types, NUL and lone surrogates,
 * deep nesting, a huge key, a non-JSON media type — with real ids in the path. Each answer is a
 * contract problem, and no row of any application table changes.
 */
@FengqiaoTest
class AllPostEndpointsCorpusTest {

    static final List<String> MALFORMED = List.of("", "{", "}{", "[1,2", "\"text\"", "42", "{\"a\": }",
            "{'a': 'x'}", "{\"a\":\"b\" \"c\"}", "\u0000", "{\"title\":\"\\u0000\",\"name\":\"\\u0000\"}",
            "{\"title\":\"\\ud800\",\"reason\":\"\\udc00x\"}", "{\"" + "k".repeat(5000) + "\":1}",
            "[".repeat(3000) + "]".repeat(3000), "{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001));

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper mapper;
    @Autowired JdbcClient jdbc;

    @Test
    void everyPostAndPutEndpointAnswersMalformedBodiesWithProblemsAndChangesNothing() throws Exception {
        Api api = new Api(mvc, mapper);
        Map<String, String> ids = realIds(api);
        JsonNode paths = api.get("admin", "/v3/api-docs").body().path("paths");
        List<String[]> endpoints = new ArrayList<>();
        List<String> bodiless = new ArrayList<>();
        paths.fields().forEachRemaining(e -> {
            for (String method : List.of("post", "put")) {
                if (e.getValue().has(method)) {
                    // a command that reads no body (signing a ledger checkpoint) has no body to get wrong
                    if (e.getValue().path(method).has("requestBody")) {
                        endpoints.add(new String[] {method, e.getKey()});
                    } else {
                        bodiless.add(method + " " + e.getKey());
                    }
                }
            }
        });
        assertThat(bodiless).as("POST/PUT endpoints that read no body").containsExactly("post /api/custody-ledger/checkpoints");
        assertThat(endpoints).as("POST/PUT endpoints in the OpenAPI document").hasSizeGreaterThan(40);
        Map<String, Long> before = snapshot();
        int requests = 0;
        for (String[] endpoint : endpoints) {
            String path = withIds(endpoint[1], ids);
            for (String body : MALFORMED) {
                var request = (endpoint[0].equals("post") ? MockMvcRequestBuilders.post(path) : MockMvcRequestBuilders.put(path))
                        .with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON).content(body);
                // unparseable → 400; a parseable object whose only fields are unknown (ignored) → the
                // endpoint's own answer to an empty body: 422 for missing fields, 409 for the state, or
                // 404 where the path names a resource we made none of (an inventory)
                assertProblem(api.perform(request), endpoint[0] + " " + path + " " + abbreviate(body), 400, 404, 409, 422);
                requests++;
            }
            var textPlain = (endpoint[0].equals("post") ? MockMvcRequestBuilders.post(path) : MockMvcRequestBuilders.put(path))
                    .with(httpBasic("admin", "demo")).contentType(MediaType.TEXT_PLAIN).content("title=x");
            assertProblem(api.perform(textPlain), endpoint[0] + " " + path + " text/plain", 415, 415, 415);
            requests++;
        }
        assertThat(requests).isGreaterThan(600);
        assertThat(snapshot()).isEqualTo(before);
    }

    private static void assertProblem(Api.Response r, String what, Integer... expected) {
        assertThat(r.status()).as(what + " → " + r.body()).isIn((Object[]) expected);
        assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        assertThat(r.body().path("type").asText()).as(what).startsWith("/problems/");
    }

    /** One real resource of each kind, so the path is valid and only the body is wrong. */
    private Map<String, String> realIds(Api api) {
        Map<String, String> ids = new LinkedHashMap<>();
        Api.Response dispute = api.post("clerk", "/api/disputes", Map.of("title", "语料测试", "category", "DEBT",
                "channel", "PARTY_APPLICATION", "centreId", "rz", "parties", List.of(
                        Map.of("role", "APPLICANT", "type", "NATURAL", "name", "甲"),
                        Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "乙"))));
        ids.put("/api/disputes/", dispute.text("id"));
        Api.Response propertyCase = api.post("officer1", "/api/property-cases", Map.of("agencyCaseNo", "CORPUS-1",
                "caseName", "语料测试案", "caseType", "CRIMINAL", "handlingAgencyId", "rz-police",
                "officerIds", List.of("officer1", "officer2")));
        ids.put("/api/property-cases/", propertyCase.text("id"));
        Api.Response items = api.post("officer1", "/api/property-cases/" + propertyCase.text("id") + "/items", List.of(
                Map.of("name", "手机", "category", "GENERAL", "quantity", 1, "unit", "部", "measure", "SEIZE",
                        "valuation", 100, "evidenceUse", false, "source", "语料测试现场")));
        ids.put("/api/property-items/", items.body().get(0).path("id").asText());
        Api.Response appeal = api.post("grid1", "/api/appeals", Map.of("type", "MINSHENG", "channel", "GRID_APP",
                "gridId", "ADW-01", "description", "路灯不亮", "urgency", "NORMAL"));
        ids.put("/api/appeals/", appeal.text("id"));
        Api.Response supervision = api.post("supervisor", "/api/supervisions", Map.of("targetType", "DISPUTE",
                "targetId", dispute.text("id"), "level", "REMINDER", "reason", "请加快办理"));
        ids.put("/api/supervisions/", supervision.text("id"));
        ids.values().forEach(id -> assertThat(id).as("fixture ids " + ids).isNotBlank());
        return ids;
    }

    private static String withIds(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            if (path.startsWith(e.getKey() + "{")) {
                path = e.getKey() + e.getValue() + path.substring(path.indexOf('}') + 1);
            }
        }
        return path.replaceAll("\\{year}", "2026").replaceAll("\\{[^}]+}", "no-such-id");
    }

    /** Row count of every application table (Camunda's own and the idempotency cache excluded). */
    private Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_type = 'BASE TABLE' "
                + "and lower(table_schema) = 'public' order by table_name").query(String.class).list();
        for (String table : tables) {
            String t = table.toLowerCase();
            if (t.startsWith("act_") || t.startsWith("flyway") || t.equals("idempotency_record")) {
                continue;
            }
            counts.put(t, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        assertThat(counts).containsKeys("dispute_case", "dispute_history", "supervision");
        return counts;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
