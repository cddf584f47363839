package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.fengqiao.supervision.Supervision;
import org.fengqiao.support.TestClock;
import org.fengqiao.supervision.SupervisionLevel;
import org.fengqiao.supervision.SupervisionRecords;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** Every branch of state machine A that the lifecycle test does not walk, one test per path, through the real engine. */
@FengqiaoTest
class DisputePathsApiTest extends DisputeApiTestBase {

    @Autowired SupervisionRecords supervisions;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;

    @AfterEach
    void resetClock() {
        TestClock.restore();
    }

    private String registered() {
        return f.register(DisputeFixtures.neighbourDispute()).text("id");
    }

    private static void assertValidation(Api.Response r, String field) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(422);
        assertThat(r.problemType()).isEqualTo("/problems/validation-failed");
        assertThat(r.body().path("errors")).extracting(e -> e.path("field").asText()).contains(field);
    }

    private String dueAt(String id) {
        return f.get("mediator1", id).text("dueAt");
    }

    @Test
    @DisplayName("D1: respondent refuses → TERMINATED_NO_AGREEMENT with routes advised → closure → CLOSED / REFUSED_BY_PARTY")
    @LegalRule(value = "D1", model = {"processes/dispute/dispute-mediation.bpmn#Flow_ConsentRefused", "org.fengqiao.dispute.DisputeCase#recordConsent"})
    void respondentRefusesConsent() {
        String id = registered();
        f.designate(id, DisputeFixtures.ADW_COMMITTEE, "PEOPLES", "TOWN");
        assertThat(f.allowed("orgadmin", id)).containsExactlyInAnyOrder("consent", "withdrawal", "risk-report");
        Api.Response refused = f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "REFUSED", "notes", "被申请人明确拒绝调解"),
                "TERMINATED_NO_AGREEMENT");
        assertThat(refused.text("respondentConsent")).isEqualTo("REFUSED");
        assertThat(refused.body().path("outcome").isNull()).isTrue();
        assertThat(f.allowed("orgadmin", id)).containsExactlyInAnyOrder("closure", "risk-report");
        assertThat(f.allowed("visitor", id)).containsExactly("return-visit");
        JsonNode consent = f.lastEntry("orgadmin", id, "consent");
        assertThat(consent.path("fromStatus").asText()).isEqualTo("CONSENT_PENDING");
        assertThat(consent.path("toStatus").asText()).isEqualTo("TERMINATED_NO_AGREEMENT");
        assertThat(consent.path("details").path("routesAdvised")).extracting(JsonNode::asText)
                .contains("ARBITRATION", "ADMINISTRATIVE", "LITIGATION");

        Api.Response closed = f.ok("orgadmin", id, "closure", Map.of("notes", "被申请人拒绝调解，已告知其他途径"), "CLOSED");
        assertThat(closed.text("outcome")).isEqualTo("REFUSED_BY_PARTY");
        assertThat(closed.text("closedAt")).isNotNull();
        assertThat(f.allowed("orgadmin", id)).containsExactly("archive");
        assertThat(f.allowed("visitor", id)).isEmpty();
        JsonNode closure = f.lastEntry("orgadmin", id, "closure");
        assertThat(closure.path("actor").asText()).isEqualTo("orgadmin");
        assertThat(closure.path("fromStatus").asText()).isEqualTo("TERMINATED_NO_AGREEMENT");
        assertThat(closure.path("toStatus").asText()).isEqualTo("CLOSED");
        assertThat(closure.path("details").path("outcome").asText()).isEqualTo("REFUSED_BY_PARTY");
    }

    @Test
    @DisplayName("D17 + D19: NOT_ACCEPT → REJECTED_NOT_ACCEPTED / NOT_ACCEPTED; archive by triage only with the mandatory documents")
    @LegalRule(value = "D17", model = {"processes/dispute/dispute-mediation.bpmn#Flow_NotAccepted", "org.fengqiao.dispute.NotAcceptReason"})
    @LegalRule(value = "D19", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_Archive", "org.fengqiao.dispute.DisputeSettings#archiveRequired"})
    void notAcceptedThenArchivedByTriage() {
        String id = registered();
        Api.Response rejected = f.ok("triage", id, "triage", Map.of("decision", "NOT_ACCEPT",
                "reason", "RESERVED_TO_SPECIAL_ORGAN", "reasonText", "属于依法应由专门机关处理的事项"), "REJECTED_NOT_ACCEPTED");
        assertThat(rejected.text("outcome")).isEqualTo("NOT_ACCEPTED");
        assertThat(rejected.text("notAcceptReason")).isEqualTo("RESERVED_TO_SPECIAL_ORGAN");
        assertThat(f.allowed("triage", id)).containsExactly("archive");
        assertThat(f.allowed("clerk", id)).isEmpty();
        JsonNode triage = f.lastEntry("triage", id, "triage");
        assertThat(triage.path("toStatus").asText()).isEqualTo("REJECTED_NOT_ACCEPTED");
        assertThat(triage.path("details").path("decision").asText()).isEqualTo("NOT_ACCEPT");
        assertThat(triage.path("details").path("reason").asText()).isEqualTo("RESERVED_TO_SPECIAL_ORGAN");

        // D19: never mediated → only the always-required documents are missing
        JsonNode dossier = api.get("triage", "/api/disputes/" + id + "/documents").body();
        assertThat(dossier.path("missingForArchive")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("IDENTITY_PROOF", "BACK_COVER");
        Api.Response refused = f.act("triage", id, "archive", Map.of("volumeNo", "2026-不受理-001", "retentionYears", 10));
        assertValidation(refused, "documents");
        assertThat(f.get("triage", id).text("status")).isEqualTo("REJECTED_NOT_ACCEPTED");
        f.upload("triage", id, "IDENTITY_PROOF");
        f.upload("triage", id, "BACK_COVER");
        Api.Response archived = f.ok("triage", id, "archive", Map.of("volumeNo", "2026-不受理-001", "retentionYears", 10), "ARCHIVED");
        assertThat(archived.text("outcome")).isEqualTo("NOT_ACCEPTED");
        assertThat(archived.body().path("allowedActions")).isEmpty();
        JsonNode archive = f.lastEntry("triage", id, "archive");
        assertThat(archive.path("actor").asText()).isEqualTo("triage");
        assertThat(archive.path("fromStatus").asText()).isEqualTo("REJECTED_NOT_ACCEPTED");
        assertThat(archive.path("toStatus").asText()).isEqualTo("ARCHIVED");
    }

    @Test
    @DisplayName("TRANSFER_OUT → TRANSFERRED_OUT / TRANSFERRED")
    void transferredOut() {
        String id = registered();
        Api.Response transferred = f.ok("triage", id, "triage", Map.of("decision", "TRANSFER_OUT",
                "transferTo", "岚山区劳动人事争议仲裁委员会", "reasonText", "属劳动仲裁受理范围"), "TRANSFERRED_OUT");
        assertThat(transferred.text("outcome")).isEqualTo("TRANSFERRED");
        assertThat(transferred.text("transferTo")).isEqualTo("岚山区劳动人事争议仲裁委员会");
        assertThat(f.allowed("triage", id)).containsExactly("archive");
        JsonNode triage = f.lastEntry("triage", id, "triage");
        assertThat(triage.path("fromStatus").asText()).isEqualTo("TRIAGE");
        assertThat(triage.path("toStatus").asText()).isEqualTo("TRANSFERRED_OUT");
        assertThat(triage.path("details").path("transferTo").asText()).isEqualTo("岚山区劳动人事争议仲裁委员会");
    }

    @Test
    @DisplayName("PUSH declined by the organisation (reason required) → back to TRIAGE")
    void acceptanceDeclined() {
        String id = registered();
        Api.Response pushed = f.ok("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "PUSH", "complexity", "SIMPLE", "riskLevel", "LOW"),
                "ASSIGNED_PENDING_ACCEPT");
        assertThat(pushed.text("acceptanceDueAt")).isNotNull();
        assertThat(f.allowed("orgadmin", id)).containsExactlyInAnyOrder("acceptance", "withdrawal", "risk-report");
        assertThat(f.allowed("triage", id)).containsExactlyInAnyOrder("withdrawal", "risk-report");

        assertValidation(f.act("orgadmin", id, "acceptance", Map.of("accepted", false)), "reason");
        assertThat(f.get("orgadmin", id).text("status")).isEqualTo("ASSIGNED_PENDING_ACCEPT");

        f.ok("orgadmin", id, "acceptance", Map.of("accepted", false, "reason", "本委员会调解员均与当事人有利害关系"), "TRIAGE");
        assertThat(f.allowed("triage", id)).containsExactlyInAnyOrder("triage", "withdrawal", "risk-report");
        JsonNode acceptance = f.lastEntry("triage", id, "acceptance");
        assertThat(acceptance.path("actor").asText()).isEqualTo("orgadmin");
        assertThat(acceptance.path("fromStatus").asText()).isEqualTo("ASSIGNED_PENDING_ACCEPT");
        assertThat(acceptance.path("toStatus").asText()).isEqualTo("TRIAGE");
        assertThat(acceptance.path("details").path("accepted").asBoolean(true)).isFalse();
        assertThat(acceptance.path("details").path("reason").asText()).isEqualTo("本委员会调解员均与当事人有利害关系");
        // re-routed: it can be designated again
        f.designate(id, DisputeFixtures.ADW_COMMITTEE, "PEOPLES", "TOWN");
    }

    @Test
    @DisplayName("D7: extension only with all parties' consent; dueAt moves later")
    @LegalRule(value = "D7", model = {"processes/dispute/dispute-mediation.bpmn#Flow_Extended", "org.fengqiao.dispute.DisputeCase#extend"})
    void extensionNeedsAllPartiesConsent() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        String before = dueAt(id);
        assertValidation(f.act("mediator1", id, "extension", Map.of("extraDays", 10, "allPartiesConsent", false,
                "reason", "需要现场勘验")), "allPartiesConsent");
        assertThat(dueAt(id)).isEqualTo(before);

        Api.Response extended = f.ok("mediator1", id, "extension", Map.of("extraDays", 10, "allPartiesConsent", true,
                "reason", "需要现场勘验"), "IN_MEDIATION");
        assertThat(OffsetDateTime.parse(extended.text("dueAt"))).isAfter(OffsetDateTime.parse(before));
        assertThat(extended.body().path("overdue").asBoolean()).isFalse();
        assertThat(f.allowed("mediator1", id)).contains("sessions", "extension", "agreement", "termination");
        JsonNode extension = f.lastEntry("mediator1", id, "extension");
        assertThat(extension.path("fromStatus").asText()).isEqualTo("IN_MEDIATION");
        assertThat(extension.path("toStatus").asText()).isEqualTo("IN_MEDIATION");
        assertThat(OffsetDateTime.parse(extension.path("details").path("previousDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse(before));
        assertThat(extension.path("details").path("extraDays").asInt()).isEqualTo(10);
    }

    @Test
    @DisplayName("escalation to COUNTY → TRIAGE; re-triage to the county committee, a TOWN level is refused")
    void escalationToCounty() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        Api.Response escalated = f.ok("mediator1", id, "escalation", Map.of("toLevel", "COUNTY", "reason", "涉及多个村居，镇级难以化解"),
                "TRIAGE");
        assertThat(escalated.text("level")).isEqualTo("COUNTY");
        assertThat(escalated.text("orgId")).isNull();
        assertThat(escalated.text("dueAt")).isNull();
        assertThat(f.allowed("triage", id)).containsExactlyInAnyOrder("triage", "withdrawal", "risk-report");
        JsonNode escalation = f.lastEntry("triage", id, "escalation");
        assertThat(escalation.path("fromStatus").asText()).isEqualTo("IN_MEDIATION");
        assertThat(escalation.path("toStatus").asText()).isEqualTo("TRIAGE");
        assertThat(escalation.path("details").path("fromLevel").asText()).isEqualTo("TOWN");
        assertThat(escalation.path("details").path("toLevel").asText()).isEqualTo("COUNTY");

        assertValidation(f.act("triage", id, "triage", Map.of("decision", "ACCEPT", "mediationType", "PEOPLES", "level", "TOWN",
                "orgId", DisputeFixtures.ADW_COMMITTEE, "assignmentMode", "DESIGNATE")), "level");
        assertThat(f.get("triage", id).text("status")).isEqualTo("TRIAGE");

        Api.Response county = f.designate(id, "rz-ls-rmtj", "PEOPLES", "COUNTY");
        assertThat(county.text("orgId")).isEqualTo("rz-ls-rmtj");
        assertThat(county.text("level")).isEqualTo("COUNTY");
        assertThat(f.allowed("cntadmin", id)).containsExactlyInAnyOrder("consent", "withdrawal", "risk-report");
        f.ok("cntadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        f.ok("cntadmin", id, "mediators", Map.of("presidingMediatorId", "cntmediator", "mediatorIds", List.of("cntmediator"),
                "selectedBy", "ORG"), "IN_MEDIATION");
        assertThat(f.allowed("cntmediator", id)).contains("sessions", "agreement");
    }

    @Test
    @DisplayName("D9 + D2: termination must inform of arbitration/administrative/judicial routes")
    @LegalRule(value = "D9", model = {"processes/dispute/dispute-mediation.bpmn#Flow_MediationTerminated", "org.fengqiao.dispute.InformedRoute"})
    @LegalRule(value = "D2", model = {"processes/dispute/dispute-mediation.bpmn#Flow_MediationTerminated", "org.fengqiao.dispute.DisputeCase#terminate"})
    void terminationInformsRoutes() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        assertValidation(f.act("mediator1", id, "termination", Map.of("reason", "申请人要求终止调解")), "routesInformed");
        assertValidation(f.act("mediator1", id, "termination", Map.of("reason", "申请人要求终止调解", "routesInformed", List.of())),
                "routesInformed");
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("IN_MEDIATION");

        Api.Response terminated = f.ok("mediator1", id, "termination", Map.of("reason", "申请人要求终止调解",
                "routesInformed", List.of("LITIGATION", "ARBITRATION")), "TERMINATED_NO_AGREEMENT");
        assertThat(terminated.body().path("allowedActions")).extracting(JsonNode::asText).containsExactly("risk-report");
        assertThat(f.allowed("orgadmin", id)).containsExactlyInAnyOrder("closure", "risk-report");
        JsonNode termination = f.lastEntry("mediator1", id, "termination");
        assertThat(termination.path("actor").asText()).isEqualTo("mediator1");
        assertThat(termination.path("fromStatus").asText()).isEqualTo("IN_MEDIATION");
        assertThat(termination.path("toStatus").asText()).isEqualTo("TERMINATED_NO_AGREEMENT");
        assertThat(termination.path("details").path("routesInformed")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("LITIGATION", "ARBITRATION");
        assertThat(termination.path("details").has("materialsReturnDueAt")).isFalse();

        Api.Response closed = f.ok("orgadmin", id, "closure", Map.of(), "CLOSED");
        assertThat(closed.text("outcome")).isEqualTo("FAILED");
    }

    @Test
    @DisplayName("dissatisfied return visit → SUPERVISOR_REVIEW + 督办 NOTICE; review REOPEN → IN_MEDIATION with a new dueAt")
    void dissatisfiedVisitReopened() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        f.session("mediator1", id, true);
        f.agreement(id, "WRITTEN");
        f.ok("mediator1", id, "performance", Map.of("status", "DONE", "evidence", "已支付"), "RETURN_VISIT");
        assertThat(f.allowed("visitor", id)).containsExactly("return-visit");
        Api.Response visited = f.ok("visitor", id, "return-visit", Map.of("satisfaction", "DISSATISFIED",
                "performanceStatus", "DONE", "notes", "申请人认为赔偿数额过低"), "SUPERVISOR_REVIEW");
        assertThat(visited.text("outcome")).isNull();
        assertThat(f.allowed("supervisor", id)).containsExactly("review");
        List<Supervision> records = supervisions.forTarget("DISPUTE", id);
        assertThat(records).anySatisfy(s -> {
            assertThat(s.level()).isEqualTo(SupervisionLevel.NOTICE);
            assertThat(s.triggeredBy()).isEqualTo("DISSATISFIED_VISIT");
            assertThat(s.open()).isTrue();
        });
        JsonNode visit = f.lastEntry("supervisor", id, "return-visit");
        assertThat(visit.path("toStatus").asText()).isEqualTo("SUPERVISOR_REVIEW");
        assertThat(visit.path("details").path("satisfaction").asText()).isEqualTo("DISSATISFIED");

        assertValidation(f.act("supervisor", id, "review", Map.of("decision", "REOPEN")), "reason");
        Api.Response reopened = f.ok("supervisor", id, "review", Map.of("decision", "REOPEN", "reason", "协议未充分保障申请人权益"),
                "IN_MEDIATION");
        assertThat(reopened.text("outcome")).isNull();
        assertThat(reopened.body().path("overdue").asBoolean()).isFalse();
        String today = TestClock.offsetNow().toLocalDate().toString();
        String expected = api.get("supervisor", "/api/calendar/due-date?from=" + today + "&amount=15&unit=CALENDAR_DAYS")
                .text("dueDate");
        assertThat(reopened.text("dueDate")).isEqualTo(expected);
        assertThat(f.allowed("mediator1", id)).containsExactlyInAnyOrder("recusal", "sessions", "extension", "escalation",
                "agreement", "termination", "risk-report");
        JsonNode review = f.lastEntry("supervisor", id, "review");
        assertThat(review.path("fromStatus").asText()).isEqualTo("SUPERVISOR_REVIEW");
        assertThat(review.path("toStatus").asText()).isEqualTo("IN_MEDIATION");
        assertThat(review.path("details").path("decision").asText()).isEqualTo("REOPEN");
        assertThat(OffsetDateTime.parse(review.path("details").path("dueAt").asText()))
                .isEqualTo(OffsetDateTime.parse(reopened.text("dueAt")));
    }

    @Test
    @DisplayName("dissatisfied visit after a failed mediation → SUPERVISOR_REVIEW; review CLOSE → CLOSED / FAILED")
    void dissatisfiedVisitClosed() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        f.ok("mediator1", id, "termination", Map.of("reason", "双方分歧过大", "routesInformed", List.of("LITIGATION")),
                "TERMINATED_NO_AGREEMENT");
        f.ok("visitor", id, "return-visit", Map.of("satisfaction", "DISSATISFIED", "notes", "对调解员态度不满"), "SUPERVISOR_REVIEW");
        assertThat(supervisions.countForTarget("DISPUTE", id, SupervisionLevel.NOTICE)).isEqualTo(1);
        assertThat(f.allowed("orgadmin", id)).containsExactly("risk-report");
        Api.Response closed = f.ok("supervisor", id, "review", Map.of("decision", "CLOSE", "reason", "经核查调解程序合法"), "CLOSED");
        assertThat(closed.text("outcome")).isEqualTo("FAILED");
        assertThat(f.allowed("orgadmin", id)).containsExactly("archive");
        JsonNode review = f.lastEntry("orgadmin", id, "review");
        assertThat(review.path("toStatus").asText()).isEqualTo("CLOSED");
        assertThat(review.path("details").path("outcome").asText()).isEqualTo("FAILED");
        // the case is final: its 督办 records are closed
        assertThat(supervisions.forTarget("DISPUTE", id)).allSatisfy(s -> assertThat(s.open()).isFalse());
    }

    @Test
    @DisplayName("D14: judicial confirmation REJECTED → IN_MEDIATION again (re-mediate), agreement no longer stands")
    @LegalRule(value = "D14", model = {"processes/dispute/dispute-mediation.bpmn#Flow_ConfirmationRejected", "org.fengqiao.dispute.DisputeCase#courtDecided"})
    void confirmationRejected() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        f.session("mediator1", id, true);
        f.agreement(id, "WRITTEN");
        f.confirmation(id, DisputeFixtures.justNow());
        assertThat(f.allowed("mediator1", id)).containsExactly("risk-report");
        assertThat(f.allowed("court", id)).containsExactly("court-acceptance", "court-decision");
        Api.Response rejected = f.ok("court", id, "court-decision", Map.of("result", "REJECTED", "notes", "协议内容违反法律规定"),
                "IN_MEDIATION");
        assertThat(rejected.text("agreementEffectiveAt")).isNull();
        assertThat(rejected.text("dueAt")).isNotNull();
        assertThat(f.allowed("mediator1", id)).contains("sessions", "agreement", "termination");
        JsonNode decision = f.lastEntry("mediator1", id, "court-decision");
        assertThat(decision.path("actor").asText()).isEqualTo("court");
        assertThat(decision.path("fromStatus").asText()).isEqualTo("JUDICIAL_CONFIRMATION");
        assertThat(decision.path("toStatus").asText()).isEqualTo("IN_MEDIATION");
        assertThat(decision.path("details").path("result").asText()).isEqualTo("REJECTED");
        // a new agreement can be reached
        f.agreement(id, "WRITTEN");
    }

    @Test
    @DisplayName("D12: judicial confirmation filed more than 30 days after the agreement took effect → 409 deadline-passed")
    @LegalRule(value = "D12", model = {"org.fengqiao.dispute.DisputeSettings#judicialConfirmationWindow", "org.fengqiao.dispute.DisputeManagement#judicialConfirmation"})
    void confirmationAfterThirtyDays() {
        OffsetDateTime now = TestClock.offsetNow().withNano(0);
        // mediation began 45 days ago (the engine clock moved back for the start of the case)
        ClockUtil.setCurrentTime(Date.from(now.minusDays(45).toInstant()));
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        TestClock.restore();
        String effectiveAt = now.minusDays(40).toString();
        f.rightsNotice("mediator1", id);
        Map<String, Object> agreement = new HashMap<>(Map.of("form", "WRITTEN", "terms", "被申请人拆除滴水檐"));
        agreement.putAll(f.signatures(id, effectiveAt));
        Api.Response agreed = f.ok("mediator1", id, "agreement", agreement, "PERFORMANCE_MONITORING");
        assertThat(OffsetDateTime.parse(agreed.text("agreementEffectiveAt"))).isEqualTo(OffsetDateTime.parse(effectiveAt));

        Api.Response late = f.act("mediator1", id, "judicial-confirmation", Map.of("court", "日照市岚山区人民法院",
                "filedAt", now.minusMinutes(1).toString(), "applicants", f.partyNames(id)));
        assertThat(late.status()).as(late.body().toString()).isEqualTo(409);
        assertThat(late.problemType()).isEqualTo("/problems/deadline-passed");
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.text("detail")).isNotBlank();
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("PERFORMANCE_MONITORING");
        assertThat(f.history("mediator1", id)).noneMatch(h -> h.path("action").asText().equals("judicial-confirmation"));
    }

    @Test
    @DisplayName("D11: oral agreement → effective when reached → CLOSED / SUCCESS_ORAL")
    @LegalRule(value = "D11", model = {"processes/dispute/dispute-mediation.bpmn#Flow_AgreementReached", "org.fengqiao.dispute.AgreementForm#ORAL"})
    void oralAgreement() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        f.session("mediator1", id, true);
        Api.Response agreed = f.agreement(id, "ORAL");
        assertThat(agreed.text("agreementEffectiveAt")).isNotNull();
        assertThat(agreed.body().path("agreement").path("form").asText()).isEqualTo("ORAL");
        assertThat(f.lastEntry("mediator1", id, "agreement").path("details").path("form").asText()).isEqualTo("ORAL");
        f.ok("mediator1", id, "performance", Map.of("status", "DONE", "evidence", "当场履行"), "RETURN_VISIT");
        Api.Response closed = f.ok("visitor", id, "return-visit", Map.of("satisfaction", "BASICALLY_SATISFIED"), "CLOSED");
        assertThat(closed.text("outcome")).isEqualTo("SUCCESS_ORAL");
        assertThat(f.lastEntry("orgadmin", id, "return-visit").path("details").path("outcome").asText()).isEqualTo("SUCCESS_ORAL");
    }

    @Test
    @DisplayName("D4 + D3: recusal replaces the presiding mediator; the recused mediator gets 403")
    @LegalRule(value = "D4", model = {"processes/dispute/dispute-mediation.bpmn#Flow_ContinueMediation", "org.fengqiao.dispute.DisputeCase#replaceMediator"})
    @LegalRule(value = "D3", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_AssignMediators", "org.fengqiao.dispute.SelectedBy#ORG"})
    void recusalReplacesMediator() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute(), "mediator1", List.of("mediator1"));
        Api.Response replaced = f.ok("mediator1", id, "recusal", Map.of("requestedBy", "周某", "grounds", "调解员系申请人近亲属",
                "replacementMediatorId", "mediator3"), "IN_MEDIATION");
        assertThat(replaced.text("presidingMediatorId")).isEqualTo("mediator3");
        assertThat(replaced.body().path("mediatorIds")).extracting(JsonNode::asText).containsExactly("mediator3");
        JsonNode recusal = f.lastEntry("mediator3", id, "recusal");
        assertThat(recusal.path("details").path("replacedMediatorId").asText()).isEqualTo("mediator1");
        assertThat(recusal.path("details").path("replacementMediatorId").asText()).isEqualTo("mediator3");
        // the Tasklist task now belongs to the replacement
        String pid = replaced.text("processInstanceId");
        assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("UserTask_Mediate").singleResult()
                .getAssignee()).isEqualTo("mediator3");

        assertThat(f.allowed("mediator1", id)).isEmpty();
        Api.Response forbidden = f.session("mediator1", id, true);
        assertThat(forbidden.status()).as(forbidden.body().toString()).isEqualTo(403);
        assertThat(forbidden.problemType()).isEqualTo("/problems/forbidden");
        assertThat(f.session("mediator3", id, true).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("D5 + D6: the first session requires the rights-and-duties notice; sessions are recorded")
    @LegalRule(value = "D5", model = {"org.fengqiao.dispute.DisputeRecords#rightsNoticeDelivered", "org.fengqiao.dispute.DisputeManagement#session"})
    @LegalRule(value = "D6", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_Mediate", "org.fengqiao.dispute.DisputeRecords#addSession"})
    void firstSessionNeedsRightsNotice() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        assertValidation(f.session("mediator1", id, false), "rightsNoticeDelivered");
        assertThat(f.history("mediator1", id)).noneMatch(h -> h.path("action").asText().equals("sessions"));
        Api.Response first = f.session("mediator1", id, true);
        assertThat(first.status()).isEqualTo(200);
        // once delivered, a later session need not repeat it
        assertThat(f.session("mediator1", id, false).status()).isEqualTo(200);
        JsonNode session = f.lastEntry("mediator1", id, "sessions");
        assertThat(session.path("actor").asText()).isEqualTo("mediator1");
        assertThat(session.path("fromStatus").asText()).isEqualTo("IN_MEDIATION");
        assertThat(session.path("toStatus").asText()).isEqualTo("IN_MEDIATION");
        assertThat(f.history("mediator1", id)).filteredOn(h -> h.path("action").asText().equals("sessions")).hasSize(2);
        JsonNode dossier = api.get("mediator1", "/api/disputes/" + id + "/documents").body();
        assertThat(dossier.path("missingForArchive")).extracting(JsonNode::asText).doesNotContain("MEDIATION_RECORD");
    }

    @Test
    @DisplayName("D20 + D8: court-referred (委派) mediation that fails returns the court's materials as a step, before closure and visit")
    @LegalRule(value = "D20", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_ReturnMaterialsToCourt",
            "org.fengqiao.dispute.DisputeManagement#materialsReturn", "org.fengqiao.dispute.DisputeSettings#materialsReturnLimit"})
    @LegalRule(value = "D8", model = {"org.fengqiao.dispute.MediationType#COURT_REFERRED_PRE_FILING"})
    void courtReferredTerminationReturnsMaterials() {
        Map<String, Object> body = new HashMap<>(DisputeFixtures.neighbourDispute());
        body.put("channel", "COURT_REFERRAL");
        String id = f.register(body).text("id");
        Api.Response triaged = f.designate(id, DisputeFixtures.ADW_COMMITTEE, "COURT_REFERRED_PRE_FILING", "TOWN");
        assertThat(triaged.text("mediationType")).isEqualTo("COURT_REFERRED_PRE_FILING");
        assertThat(triaged.body().path("timeLimitDays").asInt()).isLessThanOrEqualTo(30);
        f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        f.ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator1", "selectedBy", "COURT"), "IN_MEDIATION");
        Api.Response terminated = f.ok("mediator1", id, "termination", Map.of("reason", "调解不成", "routesInformed",
                List.of("LITIGATION")), "TERMINATED_NO_AGREEMENT");
        String pid = terminated.text("processInstanceId");
        JsonNode termination = f.lastEntry("mediator1", id, "termination");
        // [PRACTICE] 3 working days from the termination, by the calendar
        String today = TestClock.offsetNow().toLocalDate().toString();
        String expected = api.get("mediator1", "/api/calendar/due-date?from=" + today + "&amount=3&unit=WORKING_DAYS").text("dueDate");
        assertThat(OffsetDateTime.parse(termination.path("details").path("materialsReturnDueAt").asText()).toLocalDate().toString())
                .isEqualTo(expected);
        assertThat(taskService.createTaskQuery().processInstanceId(pid).list()).extracting(t -> t.getTaskDefinitionKey())
                .containsExactly("UserTask_ReturnMaterialsToCourt");
        // the materials go back first: no closure, no return visit yet
        assertThat(f.allowed("orgadmin", id)).containsExactlyInAnyOrder("materials-return", "risk-report");
        assertThat(f.allowed("visitor", id)).isEmpty();
        assertThat(f.act("orgadmin", id, "closure", Map.of()).status()).isEqualTo(409);
        assertValidation(f.act("orgadmin", id, "materials-return", Map.of("returnedAt", DisputeFixtures.justNow())), "receivedBy");
        f.ok("orgadmin", id, "materials-return", Map.of("returnedAt", DisputeFixtures.justNow(), "receivedBy", "岚山区人民法院立案庭",
                "notes", "终止调解报告及起诉材料"), "TERMINATED_NO_AGREEMENT");
        assertThat(f.lastEntry("orgadmin", id, "materials-return").path("details").path("receivedBy").asText())
                .isEqualTo("岚山区人民法院立案庭");
        assertThat(taskService.createTaskQuery().processInstanceId(pid).list()).extracting(t -> t.getTaskDefinitionKey())
                .containsExactlyInAnyOrder("UserTask_CloseTerminated", "UserTask_ReturnVisitTerminated");
        assertThat(f.allowed("orgadmin", id)).containsExactlyInAnyOrder("closure", "risk-report");
        assertThat(f.ok("orgadmin", id, "closure", Map.of(), "CLOSED").text("outcome")).isEqualTo("FAILED");
    }

    @Test
    @DisplayName("D20: a court-referred case the respondent refuses (or cannot be reached) also returns the materials")
    @LegalRule(value = "D20", model = {"processes/dispute/dispute-mediation.bpmn#Flow_MaterialsToReturn",
            "org.fengqiao.dispute.DisputeCase#materialsToReturn"})
    void courtReferredRefusalReturnsMaterials() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.designate(id, DisputeFixtures.ADW_COMMITTEE, "COURT_ENTRUSTED", "TOWN");
        f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "UNREACHABLE"), "TERMINATED_NO_AGREEMENT");
        assertThat(f.lastEntry("orgadmin", id, "consent").path("details").has("materialsReturnDueAt")).isTrue();
        assertThat(f.allowed("orgadmin", id)).contains("materials-return").doesNotContain("closure");
        // not back in time: a 催办, the step stays open
        String pid = f.get("orgadmin", id).text("processInstanceId");
        org.camunda.bpm.engine.runtime.Job timer = managementService.createJobQuery().processInstanceId(pid).timers()
                .activityId("Timer_MaterialsReturnDue").singleResult();
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(OffsetDateTime.parse(f.get("orgadmin", id).text("materialsReturnDueAt")).toInstant());
        TestClock.travelTo(timer.getDuedate().toInstant().plusSeconds(60));
        managementService.executeJob(timer.getId());
        assertThat(supervisions.forTarget("DISPUTE", id)).anySatisfy(s -> {
            assertThat(s.level()).isEqualTo(SupervisionLevel.REMINDER);
            assertThat(s.triggeredBy()).isEqualTo("OVERDUE_TIMER");
        });
        assertThat(f.lastEntry("orgadmin", id, "materials-return-overdue").path("actor").asText()).isEqualTo("system");
        f.ok("orgadmin", id, "materials-return", Map.of("returnedAt", DisputeFixtures.justNow(), "receivedBy", "岚山区人民法院"),
                "TERMINATED_NO_AGREEMENT");
        f.ok("visitor", id, "return-visit", Map.of("satisfaction", "SATISFIED"), "CLOSED");
    }

    @Test
    @DisplayName("D16 + D15: performance DEFAULTED → RETURN_VISIT; advice litigation (unconfirmed) or enforcement (confirmed)")
    @LegalRule(value = "D16", model = {"processes/dispute/dispute-mediation.bpmn#Flow_PerformanceSettled", "org.fengqiao.dispute.DisputeManagement#performance"})
    @LegalRule(value = "D15", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_MonitorPerformance", "org.fengqiao.dispute.DisputeCase#recordPerformance"})
    void performanceDefaulted() {
        String unconfirmed = f.inMediation(DisputeFixtures.neighbourDispute());
        f.agreement(unconfirmed, "WRITTEN");
        f.ok("mediator1", unconfirmed, "performance", Map.of("status", "PARTIAL", "evidence", "支付一半"), "PERFORMANCE_MONITORING");
        Api.Response defaulted = f.ok("mediator1", unconfirmed, "performance", Map.of("status", "DEFAULTED",
                "evidence", "被申请人拒绝支付余款"), "RETURN_VISIT");
        assertThat(defaulted.text("performanceStatus")).isEqualTo("DEFAULTED");
        assertThat(f.allowed("visitor", unconfirmed)).containsExactly("return-visit");
        JsonNode entry = f.lastEntry("mediator1", unconfirmed, "performance");
        assertThat(entry.path("fromStatus").asText()).isEqualTo("PERFORMANCE_MONITORING");
        assertThat(entry.path("toStatus").asText()).isEqualTo("RETURN_VISIT");
        assertThat(entry.path("details").path("status").asText()).isEqualTo("DEFAULTED");
        assertThat(entry.path("details").path("advice").asText()).isEqualTo("LITIGATION");

        String confirmed = f.inMediation(DisputeFixtures.neighbourDispute());
        f.agreement(confirmed, "WRITTEN");
        f.confirmation(confirmed, DisputeFixtures.justNow());
        f.ok("court", confirmed, "court-decision", Map.of("result", "CONFIRMED_VALID"), "PERFORMANCE_MONITORING");
        f.ok("mediator1", confirmed, "performance", Map.of("status", "DEFAULTED"), "RETURN_VISIT");
        assertThat(f.lastEntry("mediator1", confirmed, "performance").path("details").path("advice").asText())
                .isEqualTo("ENFORCEMENT");
    }
}
