package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.support.Api;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The legal preconditions of the contract (D5 rights notice before an agreement, D10 signatures and
 * seal of a written agreement, D12 joint application for 司法确认), through both doors.
 */
@FengqiaoTest
class DisputeLegalPreconditionsTest extends DisputeTasklistTestBase {

    private static final List<String> MEDIATOR1_GROUPS = List.of("mediator", "rz-ls-adw-tw-mediator");


    @AfterEach
    void clear() {
        identityService.clearAuthentication();
        TestClock.restore();
    }

    private static void assertValidation(Api.Response r, String... fields) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(422);
        assertThat(r.problemType()).isEqualTo("/problems/validation-failed");
        assertThat(r.body().path("errors")).extracting(e -> e.path("field").asText()).contains(fields);
    }

    private static Map<String, Object> written() {
        return new HashMap<>(Map.of("form", "WRITTEN", "terms", "周某于十日内拆除滴水檐", "amount", 0));
    }

    private static String formDateTime(int minutesAgo) {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.ofHours(8)).minusMinutes(minutesAgo)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    @Test
    @DisplayName("D10: a WRITTEN agreement needs every party's signature, the seal and signedAt; it takes effect at signedAt")
    @LegalRule(value = "D10", model = {"processes/dispute/forms/dispute-mediation-form.form#Field_dispute_mediation_form_signedBy",
            "org.fengqiao.dispute.DisputeManagement#agreement", "org.fengqiao.dispute.DisputeRecords#addAgreement"})
    void writtenAgreementSignedAndSealed() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        f.rightsNotice("mediator1", id);
        assertValidation(f.act("mediator1", id, "agreement", written()), "signedBy", "sealed", "signedAt");

        Map<String, Object> oneParty = written();
        oneParty.putAll(Map.of("signedBy", List.of("孙某"), "sealed", true, "signedAt", DisputeFixtures.justNow()));
        Api.Response unsigned = f.act("mediator1", id, "agreement", oneParty);
        assertValidation(unsigned, "signedBy");
        assertThat(unsigned.body().toString()).contains("周某");

        Map<String, Object> unsealed = written();
        unsealed.putAll(Map.of("signedBy", List.of("孙某", "周某"), "sealed", false, "signedAt", DisputeFixtures.justNow()));
        assertValidation(f.act("mediator1", id, "agreement", unsealed), "sealed");

        Map<String, Object> future = written();
        future.putAll(Map.of("signedBy", List.of("孙某", "周某"), "sealed", true,
                "signedAt", TestClock.offsetNow().plusHours(2).withNano(0).toString()));
        assertValidation(f.act("mediator1", id, "agreement", future), "signedAt");
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("IN_MEDIATION");
        assertThat(f.history("mediator1", id)).noneMatch(h -> h.path("action").asText().equals("agreement"));

        String signedAt = TestClock.offsetNow().minusHours(3).withNano(0).toString();
        Map<String, Object> valid = written();
        valid.putAll(Map.of("signedBy", List.of("周某", "孙某"), "sealed", true, "signedAt", signedAt));
        Api.Response agreed = f.ok("mediator1", id, "agreement", valid, "PERFORMANCE_MONITORING");
        assertThat(OffsetDateTime.parse(agreed.text("agreementEffectiveAt"))).isEqualTo(OffsetDateTime.parse(signedAt));
        JsonNode agreement = agreed.body().path("agreement");
        assertThat(agreement.path("signedBy")).extracting(JsonNode::asText).containsExactly("周某", "孙某");
        assertThat(agreement.path("sealed").asBoolean()).isTrue();
        JsonNode entry = f.lastEntry("mediator1", id, "agreement");
        assertThat(entry.path("details").path("signedBy")).extracting(JsonNode::asText).containsExactlyInAnyOrder("孙某", "周某");
        assertThat(entry.path("details").path("sealed").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(entry.path("details").path("effectiveAt").asText())).isEqualTo(OffsetDateTime.parse(signedAt));
    }

    @Test
    @DisplayName("D10: the Tasklist's agreement form (names separated by 、) has the same effect and the same refusals")
    @LegalRule(value = "D10", model = {"processes/dispute/forms/dispute-mediation-form.form#Field_dispute_mediation_form_sealed",
            "processes/dispute/dispute-mediation.bpmn#UserTask_Mediate"})
    void writtenAgreementThroughTheTasklist() {
        String id = f.inMediation(DisputeFixtures.neighbourDispute());
        f.rightsNotice("mediator1", id);
        Map<String, Object> form = new HashMap<>(Map.of("action", "agreement", "form", "WRITTEN", "terms", "周某于十日内拆除滴水檐",
                "signedBy", "孙某", "sealed", true, "signedAt", formDateTime(20)));
        Throwable refused = completeAs("mediator1", MEDIATOR1_GROUPS, task(id, "UserTask_Mediate"), form);
        ValidationException v = cause(refused);
        assertThat(v.errors()).extracting(ValidationException.FieldError::field).contains("signedBy");
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("IN_MEDIATION");

        form.put("signedBy", "孙某、周某");
        assertThat(completeAs("mediator1", MEDIATOR1_GROUPS, task(id, "UserTask_Mediate"), form)).isNull();
        Api.Response c = f.get("mediator1", id);
        assertThat(c.text("status")).isEqualTo("PERFORMANCE_MONITORING");
        assertThat(c.body().path("agreement").path("signedBy")).extracting(JsonNode::asText).containsExactly("孙某", "周某");
        assertThat(c.body().path("agreement").path("sealed").asBoolean()).isTrue();
    }

    private static ValidationException cause(Throwable thrown) {
        assertThat(thrown).as("completion must be refused").isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ValidationException v) {
                return v;
            }
        }
        throw new AssertionError("no ValidationException in " + thrown, thrown);
    }

    @Test
    @DisplayName("D12: 司法确认 is a joint application: applicants must name every party; it is recorded")
    @LegalRule(value = "D12", model = {"processes/dispute/forms/dispute-performance-form.form#Field_dispute_performance_form_applicants",
            "org.fengqiao.dispute.DisputeManagement#judicialConfirmation", "org.fengqiao.dispute.DisputeRecords#fileConfirmation"})
    void jointApplication() {
        String id = f.inMediation(DisputeFixtures.labourDispute());
        f.agreement(id, "WRITTEN");
        List<String> all = f.partyNames(id);
        assertThat(all).hasSize(7);
        Map<String, Object> body = new HashMap<>(Map.of("court", "日照市岚山区人民法院", "filedAt", DisputeFixtures.justNow()));
        assertValidation(f.act("mediator1", id, "judicial-confirmation", body), "applicants");
        body.put("applicants", all.subList(0, 6));
        Api.Response partial = f.act("mediator1", id, "judicial-confirmation", body);
        assertValidation(partial, "applicants");
        assertThat(partial.body().toString()).contains("日照某建筑工程有限公司");
        assertThat(f.get("mediator1", id).text("status")).isEqualTo("PERFORMANCE_MONITORING");

        body.put("applicants", all);
        Api.Response filed = f.ok("mediator1", id, "judicial-confirmation", body, "JUDICIAL_CONFIRMATION");
        assertThat(filed.body().path("judicialConfirmation").path("applicants")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(all);
        assertThat(f.lastEntry("mediator1", id, "judicial-confirmation").path("details").path("applicants"))
                .extracting(JsonNode::asText).containsExactlyElementsOf(all);
    }

    @Test
    @DisplayName("D5 + D2: no agreement without a rights notice (a session or a RIGHTS_NOTICE document); a termination needs none")
    @LegalRule(value = "D5", model = {"org.fengqiao.dispute.DisputeManagement#agreement", "org.fengqiao.dispute.DocumentType#RIGHTS_NOTICE"})
    @LegalRule(value = "D2", model = {"processes/dispute/dispute-mediation.bpmn#Flow_MediationTerminated",
            "org.fengqiao.dispute.DisputeManagement#termination"})
    void rightsNoticeBeforeAgreement() {
        String bySession = f.inMediation(DisputeFixtures.neighbourDispute());
        Map<String, Object> oral = Map.of("form", "ORAL", "terms", "双方当场和解");
        assertValidation(f.act("mediator1", bySession, "agreement", oral), "rightsNoticeDelivered");
        assertThat(f.get("mediator1", bySession).text("status")).isEqualTo("IN_MEDIATION");
        f.rightsNotice("mediator1", bySession);
        f.ok("mediator1", bySession, "agreement", oral, "PERFORMANCE_MONITORING");

        String byDocument = f.inMediation(DisputeFixtures.neighbourDispute());
        f.upload("mediator1", byDocument, "RIGHTS_NOTICE");
        f.ok("mediator1", byDocument, "agreement", oral, "PERFORMANCE_MONITORING");

        // a party may end mediation at any time, rights notice or not
        String terminated = f.inMediation(DisputeFixtures.neighbourDispute());
        f.ok("mediator1", terminated, "termination", Map.of("reason", "申请人要求终止调解", "routesInformed", List.of("LITIGATION")),
                "TERMINATED_NO_AGREEMENT");
    }

    @Test
    @DisplayName("D3: the parties choose their mediators (PARTIES) among the organisation's mediators; COURT only in court-referred mediation")
    @LegalRule(value = "D3", model = {"processes/dispute/dispute-mediation.bpmn#UserTask_AssignMediators",
            "org.fengqiao.dispute.SelectedBy#PARTIES", "org.fengqiao.dispute.DisputeManagement#mediators"})
    void partiesChooseTheirMediators() {
        String id = f.register(DisputeFixtures.neighbourDispute()).text("id");
        f.designate(id, DisputeFixtures.ADW_COMMITTEE, "PEOPLES", "TOWN");
        f.ok("orgadmin", id, "consent", Map.of("respondentConsent", "AGREED"), "MEDIATOR_ASSIGNMENT");
        // a mediator of another committee is not on this organisation's list
        assertValidation(f.act("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator3",
                "mediatorIds", List.of("mediator3", "mediator2"), "selectedBy", "PARTIES")), "mediatorIds");
        // the court designates only in mediation it referred
        assertValidation(f.act("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator3",
                "selectedBy", "COURT")), "selectedBy");
        Api.Response chosen = f.ok("orgadmin", id, "mediators", Map.of("presidingMediatorId", "mediator3",
                "mediatorIds", List.of("mediator3", "mediator1"), "selectedBy", "PARTIES"), "IN_MEDIATION");
        assertThat(chosen.text("selectedBy")).isEqualTo("PARTIES");
        assertThat(chosen.text("presidingMediatorId")).isEqualTo("mediator3");
        assertThat(chosen.body().path("mediatorIds")).extracting(JsonNode::asText).containsExactly("mediator3", "mediator1");
        JsonNode entry = f.lastEntry("mediator3", id, "mediators");
        assertThat(entry.path("details").path("selectedBy").asText()).isEqualTo("PARTIES");
        // the chosen presiding mediator holds the mediation task
        assertThat(task(id, "UserTask_Mediate").getAssignee()).isEqualTo("mediator3");
        assertThat(f.allowed("mediator3", id)).contains("sessions", "agreement");
    }
}
