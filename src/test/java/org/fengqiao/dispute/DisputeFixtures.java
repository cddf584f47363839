package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.fengqiao.support.Api;

import com.fasterxml.jackson.databind.JsonNode;

/** Bodies and short paths through the dispute API, shared by the dispute tests. */
final class DisputeFixtures {

    static final String CITY_CENTRE = "rz";
    static final String ADW_COMMITTEE = "rz-ls-adw-tw";

    private final Api api;

    /** Simple names of the test classes that used the fixtures in this JVM (for the model coverage check). */
    static final java.util.Set<String> USED_BY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DisputeFixtures(Api api) {
        this.api = api;
        USED_BY.add(StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getSimpleName());
    }

    /** 六名务工人员追讨工资：网格员上报，涉及 17 万元。 */
    static Map<String, Object> labourDispute() {
        List<Map<String, Object>> parties = new ArrayList<>();
        String[] names = {"张某", "李某", "王某", "赵某", "刘某", "陈某"};
        for (String name : names) {
            parties.add(Map.of("role", "APPLICANT", "type", "NATURAL", "name", name, "phone", "1380000000" + parties.size()));
        }
        parties.add(Map.of("role", "RESPONDENT", "type", "LEGAL", "name", "日照某建筑工程有限公司"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "6名务工人员追讨工资");
        body.put("facts", "6名务工人员在某建筑工地务工，工程完工后公司拖欠工资共计17万元，网格员走访时发现并上报。");
        body.put("claims", "支付拖欠工资17万元");
        body.put("category", "LABOR");
        body.put("channel", "GRID_REPORT");
        body.put("sourceRef", "GRID-2026-000123");
        body.put("amountInvolved", 170000);
        body.put("centreId", CITY_CENTRE);
        body.put("parties", parties);
        return body;
    }

    static Map<String, Object> neighbourDispute() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "邻里宅基地滴水纠纷");
        body.put("facts", "两户相邻，一方新建房屋屋檐滴水至另一方院内。");
        body.put("category", "NEIGHBOR");
        body.put("channel", "PARTY_APPLICATION");
        body.put("centreId", CITY_CENTRE);
        body.put("parties", List.of(
                Map.of("role", "APPLICANT", "type", "NATURAL", "name", "孙某"),
                Map.of("role", "RESPONDENT", "type", "NATURAL", "name", "周某")));
        return body;
    }

    Api.Response register(Map<String, Object> body) {
        Api.Response r = api.post("clerk", "/api/disputes", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r;
    }

    Api.Response act(String user, String id, String action, Map<String, ?> body) {
        return api.post(user, "/api/disputes/" + id + "/" + action, body);
    }

    Api.Response ok(String user, String id, String action, Map<String, ?> body, String expectedStatus) {
        Api.Response r = act(user, id, action, body);
        assertThat(r.status()).as(action + " → " + r.body()).isEqualTo(200);
        assertThat(r.text("status")).as(action).isEqualTo(expectedStatus);
        return r;
    }

    /** Registers and drives a case into IN_MEDIATION at the 安东卫 committee with mediator1 presiding. */
    String inMediation(Map<String, Object> registration) {
        String id = register(registration).text("id");
        ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", ADW_COMMITTEE, "assignmentMode", "DESIGNATE", "complexity", "ORDINARY", "riskLevel", "LOW"),
                "CONSENT_PENDING");
        ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1", "mediatorIds", List.of("mediator1", "mediator3"),
                "selectedBy", "ORG"), "IN_MEDIATION");
        return id;
    }

    /** Registers and drives a case into IN_MEDIATION at the 安东卫 committee with the given mediators. */
    String inMediation(Map<String, Object> registration, String presiding, List<String> mediatorIds) {
        String id = register(registration).text("id");
        designate(id, ADW_COMMITTEE, "PEOPLES", "TOWN");
        ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", presiding, "mediatorIds", mediatorIds,
                "selectedBy", "ORG"), "IN_MEDIATION");
        return id;
    }

    /** triage ACCEPT with DESIGNATE → CONSENT_PENDING. */
    Api.Response designate(String id, String orgId, String mediationType, String level) {
        return ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", mediationType, "level", level,
                "orgId", orgId, "assignmentMode", "DESIGNATE", "complexity", "ORDINARY", "riskLevel", "LOW"),
                "CONSENT_PENDING");
    }

    /** The engine's (possibly moved) clock truncated to the second, as an ISO offset date-time at +08:00. */
    static String justNow() {
        return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.ofHours(8))
                .withNano(0).toString();
    }

    Api.Response session(String user, String id, boolean rightsNoticeDelivered) {
        return act(user, id, "sessions", Map.of("heldAt", justNow(), "place", "安东卫街道调解室",
                "minutes", "双方陈述意见，调解员释法说理", "rightsNoticeDelivered", rightsNoticeDelivered));
    }

    /** An agreement by mediator1; a WRITTEN one signed by every party and sealed now (D10). Delivers the rights notice first if none is on record (D5). */
    Api.Response agreement(String id, String form) {
        return agreement("mediator1", id, form);
    }

    Api.Response agreement(String user, String id, String form) {
        rightsNotice(user, id);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("form", form, "terms", "被申请人于十日内支付赔偿款", "amount", 5000));
        if ("WRITTEN".equals(form)) {
            body.putAll(signatures(id, justNow()));
        }
        return ok(user, id, "agreement", body, "PERFORMANCE_MONITORING");
    }

    /** D10: every party's signature, the committee's seal and the time of the last signature. */
    Map<String, Object> signatures(String id, String signedAt) {
        return Map.of("signedBy", partyNames(id), "sealed", true, "signedAt", signedAt);
    }

    /** A session with the rights notice (D5), unless one is already on record. */
    void rightsNotice(String user, String id) {
        boolean delivered = false;
        for (JsonNode h : history(user, id)) {
            delivered |= "sessions".equals(h.path("action").asText()) && h.path("details").path("rightsNoticeDelivered").asBoolean();
        }
        if (!delivered) {
            Api.Response r = session(user, id, true);
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        }
    }

    /** The names of the case's parties, as the mediators see them. */
    List<String> partyNames(String id) {
        List<String> names = new ArrayList<>();
        get("admin", id).body().path("parties").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    /** 司法确认 filed by the presiding mediator (mediator1) at {@code filedAt}. */
    Api.Response confirmation(String id, String filedAt) {
        return ok("mediator1", id, "judicial-confirmation", Map.of("court", "日照市岚山区人民法院", "filedAt", filedAt,
                "applicants", partyNames(id)), "JUDICIAL_CONFIRMATION");
    }

    /** D13: the court liaison records the court's acceptance of the pending application. */
    Api.Response courtAcceptance(String id, String acceptedAt) {
        return ok("court", id, "court-acceptance", Map.of("acceptedAt", acceptedAt, "courtCaseNo", "（2026）鲁1103民特12号"),
                "JUDICIAL_CONFIRMATION");
    }

    Api.Response get(String user, String id) {
        return api.get(user, "/api/disputes/" + id);
    }

    List<String> allowed(String user, String id) {
        Api.Response r = get(user, id);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> result = new ArrayList<>();
        r.body().path("allowedActions").forEach(n -> result.add(n.asText()));
        return result;
    }

    JsonNode history(String user, String id) {
        Api.Response r = api.get(user, "/api/disputes/" + id + "/history");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    /** The last history entry with the given action. */
    JsonNode lastEntry(String user, String id, String action) {
        JsonNode found = null;
        for (JsonNode entry : history(user, id)) {
            if (action.equals(entry.path("action").asText())) {
                found = entry;
            }
        }
        assertThat(found).as("history entry " + action).isNotNull();
        return found;
    }

    static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void upload(String user, String id, String type) {
        Api.Response r = api.post(user, "/api/disputes/" + id + "/documents", Map.of("type", type, "title", type + " 材料",
                "fileName", type.toLowerCase() + ".pdf", "contentBase64", base64("%PDF-1.4 " + type)));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    }
}
