package org.fengqiao.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

/** The custody section of the contract, driven through the REST facade as the demo users. */
@FengqiaoTest
class CustodyApiTest extends CustodyApiSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustodyProperties properties;

    @Override
    MockMvc mvc() {
        return mvc;
    }

    @Test
    @LegalRule(value = "C1", model = {"processes/custody/property-intake.bpmn#Timer_HandoverOverdue", "org.fengqiao.custody.CustodyProperties#handoverLimit"})
    @LegalRule(value = "C6", model = {"processes/custody/property-loan.bpmn#Timer_LoanOverdue", "org.fengqiao.custody.CustodyManagement#loanOverdue"})
    @LegalRule(value = "C12", model = {"processes/custody/property-loan.bpmn#UserTask_ApproveLoan", "org.fengqiao.custody.CustodyAccess#approval"})
    @LegalRule(value = "C19", model = {"org.fengqiao.custody.CustodyManagement#executeDisposal"})
    @LegalRule(value = "C21", model = {"org.fengqiao.custody.CustodyLedger", "org.fengqiao.custody.CustodyLedger#append"})
    void criminalCaseItemsGoThroughIntakeLoanRecordTransferRemoteDisplayAndTwoPersonDestruction_C1_C6_C12_C19_C21()
            throws Exception {
        String caseId = openPoliceCase();
        List<JsonNode> items = register("officer1", caseId, "GENERAL", "GENERAL", "GENERAL", "CONTRABAND");
        assertThat(items).hasSize(4);
        for (JsonNode item : items) {
            assertThat(item.get("status").asText()).isEqualTo("PENDING_HANDOVER");
            assertThat(item.get("itemNo").asText()).startsWith("SACW-");
            assertThat(item.get("controllingAgencyId").asText()).isEqualTo("rz-police");
            // C1: police hand over within 24 hours (公安 S10 第190条)
            assertThat(properties.handoverLimit("POLICE")).isEqualTo(new TimeLimit(24, DeadlineUnit.HOURS));
            OffsetDateTime due = OffsetDateTime.parse(item.get("handoverDueAt").asText());
            OffsetDateTime created = OffsetDateTime.parse(item.get("createdAt").asText());
            assertThat(java.time.Duration.between(created, due).toHours()).isEqualTo(24);
            assertThat(texts(item.get("allowedActions"))).containsExactly("handover", "handover-deferral");
        }
        assertThat(items.stream().map(i -> i.get("itemNo").asText()).distinct()).hasSize(4);

        // intake: hand-over by the officer, inspection by the custodian
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items) {
            String id = item.get("id").asText();
            ids.add(id);
            JsonNode handedOver = act("officer1", id, "handover", "{\"centreId\":\"rz-custody\"}");
            assertThat(handedOver.get("status").asText()).isEqualTo("HANDOVER_INSPECTION");
            assertThat(texts(handedOver.get("allowedActions"))).isEmpty();
            JsonNode stored = act("custodian", id, "inspection",
                    "{\"result\":\"PASS\",\"zoneId\":\"zone-ordinary\",\"location\":\"A-01-02\",\"condition\":\"完好\"}");
            assertThat(stored.get("status").asText()).isEqualTo("IN_STORAGE");
            assertThat(stored.get("zoneId").asText()).isEqualTo("zone-ordinary");
            assertThat(stored.get("location").asText()).isEqualTo("A-01-02");
        }

        // loan (C6, C12): officer requests, department head approves, custodian takes it back
        String loanItem = ids.get(0);
        String planned = TestClock.offsetNow().plusDays(3).withNano(0).toString();
        JsonNode requested = act("officer1", loanItem, "loan-request",
                "{\"reason\":\"组织辨认\",\"plannedReturnAt\":\"" + planned + "\"}");
        assertThat(requested.get("status").asText()).isEqualTo("LOAN_REQUESTED");
        assertThat(texts(read(getAs("depthead", "/api/property-items/" + loanItem)).get("allowedActions")))
                .containsExactly("loan-approval");
        JsonNode onLoan = act("depthead", loanItem, "loan-approval", "{\"approved\":true}");
        assertThat(onLoan.get("status").asText()).isEqualTo("ON_LOAN");
        assertThat(onLoan.at("/loan/approvedBy").asText()).isEqualTo("depthead");
        JsonNode returned = act("custodian", loanItem, "loan-return", "{\"condition\":\"INTACT\"}");
        assertThat(returned.get("status").asText()).isEqualTo("IN_STORAGE");

        // record-only transfer (单转物不转): the controlling agency changes, the item stays
        JsonNode transferred = act("officer1", ids.get(1), "transfer",
                "{\"toAgencyId\":\"rz-procuratorate\",\"mode\":\"RECORD_ONLY\"}");
        assertThat(transferred.get("status").asText()).isEqualTo("IN_STORAGE");
        assertThat(transferred.get("controllingAgencyId").asText()).isEqualTo("rz-procuratorate");

        // remote display: recorded, the item never leaves its zone
        JsonNode displayed = act("custodian", ids.get(2), "remote-display", """
                {"requestingAgencyId":"rz-court","scheduledAt":"2026-11-20T09:30:00+08:00","recordingHash":"9f86d081884c7d659a2feaa0c55ad015"}""");
        assertThat(displayed.get("status").asText()).isEqualTo("IN_STORAGE");
        assertThat(displayed.get("zoneId").asText()).isEqualTo("zone-ordinary");

        // two-person destruction (C19 two distinct executors, one the caller)
        String destroyed = ids.get(3);
        act("officer1", destroyed, "disposal-request", "{\"disposalType\":\"DESTROY\",\"legalBasisDocNo\":\"日公（刑）没字〔2026〕1号\"}");
        JsonNode approved = act("depthead", destroyed, "disposal-approval", "{\"approved\":true}");
        assertThat(approved.get("status").asText()).isEqualTo("DISPOSAL_APPROVED");
        JsonNode disposed = act("custodian", destroyed, "disposal-execution",
                "{\"executedBy\":[\"custodian\",\"custodian2\"],\"receiptNo\":\"XH-1\"}");
        assertThat(disposed.get("status").asText()).isEqualTo("DISPOSED");
        assertThat(texts(disposed.get("allowedActions"))).isEmpty();

        // C21: every change is one ledger entry of the global chain
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + destroyed + "/ledger").andExpect(status().isOk()));
        List<String> events = new ArrayList<>();
        ledger.forEach(e -> events.add(e.get("eventType").asText()));
        assertThat(events).containsExactly("REGISTER", "HANDOVER_IN", "STORE", "DISPOSAL_REQUEST", "DISPOSAL_APPROVED",
                "DESTROY");
        for (JsonNode e : ledger) {
            assertThat(e.get("hash").asText()).matches("[0-9a-f]{64}");
            assertThat(e.get("itemId").asText()).isEqualTo(destroyed);
        }
        assertThat(ledger.get(ledger.size() - 1).at("/details/executedBy/1").asText()).isEqualTo("custodian2");
        for (String id : ids) {
            JsonNode entries = read(getAs("custodian", "/api/property-items/" + id + "/ledger"));
            assertThat(entries.get(0).get("eventType").asText()).isEqualTo("REGISTER");
            assertThat(entries.get(0).get("toStatus").asText()).isEqualTo("PENDING_HANDOVER");
            JsonNode history = read(getAs("officer1", "/api/property-items/" + id + "/history"));
            assertThat(history.size()).isEqualTo(entries.size());
            assertThat(history.get(0).get("action").asText()).isEqualTo("registration");
        }
        JsonNode loanHistory = read(getAs("officer1", "/api/property-items/" + loanItem + "/history"));
        assertThat(loanHistory.findValuesAsText("action")).containsSubsequence("handover", "inspection",
                "loan-request", "loan-approval", "loan-return");
        getAs("custodian", "/api/custody-ledger/verification").andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.firstInvalidSeq").isEmpty());
    }

    @Test
    @LegalRule(value = "C21", model = {"org.fengqiao.custody.CustodyLedger", "org.fengqiao.custody.CustodyLedger#append"})
    void ledgerHashesChainAsPublished_C21() throws Exception {
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "GENERAL");
        JsonNode entries = read(getAs("officer1", "/api/property-items/" + id + "/ledger"));
        for (JsonNode e : entries) {
            String canonical = JSON.writeValueAsString(java.util.Arrays.asList(e.get("seq").asLong(),
                    OffsetDateTime.parse(e.get("at").asText()).toInstant().toString(), e.get("eventType").asText(),
                    e.get("itemId").asText(), e.get("actor").asText(), text(e.get("fromStatus")),
                    text(e.get("toStatus")), JSON.writeValueAsString(e.get("details"))));
            assertThat(CustodyLedger.hash(e.get("prevHash").asText(), canonical)).isEqualTo(e.get("hash").asText());
        }
        // the whole chain, paged in seq order; prevHash links to the previous entry
        JsonNode page = read(getAs("custodian", "/api/custody-ledger?page=0&size=5"));
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode list = page.get("items");
        assertThat(list.get(0).get("seq").asLong()).isEqualTo(1);
        assertThat(list.get(0).get("prevHash").asText()).isEmpty();
        for (int i = 1; i < list.size(); i++) {
            assertThat(list.get(i).get("prevHash").asText()).isEqualTo(list.get(i - 1).get("hash").asText());
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    @Test
    @LegalRule(value = "C21", model = {"org.fengqiao.custody.CustodyLedger", "org.fengqiao.custody.CustodyLedger#append"})
    void tamperingBehindTheApplicationsBackIsReportedByTheVerification_C21() throws Exception {
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "GENERAL");
        long seq = jdbc.queryForObject("select min(seq) from custody_ledger where item_id = ?", Long.class, id);
        String original = jdbc.queryForObject("select details from custody_ledger where seq = ?", String.class, seq);
        // the application's own database user cannot change an entry
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.update("update custody_ledger set details = '{}' where seq = ?", seq)).rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.update("delete from custody_ledger where seq = ?", seq)).rootCause().hasMessageContaining("append-only");
        // a privileged path (test only): lift the guard, alter the entry, verify, restore
        boolean postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                .toLowerCase().contains("postgres");
        jdbc.execute(postgres ? "alter table custody_ledger disable trigger custody_ledger_no_update"
                : "drop trigger custody_ledger_no_update");
        try {
            jdbc.update("update custody_ledger set details = ? where seq = ?", original.replace("测试物品", "替换物品"), seq);
            getAs("custodian", "/api/custody-ledger/verification").andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstInvalidSeq").value(seq));
        } finally {
            jdbc.update("update custody_ledger set details = ? where seq = ?", original, seq);
            jdbc.execute(postgres ? "alter table custody_ledger enable trigger custody_ledger_no_update"
                    : "create trigger custody_ledger_no_update before update on custody_ledger for each row "
                    + "call 'org.fengqiao.custody.LedgerAppendOnlyTrigger'");
        }
        getAs("officer1", "/api/custody-ledger/verification").andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    @LegalRule(value = "C16", model = {"org.fengqiao.custody.PropertyCategory#notPhysicallyTransferable", "processes/custody/property-transfer.bpmn#UserTask_ReceiveTransfer"})
    void physicalTransferIsSignedByTheReceivingAgency_C16() throws Exception {
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "GENERAL");
        JsonNode inTransfer = act("officer1", id, "transfer", "{\"toAgencyId\":\"rz-procuratorate\",\"mode\":\"PHYSICAL\"}");
        assertThat(inTransfer.get("status").asText()).isEqualTo("IN_TRANSFER");
        assertThat(texts(read(getAs("prosecutor", "/api/property-items/" + id)).get("allowedActions")))
                .containsExactly("transfer-receipt");
        postAs("officer1", "/api/property-items/" + id + "/transfer-receipt", "{}").andExpect(status().isForbidden());
        JsonNode received = act("prosecutor", id, "transfer-receipt", "{\"notes\":\"清单、照片核对无误\"}");
        assertThat(received.get("status").asText()).isEqualTo("IN_STORAGE");
        assertThat(received.get("controllingAgencyId").asText()).isEqualTo("rz-procuratorate");
        // the sending agency still sees the item's record but may no longer act on it
        assertThat(texts(read(getAs("officer1", "/api/property-items/" + id)).get("allowedActions"))).isEmpty();

        // C16: dangerous goods do not travel; their list and photos do (RECORD_ONLY)
        String dangerous = storedPoliceItem(caseId, "DANGEROUS");
        postAs("officer1", "/api/property-items/" + dangerous + "/transfer", "{\"toAgencyId\":\"rz-procuratorate\",\"mode\":\"PHYSICAL\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("mode"));
    }

    @Test
    @LegalRule(value = "C11", model = {"org.fengqiao.custody.CustodyAccess#custodianSide", "org.fengqiao.custody.CustodyManagement#openCase"})
    @LegalRule(value = "C12", model = {"processes/custody/property-loan.bpmn#UserTask_ApproveLoan", "org.fengqiao.custody.CustodyAccess#approval"})
    @LegalRule(value = "C19", model = {"org.fengqiao.custody.CustodyManagement#executeDisposal"})
    void illegalActionsAreRefusedInTheContractsOrder_C11_C12_C19() throws Exception {
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "CONTRABAND");
        // C11: the custodian-side steps are not for case officers
        postAs("officer1", "/api/property-items/" + id + "/loan-return", "{\"condition\":\"INTACT\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/forbidden"));

        // self-approval → 403 (the department head requested the loan himself)
        act("depthead", id, "loan-request", "{\"reason\":\"鉴定\",\"plannedReturnAt\":\""
                + TestClock.offsetNow().plusDays(1).withNano(0) + "\"}");
        assertThat(texts(read(getAs("depthead", "/api/property-items/" + id)).get("allowedActions"))).isEmpty();
        postAs("depthead", "/api/property-items/" + id + "/loan-approval", "{\"approved\":true}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        // C12: an officer is no approver
        postAs("officer2", "/api/property-items/" + id + "/loan-approval", "{\"approved\":true}")
                .andExpect(status().isForbidden());
        // an approval in the wrong state: 409
        postAs("depthead", "/api/property-items/" + id + "/disposal-approval", "{\"approved\":true}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("/problems/illegal-transition"));
        // rejected by a department head who is not the requester is impossible here; reject through the Tasklist test

        String second = storedPoliceItem(caseId, "CONTRABAND");
        act("officer1", second, "disposal-request", "{\"disposalType\":\"DESTROY\",\"legalBasisDocNo\":\"没字2号\"}");
        postAs("officer1", "/api/property-items/" + second + "/disposal-approval", "{\"approved\":true}")
                .andExpect(status().isForbidden());
        act("depthead", second, "disposal-approval", "{\"approved\":true}");
        // one executor for a destruction → 422, and nothing changed
        postAs("custodian", "/api/property-items/" + second + "/disposal-execution", "{\"executedBy\":[\"custodian\"]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("executedBy"));
        postAs("custodian", "/api/property-items/" + second + "/disposal-execution",
                "{\"executedBy\":[\"custodian\",\"custodian\"]}").andExpect(status().isUnprocessableEntity());
        postAs("custodian", "/api/property-items/" + second + "/disposal-execution",
                "{\"executedBy\":[\"custodian2\",\"officer1\"]}").andExpect(status().isUnprocessableEntity());
        getAs("custodian", "/api/property-items/" + second).andExpect(jsonPath("$.status").value("DISPOSAL_APPROVED"));
        act("custodian", second, "disposal-execution", "{\"executedBy\":[\"custodian\",\"custodian2\"],\"receiptNo\":\"XH-2\"}");
        // loan of a disposed item → 409
        postAs("officer1", "/api/property-items/" + second + "/loan-request",
                "{\"reason\":\"再次辨认\",\"plannedReturnAt\":\"" + TestClock.offsetNow().plusDays(1).withNano(0) + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("/problems/illegal-transition"));
    }

    @Test
    @LegalRule(value = "C13", model = {"processes/custody/property-disposal-approval.dmn#Rule_01", "processes/custody/property-disposal-approval.dmn#Rule_03"})
    @LegalRule(value = "C14", model = {"processes/custody/property-disposal-approval.dmn#Rule_07"})
    @LegalRule(value = "C15", model = {"org.fengqiao.custody.DisposalType#handsToPerson", "org.fengqiao.custody.CustodyManagement#executeDisposal"})
    void disposalAuthorityComesFromTheDecisionTable_C13_C14_C15() throws Exception {
        String caseId = openPoliceCase();
        String general = storedPoliceItem(caseId, "GENERAL");
        // C13: early disposal only for perishable / depreciating / expiring property
        postAs("officer1", "/api/property-items/" + general + "/disposal-request",
                "{\"disposalType\":\"EARLY_DISPOSAL_SALE\",\"legalBasisDocNo\":\"先处1号\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("disposalType"));
        getAs("officer1", "/api/property-items/" + general).andExpect(jsonPath("$.status").value("IN_STORAGE"));
        String perishable = stored(caseId, "officer1", "PERISHABLE", "zone-cold");
        JsonNode requested = act("officer1", perishable, "disposal-request",
                "{\"disposalType\":\"EARLY_DISPOSAL_SALE\",\"legalBasisDocNo\":\"先处2号\",\"rightHolderConsent\":"
                        + "{\"name\":\"李某\",\"idNumber\":\"371102198502021234\",\"method\":\"APPLICATION\","
                        + "\"consentedAt\":\"2026-12-01T09:00:00+08:00\"}}");
        assertThat(requested.at("/disposal/approvalLevel").asText()).isEqualTo("县级以上公安机关负责人");
        assertThat(requested.at("/disposal/approverRole").asText()).isEqualTo("agencyhead");
        assertThat(texts(requested.at("/disposal/approverRoles"))).containsExactly("agencyhead");
        // C13: the department head is below the level the law names → 403; the agency's head decides
        postAs("depthead", "/api/property-items/" + perishable + "/disposal-approval", "{\"approved\":true}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        assertThat(texts(read(getAs("agencyhead", "/api/property-items/" + perishable)).get("allowedActions")))
                .containsExactly("disposal-approval");
        act("agencyhead", perishable, "disposal-approval", "{\"approved\":true}");
        // C14: a final disposal follows the judgment, once the proceedings have ended (C17)
        conclude("officer1", caseId);
        JsonNode confiscation = act("officer1", general, "disposal-request",
                "{\"disposalType\":\"RETURN_VICTIM_BY_JUDGMENT\",\"legalBasisDocNo\":\"（2026）鲁1103刑初88号\"}");
        assertThat(confiscation.at("/disposal/approvalLevel").asText()).isEqualTo("依生效裁判或决定执行");
        assertThat(texts(confiscation.at("/disposal/approverRoles"))).containsExactly("depthead", "agencyhead");
        act("depthead", general, "disposal-approval", "{\"approved\":true}");
        // C15: a return needs the recipient's identity
        postAs("custodian", "/api/property-items/" + general + "/disposal-execution", "{\"executedBy\":[\"custodian\"]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("recipient.name",
                        "recipient.idNumber", "recipient.relation")));
        JsonNode done = act("custodian", general, "disposal-execution", """
                {"executedBy":["custodian"],"receiptNo":"FH-1","recipient":{"name":"李某","idNumber":"371102199001011234","relation":"OWNER"}}""");
        assertThat(done.get("status").asText()).isEqualTo("DISPOSED");
    }

    @Test
    @LegalRule(value = "C3", model = {"processes/custody/property-intake.bpmn#Timer_HandoverOverdue", "org.fengqiao.custody.CustodyProperties#handoverLimit"})
    void procuratorateHandsOverWithinThreeDays_C3() throws Exception {
        // S23-2010 第25条: the procuratorate's case team hands seized items over within 3 days
        assertThat(properties.handoverLimit("PROCURATORATE")).isEqualTo(new TimeLimit(3, DeadlineUnit.CALENDAR_DAYS));
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        String caseId = openCase("prosecutor", "rz-procuratorate", List.of("prosecutor", "officer1"));
        JsonNode item = register("prosecutor", caseId, "DOCUMENT").get(0);
        // Friday 4 December + 3 days (the start day not counted) = Monday 7 December, end of the day
        assertThat(OffsetDateTime.parse(item.get("handoverDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-07T23:59:59+08:00"));
    }

    @Test
    @LegalRule(value = "C2", model = {"processes/custody/property-intake.bpmn#Gateway_HeldByCentre", "org.fengqiao.custody.PropertyCategory#notHeld"})
    void frozenAssetsAreRegisteredNotHeld_C2() throws Exception {
        String caseId = openPoliceCase();
        JsonNode item = register("officer1", caseId, "FROZEN_ASSET").get(0);
        assertThat(item.get("status").asText()).isEqualTo("REGISTERED_NOT_HELD");
        assertThat(item.get("handoverDueAt").isNull()).isTrue();
    }

    @Test
    void restrictedZoneItemsAreVisibleOnlyToTheirAgencyAndCustodians() throws Exception {
        String caseId = openCase("ccdi", "rz-ccdi", List.of("ccdi", "ccdi2"));
        String id = register("ccdi", caseId, "VALUABLE").get(0).get("id").asText();
        getAs("officer1", "/api/property-items/" + id).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        act("ccdi", id, "handover", "{\"centreId\":\"rz-custody\"}");
        act("custodian", id, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ccdi\",\"location\":\"Z-02\"}");
        getAs("officer1", "/api/property-items/" + id).andExpect(status().isNotFound());
        getAs("officer1", "/api/property-items/" + id + "/ledger").andExpect(status().isNotFound());
        postAs("officer1", "/api/property-items/" + id + "/loan-request", "{\"reason\":\"x\",\"plannedReturnAt\":\"2030-01-01T00:00:00+08:00\"}")
                .andExpect(status().isNotFound());
        getAs("ccdi", "/api/property-items/" + id).andExpect(status().isOk()).andExpect(jsonPath("$.zoneId").value("zone-ccdi"));
        getAs("custodian", "/api/property-items/" + id).andExpect(status().isOk());
        JsonNode officerList = read(getAs("officer1", "/api/property-items?size=200"));
        assertThat(officerList.get("items").findValuesAsText("zoneId")).doesNotContain("zone-ccdi");
        JsonNode ccdiList = read(getAs("ccdi", "/api/property-items?caseId=" + caseId));
        assertThat(ccdiList.get("total").asLong()).isEqualTo(1);
        // whatever lies in the 专区 is hidden from everybody but its owner agency and the custodians
        String police = register("officer1", openPoliceCase(), "GENERAL").get(0).get("id").asText();
        act("officer1", police, "handover", "{\"centreId\":\"rz-custody\"}");
        getAs("officer1", "/api/property-items/" + police).andExpect(status().isOk());
        act("custodian", police, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ccdi\",\"location\":\"Z-01\"}");
        getAs("officer1", "/api/property-items/" + police).andExpect(status().isNotFound());
        getAs("officer1", "/api/property-items/" + police + "/history").andExpect(status().isNotFound());
        getAs("ccdi", "/api/property-items/" + police).andExpect(status().isOk());
        JsonNode zones = read(getAs("officer1", "/api/zones"));
        assertThat(zones.findValuesAsText("type")).contains("ORDINARY", "VALUABLES", "HAZARDOUS", "VEHICLE", "COLD",
                "ANTI_MAGNETIC", "RESTRICTED");
        assertThat(zones.findValuesAsText("ownerAgencyId")).contains("rz-ccdi");
    }

    @Test
    void listsArePagedAndFiltered() throws Exception {
        String caseId = openPoliceCase();
        register("officer1", caseId, "GENERAL", "GENERAL", "DOCUMENT");
        getAs("officer2", "/api/property-items?caseId=" + caseId + "&status=PENDING_HANDOVER&page=0&size=2")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.page").value(0)).andExpect(jsonPath("$.items.length()").value(2));
        getAs("officer1", "/api/property-items?status=NO_SUCH_STATUS").andExpect(status().isBadRequest());
        // an agency that has nothing to do with the case sees nothing of it
        getAs("mediator1", "/api/property-items?caseId=" + caseId).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        mvc.perform(get("/api/property-items")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/custody-ledger/verification")).andExpect(status().isUnauthorized());
        String caseId = openPoliceCase();
        postAs("officer1", "/api/property-cases/" + caseId + "/items", "[{\"name\":")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("/problems/malformed-request"));
        postAs("officer1", "/api/property-cases/" + caseId + "/items",
                "[{\"name\":\"刀\",\"category\":\"SWORD\",\"quantity\":1,\"unit\":\"把\",\"measure\":\"SEIZE\"}]")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("/problems/malformed-request"));
        postAs("officer1", "/api/property-cases/" + caseId + "/items",
                "[{\"name\":\"\",\"category\":\"GENERAL\",\"quantity\":-1,\"unit\":\"把\",\"measure\":\"SEIZE\",\"valuation\":-5}]")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("[0].name", "[0].quantity", "[0].valuation")));
        postAs("officer1", "/api/property-cases/" + caseId + "/items", "[]").andExpect(status().isUnprocessableEntity());
        // C11: a case needs two officers, and custodians are not case officers
        postAs("officer1", "/api/property-cases", """
                {"agencyCaseNo":"X1","caseName":"某案","caseType":"CRIMINAL","handlingAgencyId":"rz-police","officerIds":["officer1","custodian"]}""")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("officerIds"));
        postAs("officer1", "/api/property-cases", """
                {"agencyCaseNo":"X1","caseName":"某案","caseType":"CRIMINAL","handlingAgencyId":"rz-police","officerIds":["officer1"]}""")
                .andExpect(status().isUnprocessableEntity());
        postAs("officer1", "/api/property-cases", """
                {"agencyCaseNo":"X1","caseName":"某案","caseType":"MURDER","handlingAgencyId":"rz-police","officerIds":["officer1","officer2"]}""")
                .andExpect(status().isBadRequest());
        postAs("custodian", "/api/property-cases", """
                {"agencyCaseNo":"X1","caseName":"某案","caseType":"CRIMINAL","handlingAgencyId":"rz-police","officerIds":["officer1","officer2"]}""")
                .andExpect(status().isForbidden());
        String id = register("officer1", caseId, "GENERAL").get(0).get("id").asText();
        postAs("officer1", "/api/property-items/" + id + "/handover", "{\"centreId\":\"rz-police\"}")
                .andExpect(status().isUnprocessableEntity());
        act("officer1", id, "handover", "{\"centreId\":\"rz-custody\"}");
        postAs("custodian", "/api/property-items/" + id + "/inspection", "{\"result\":\"MAYBE\"}")
                .andExpect(status().isBadRequest());
        postAs("custodian", "/api/property-items/" + id + "/inspection", "{\"result\":\"PASS\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("zoneId", "location")));
        act("custodian", id, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ordinary\",\"location\":\"A-02-02\"}");
        postAs("officer1", "/api/property-items/" + id + "/loan-request",
                "{\"reason\":\"辨认\",\"plannedReturnAt\":\"2020-01-01T00:00:00+08:00\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("plannedReturnAt"));
        postAs("officer1", "/api/property-items/" + id + "/loan-request",
                "{\"reason\":\"辨认\",\"plannedReturnAt\":\"soon\"}").andExpect(status().isBadRequest());
        postAs("officer1", "/api/property-items/" + id + "/loan-request", "{\"reason\":\"" + "长".repeat(10_001)
                + "\",\"plannedReturnAt\":\"" + TestClock.offsetNow().plusDays(1).withNano(0) + "\"}")
                .andExpect(status().isUnprocessableEntity());
        // any Unicode is text, limits count characters (code points): 10,000 emoji fit, are stored unchanged
        String emoji = "😀".repeat(10_000);
        String quoted = "王'; DROP TABLE property_item; --\\\"𠀀";
        JsonNode unicode = register("officer1", caseId, "GENERAL").get(0);
        String unicodeId = unicode.get("id").asText();
        act("officer1", unicodeId, "handover", "{\"centreId\":\"rz-custody\"}");
        JsonNode stored = act("custodian", unicodeId, "inspection", JSON.writeValueAsString(java.util.Map.of(
                "result", "PASS", "zoneId", "zone-ordinary", "location", quoted, "condition", emoji)));
        assertThat(stored.get("condition").asText()).isEqualTo(emoji);
        assertThat(stored.get("location").asText()).isEqualTo(quoted);
        getAs("officer1", "/api/property-items/no-such-item").andExpect(status().isNotFound());
        getAs("officer1", "/api/property-items/" + id).andExpect(jsonPath("$.status").value("IN_STORAGE"));
    }

    @Autowired
    CustodyFigures figures;

    @Test
    void aRepeatedRegistrationWithTheSameIdempotencyKeyCreatesNothingNew() throws Exception {
        String caseId = openPoliceCase();
        String body = "[{\"name\":\"手机\",\"category\":\"ELECTRONIC_DATA\",\"quantity\":1,\"unit\":\"部\",\"measure\":\"SEIZE\",\"source\":\"嫌疑人随身\"}]";
        String first = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/property-cases/" + caseId + "/items")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("officer1", "demo"))
                        .header("Idempotency-Key", "reg-" + caseId).contentType("application/json").content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/property-cases/" + caseId + "/items")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("officer1", "demo"))
                        .header("Idempotency-Key", "reg-" + caseId).contentType("application/json").content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        getAs("officer1", "/api/property-items?caseId=" + caseId).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void figuresForTheCustodyReportCountStatusesOverduesAndEntries() throws Exception {
        OffsetDateTime from = TestClock.offsetNow().minusMinutes(1);
        String caseId = openPoliceCase();
        register("officer1", caseId, "GENERAL", "FROZEN_ASSET");
        CustodyFigures.Figures now = figures.figures(from, null, TestClock.offsetNow());
        assertThat(now.byStatus().get(ItemStatus.PENDING_HANDOVER)).isGreaterThanOrEqualTo(1);
        assertThat(now.byStatus().get(ItemStatus.REGISTERED_NOT_HELD)).isGreaterThanOrEqualTo(1);
        assertThat(now.ledgerEntries()).isGreaterThanOrEqualTo(2);
        assertThat(figures.figures(from, null, TestClock.offsetNow().plusDays(2)).overdueHandovers())
                .isGreaterThan(now.overdueHandovers());
    }

    @Test
    void seededDemoCaseHasItemsInSeveralStates() throws Exception {
        JsonNode list = read(getAs("custodian", "/api/property-items?size=200"));
        List<String> statuses = list.get("items").findValuesAsText("status");
        assertThat(statuses).contains("IN_STORAGE", "ON_LOAN", "DISPOSED", "HANDOVER_INSPECTION", "PENDING_HANDOVER",
                "REGISTERED_NOT_HELD");
    }
}
