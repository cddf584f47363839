package org.fengqiao.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.supervision.SupervisionRecords;
import org.fengqiao.support.FengqiaoTest;
import org.fengqiao.support.LegalRule;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14, custody side: the legal preconditions of the contract (C13/C14 who decides, C15 the
 * recipient, C17 the stage, C19 sealing, C21 the source) and the rules of legal-rules.md added with
 * them (C1 clock from the seizure, C2 property left in place), each through the REST facade and
 * the real engine.
 */
@FengqiaoTest
class CustodyLegalRulesTest extends CustodyApiSupport {

    static final String DMN = "processes/custody/property-disposal-approval.dmn";

    @Autowired MockMvc mvc;
    @Autowired CustodyProperties properties;
    @Autowired TaskService tasks;
    @Autowired SupervisionRecords supervision;
    @Autowired CustodyManagement custody;
    @Autowired PropertyItems items;

    @Override
    MockMvc mvc() {
        return mvc;
    }

    private List<String> approvalGroups(String itemId) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(items.itemNoOf(itemId).orElseThrow())
                .taskDefinitionKey("UserTask_ApproveDisposal").singleResult();
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId())
                .filter(java.util.Objects::nonNull).toList();
    }

    private JsonNode registerOne(String user, String caseId, String json) throws Exception {
        return read(postAs(user, "/api/property-cases/" + caseId + "/items", "[" + json + "]")
                .andExpect(status().isCreated())).get(0);
    }

    @Test
    @LegalRule(value = "C13", model = {DMN + "#Rule_06", DMN + "#Rule_03", "org.fengqiao.custody.CustodyAccess#approval",
            "processes/custody/property-disposal.bpmn#UserTask_ApproveDisposal"})
    void aPretrialReturnIsDecidedByTheAgencysHeadNotTheDepartmentHead_C13() throws Exception {
        String caseId = openPoliceCase();
        String id = storedPoliceItem(caseId, "GENERAL");
        JsonNode requested = act("officer1", id, "disposal-request",
                "{\"disposalType\":\"RETURN_VICTIM_PRETRIAL\",\"legalBasisDocNo\":\"发还清单1号\"}");
        assertThat(requested.at("/disposal/approverRole").asText()).isEqualTo("agencyhead");
        assertThat(requested.at("/disposal/approvalLevel").asText()).isEqualTo("县级以上公安机关负责人");
        // the Tasklist offers the task to the agency's heads only
        assertThat(approvalGroups(id)).containsExactly("rz-police-agencyhead");
        assertThat(texts(read(getAs("depthead", "/api/property-items/" + id)).get("allowedActions"))).isEmpty();
        postAs("depthead", "/api/property-items/" + id + "/disposal-approval", "{\"approved\":true}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value("/problems/forbidden"));
        getAs("officer1", "/api/property-items/" + id).andExpect(jsonPath("$.status").value("DISPOSAL_REQUESTED"));
        JsonNode approved = act("agencyhead", id, "disposal-approval", "{\"approved\":true}");
        assertThat(approved.get("status").asText()).isEqualTo("DISPOSAL_APPROVED");
        assertThat(approved.at("/disposal/approvedBy").asText()).isEqualTo("agencyhead");

        // an ordinary disposal: the department head or the agency's head
        String contraband = storedPoliceItem(caseId, "CONTRABAND");
        act("officer1", contraband, "disposal-request", "{\"disposalType\":\"DESTROY\",\"legalBasisDocNo\":\"没字5号\"}");
        assertThat(approvalGroups(contraband)).containsExactlyInAnyOrder("rz-police-xz-depthead", "rz-police-agencyhead");
        assertThat(act("agencyhead", contraband, "disposal-approval", "{\"approved\":true}").get("status").asText())
                .isEqualTo("DISPOSAL_APPROVED");
    }

    @Test
    @LegalRule(value = "C13", model = {"org.fengqiao.custody.CustodyManagement#requestDisposal",
            "org.fengqiao.custody.ConsentMethod", "processes/custody/property-disposal.bpmn#ServiceTask_RecordDisposalRequest"})
    void anEarlyDisposalNeedsTheRightHoldersConsent_C13() throws Exception {
        String caseId = openPoliceCase();
        String id = registerOne("officer1", caseId, """
                {"name":"冷藏海参","category":"PERISHABLE","quantity":20,"unit":"千克","measure":"SEIZE","valuation":30000,
                 "source":"犯罪嫌疑人租用的冷库","owner":{"name":"王某","idNumber":"371102198001011234"}}""").get("id").asText();
        act("officer1", id, "handover", "{\"centreId\":\"rz-custody\"}");
        act("custodian", id, "inspection",
                "{\"result\":\"PASS\",\"zoneId\":\"zone-cold\",\"location\":\"C-01-01\",\"condition\":\"完好\"}");
        String path = "/api/property-items/" + id + "/disposal-request";
        // no consent, no early disposal: 422 naming the field
        postAs("officer1", path, "{\"disposalType\":\"EARLY_DISPOSAL_SALE\",\"legalBasisDocNo\":\"先处3号\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("rightHolderConsent"));
        // the consent is the owner's on record, and it says when it was given
        postAs("officer1", path, """
                {"disposalType":"EARLY_DISPOSAL_SALE","legalBasisDocNo":"先处3号","rightHolderConsent":{"name":"张某",
                 "idNumber":"371102199901019999","method":"WRITTEN_CONSENT","consentedAt":"2026-12-01T09:00:00+08:00"}}""")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("rightHolderConsent.idNumber"));
        postAs("officer1", path, """
                {"disposalType":"EARLY_DISPOSAL_SALE","legalBasisDocNo":"先处3号","rightHolderConsent":{"name":"王某",
                 "idNumber":"371102198001011234","method":"WRITTEN_CONSENT"}}""")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("rightHolderConsent.consentedAt"));
        getAs("officer1", "/api/property-items/" + id).andExpect(jsonPath("$.status").value("IN_STORAGE"));
        JsonNode requested = act("officer1", id, "disposal-request", """
                {"disposalType":"EARLY_DISPOSAL_SALE","legalBasisDocNo":"先处3号","rightHolderConsent":{"name":"王某",
                 "idNumber":"371102198001011234","method":"WRITTEN_CONSENT","documentNo":"同意先行处置书〔2026〕1号",
                 "consentedAt":"2026-12-01T09:00:00+08:00"}}""");
        assertThat(requested.get("status").asText()).isEqualTo("DISPOSAL_REQUESTED");
        assertThat(requested.at("/disposal/rightHolderConsent/name").asText()).isEqualTo("王某");
        assertThat(requested.at("/disposal/rightHolderConsent/method").asText()).isEqualTo("WRITTEN_CONSENT");
        assertThat(requested.at("/disposal/rightHolderConsent/documentNo").asText()).isEqualTo("同意先行处置书〔2026〕1号");
        // the approval level stays the agency head's (C13)
        assertThat(approvalGroups(id)).containsExactly("rz-police-agencyhead");
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + id + "/ledger"));
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.get("eventType").asText()).isEqualTo("DISPOSAL_REQUEST");
        assertThat(last.at("/details/rightHolderConsent/idNumber").asText()).isEqualTo("371102198001011234");
        assertThat(last.at("/details/rightHolderConsent/method").asText()).isEqualTo("WRITTEN_CONSENT");
        // an administrative case's early disposal (公安 S10 第191条) needs the head's approval only
        String administrative = read(postAs("officer1", "/api/property-cases", """
                {"agencyCaseNo":"日公（治）立字〔2026〕12号","caseName":"某无证经营案","caseType":"ADMINISTRATIVE",
                 "handlingAgencyId":"rz-police","officerIds":["officer1","officer2"]}""").andExpect(status().isCreated()))
                .get("id").asText();
        String fruit = stored(administrative, "officer1", "PERISHABLE", "zone-cold");
        assertThat(act("officer1", fruit, "disposal-request",
                "{\"disposalType\":\"EARLY_DISPOSAL_SALE\",\"legalBasisDocNo\":\"日公（治）先处字〔2026〕1号\"}")
                .get("status").asText()).isEqualTo("DISPOSAL_REQUESTED");
    }

    @Test
    @LegalRule(value = "C14", model = {DMN + "#Rule_10", "org.fengqiao.custody.CustodyManagement#disposalAuthority"})
    void everyDisposalOfAProcuratoratesCaseIsDecidedByTheChiefProcurator_C14() throws Exception {
        String caseId = openCase("prosecutor", "rz-procuratorate", List.of("prosecutor", "officer1"));
        String id = stored(caseId, "prosecutor", "CONTRABAND", "zone-ordinary");
        JsonNode requested = act("prosecutor", id, "disposal-request",
                "{\"disposalType\":\"DESTROY\",\"legalBasisDocNo\":\"日检没字〔2026〕1号\"}");
        assertThat(requested.at("/disposal/approverRole").asText()).isEqualTo("chiefprocurator");
        assertThat(requested.at("/disposal/approvalLevel").asText()).isEqualTo("检察长");
        assertThat(approvalGroups(id)).containsExactly("rz-procuratorate-chiefprocurator");
        // the police's heads do not see the procuratorate's item; the procuratorate's officer is no approver
        postAs("depthead", "/api/property-items/" + id + "/disposal-approval", "{\"approved\":true}")
                .andExpect(status().isNotFound());
        postAs("prosecutor", "/api/property-items/" + id + "/disposal-approval", "{\"approved\":true}")
                .andExpect(status().isForbidden());
        assertThat(act("chiefprocurator", id, "disposal-approval", "{\"approved\":true}").get("status").asText())
                .isEqualTo("DISPOSAL_APPROVED");
        JsonNode me = read(getAs("chiefprocurator", "/api/me"));
        assertThat(texts(me.get("groups"))).contains("chiefprocurator");
        assertThat(read(getAs("agencyhead", "/api/me")).at("/organisations/0/id").asText()).isEqualTo("rz-police");
    }

    @Test
    @LegalRule(value = "C17", model = {"org.fengqiao.custody.DisposalType#awaitsEndOfProceedings",
            "org.fengqiao.custody.ProceedingsStage", "org.fengqiao.custody.CustodyManagement#changeStage"})
    void finalDisposalsWaitForTheEndOfTheProceedings_C17() throws Exception {
        String caseId = openPoliceCase();
        assertThat(read(getAs("officer1", "/api/property-cases/" + caseId)).get("stage").asText())
                .isEqualTo("INVESTIGATION");
        String id = storedPoliceItem(caseId, "GENERAL");
        for (String type : List.of("CONFISCATE_TO_TREASURY", "AUCTION_SELL_THEN_TREASURY", "RETURN_VICTIM_BY_JUDGMENT",
                "RETURN_DEFENDANT_LAWFUL", "UNCLAIMED_TO_TREASURY")) {
            postAs("officer1", "/api/property-items/" + id + "/disposal-request",
                    "{\"disposalType\":\"" + type + "\",\"legalBasisDocNo\":\"判1号\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("/problems/proceedings-pending"));
        }
        // 409 comes before the content (422): no legal basis, still 409
        postAs("officer1", "/api/property-items/" + id + "/disposal-request", "{\"disposalType\":\"CONFISCATE_TO_TREASURY\"}")
                .andExpect(status().isConflict());
        getAs("officer1", "/api/property-items/" + id).andExpect(jsonPath("$.status").value("IN_STORAGE"));
        // destruction of contraband and release of unrelated property come earlier
        String contraband = storedPoliceItem(caseId, "CONTRABAND");
        assertThat(act("officer1", contraband, "disposal-request", "{\"disposalType\":\"DESTROY\",\"legalBasisDocNo\":\"没1号\"}")
                .get("status").asText()).isEqualTo("DISPOSAL_REQUESTED");
        // the stage moves on with a document; a missing one is 422
        postAs("officer1", "/api/property-cases/" + caseId + "/stage", "{\"stage\":\"PROSECUTION\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("documentNo"));
        postAs("officer1", "/api/property-cases/" + caseId + "/stage", "{\"stage\":\"OVER\",\"documentNo\":\"x\"}")
                .andExpect(status().isBadRequest());
        postAs("custodian", "/api/property-cases/" + caseId + "/stage", "{\"stage\":\"TRIAL\",\"documentNo\":\"x\"}")
                .andExpect(status().isForbidden());
        JsonNode prosecution = read(postAs("officer1", "/api/property-cases/" + caseId + "/stage",
                "{\"stage\":\"PROSECUTION\",\"documentNo\":\"日公诉移〔2026〕3号\"}").andExpect(status().isOk()));
        assertThat(prosecution.get("stage").asText()).isEqualTo("PROSECUTION");
        postAs("officer1", "/api/property-items/" + id + "/disposal-request",
                "{\"disposalType\":\"CONFISCATE_TO_TREASURY\",\"legalBasisDocNo\":\"判1号\"}").andExpect(status().isConflict());
        JsonNode concluded = conclude("officer1", caseId);
        assertThat(concluded.get("stage").asText()).isEqualTo("CONCLUDED");
        assertThat(concluded.get("stageDocumentNo").asText()).isEqualTo("（2026）鲁1103刑初1号判决书");
        postAs("officer1", "/api/property-cases/" + caseId + "/stage", "{\"stage\":\"TRIAL\",\"documentNo\":\"x\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("/problems/illegal-transition"));
        assertThat(act("officer1", id, "disposal-request",
                "{\"disposalType\":\"CONFISCATE_TO_TREASURY\",\"legalBasisDocNo\":\"（2026）鲁1103刑初1号\"}")
                .get("status").asText()).isEqualTo("DISPOSAL_REQUESTED");
        // each stage change is an entry of the item's ledger, the status unchanged
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + id + "/ledger"));
        List<String> events = ledger.findValuesAsText("eventType");
        assertThat(events.stream().filter("STAGE_CHANGED"::equals).count()).isEqualTo(2);
        getAs("custodian", "/api/custody-ledger/verification").andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    @LegalRule(value = "C19", model = {"org.fengqiao.custody.CustodyManagement#checkSealing",
            "org.fengqiao.custody.NewPropertyItem"})
    void valuablesAndCashAreSealedByTwoOfficersAndPhotographedAtRegistration_C19() throws Exception {
        String caseId = openPoliceCase();
        String base = "\"name\":\"金条\",\"category\":\"%s\",\"quantity\":1,\"unit\":\"根\",\"measure\":\"SEIZE\",\"source\":\"嫌疑人住处\"";
        postAs("officer1", "/api/property-cases/" + caseId + "/items", "[{" + base.formatted("VALUABLE") + "}]")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("[0].sealedBy", "[0].photoHashes")));
        postAs("officer1", "/api/property-cases/" + caseId + "/items", "[{" + base.formatted("CASH")
                + ",\"sealedBy\":[\"officer1\",\"officer1\"],\"photoHashes\":[\"" + PHOTO + "\"]}]")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("[0].sealedBy"));
        postAs("officer1", "/api/property-cases/" + caseId + "/items", "[{" + base.formatted("VALUABLE")
                + ",\"sealedBy\":[\"officer1\",\"custodian\"],\"photoHashes\":[\"" + PHOTO + "\"]}]")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("[0].sealedBy"));
        postAs("officer1", "/api/property-cases/" + caseId + "/items", "[{" + base.formatted("VALUABLE")
                + ",\"sealedBy\":[\"officer1\",\"officer2\"],\"photoHashes\":[\"not-a-hash\"]}]")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("[0].photoHashes"));
        assertThat(read(getAs("officer1", "/api/property-items?caseId=" + caseId)).get("total").asLong()).isZero();
        JsonNode item = registerOne("officer1", caseId, "{" + base.formatted("VALUABLE")
                + ",\"sealedBy\":[\"officer1\",\"officer2\"],\"photoHashes\":[\"" + PHOTO.toUpperCase() + "\"]}");
        assertThat(texts(item.get("sealedBy"))).containsExactly("officer1", "officer2");
        assertThat(texts(item.get("photoHashes"))).containsExactly(PHOTO);
        JsonNode register = read(getAs("officer1", "/api/property-items/" + item.get("id").asText() + "/ledger")).get(0);
        assertThat(texts(register.at("/details/sealedBy"))).containsExactly("officer1", "officer2");
        assertThat(texts(register.at("/details/photoHashes"))).containsExactly(PHOTO);
        // other categories need neither
        assertThat(registerOne("officer1", caseId, "{" + base.formatted("GENERAL") + "}").get("status").asText())
                .isEqualTo("PENDING_HANDOVER");
    }

    @Test
    @LegalRule(value = "C21", model = {"org.fengqiao.custody.CustodyManagement#registerItems",
            "org.fengqiao.custody.PropertyItem#source"})
    void everyItemCarriesItsSource_C21() throws Exception {
        String caseId = openPoliceCase();
        postAs("officer1", "/api/property-cases/" + caseId + "/items",
                "[{\"name\":\"手机\",\"category\":\"GENERAL\",\"quantity\":1,\"unit\":\"部\",\"measure\":\"SEIZE\"}]")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("[0].source"));
        postAs("officer1", "/api/property-cases/" + caseId + "/items",
                "[{\"name\":\"手机\",\"category\":\"GENERAL\",\"quantity\":1,\"unit\":\"部\",\"measure\":\"SEIZE\",\"source\":\""
                        + "长".repeat(10_001) + "\"}]")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("[0].source"));
        JsonNode item = registerOne("officer1", caseId,
                "{\"name\":\"手机\",\"category\":\"GENERAL\",\"quantity\":1,\"unit\":\"部\",\"measure\":\"SEIZE\",\"source\":\"张某（身份证 3711…）处扣押\"}");
        assertThat(item.get("source").asText()).isEqualTo("张某（身份证 3711…）处扣押");
        JsonNode register = read(getAs("officer1", "/api/property-items/" + item.get("id").asText() + "/ledger")).get(0);
        assertThat(register.at("/details/source").asText()).isEqualTo("张某（身份证 3711…）处扣押");
    }

    @Test
    @LegalRule(value = "C1", model = {"org.fengqiao.custody.NewPropertyItem", "org.fengqiao.custody.PropertyItem#seizedAt",
            "processes/custody/property-intake.bpmn#Timer_HandoverOverdue"})
    void theHandoverClockRunsFromTheSeizure_C1() throws Exception {
        assertThat(properties.handoverLimit("POLICE")).isEqualTo(new TimeLimit(24, DeadlineUnit.HOURS));
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        String caseId = openPoliceCase();
        JsonNode item = registerOne("officer1", caseId, "{\"name\":\"手机\",\"category\":\"GENERAL\",\"quantity\":1,"
                + "\"unit\":\"部\",\"measure\":\"SEIZE\",\"source\":\"现场\",\"seizedAt\":\"2026-12-04T06:30:00+08:00\"}");
        // seized at 06:30 → to be handed over by 06:30 the next day, whenever it was registered
        assertThat(OffsetDateTime.parse(item.get("handoverDueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-05T06:30:00+08:00"));
        assertThat(OffsetDateTime.parse(item.get("seizedAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-04T06:30:00+08:00"));
        postAs("officer1", "/api/property-cases/" + caseId + "/items", "[{\"name\":\"手机\",\"category\":\"GENERAL\","
                + "\"quantity\":1,\"unit\":\"部\",\"measure\":\"SEIZE\",\"source\":\"现场\",\"seizedAt\":\"2026-12-05T06:30:00+08:00\"}]")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("[0].seizedAt"));
    }

    @Test
    @LegalRule(value = "C2", model = {"org.fengqiao.custody.Measure#leavesPropertyInPlace",
            "processes/custody/property-intake.bpmn#Gateway_HeldByCentre", "org.fengqiao.custody.CustodyProperties#registrationLimit"})
    void propertySealedUpInPlaceIsRegisteredWithin24HoursAndNeverForcedIntoTheCentre_C2() throws Exception {
        assertThat(properties.registrationLimit()).isEqualTo(new TimeLimit(24, DeadlineUnit.HOURS));
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        String caseId = openPoliceCase();
        String movable = "{\"name\":\"库存货物\",\"category\":\"BULK\",\"quantity\":300,\"unit\":\"箱\",\"measure\":\"%s\","
                + "\"source\":\"某公司仓库\",\"seizedAt\":\"%s\"}";
        for (String measure : List.of("SEAL_UP", "PRE_REGISTER_PRESERVE")) {
            JsonNode item = registerOne("officer1", caseId, movable.formatted(measure, "2026-12-04T08:00:00+08:00"));
            assertThat(item.get("status").asText()).isEqualTo("REGISTERED_NOT_HELD");
            assertThat(item.get("handoverDueAt").isNull()).isTrue();
            assertThat(OffsetDateTime.parse(item.get("registrationDueAt").asText()))
                    .isEqualTo(OffsetDateTime.parse("2026-12-05T08:00:00+08:00"));
            assertThat(texts(item.get("allowedActions"))).containsExactly("transfer", "disposal-request");
            assertThat(custody.alerts(item.get("id").asText())).isEmpty();
        }
        // registered 26 hours after the seizure: late — an alert and a 督办
        JsonNode late = registerOne("officer1", caseId, movable.formatted("SEAL_UP", "2026-12-03T08:00:00+08:00"));
        String lateId = late.get("id").asText();
        assertThat(custody.alerts(lateId)).extracting(CustodyAlert::kind).containsExactly("REGISTRATION_LATE");
        assertThat(supervision.forTarget(CustodyManagement.TARGET_TYPE, lateId)).hasSize(1);
    }

    @Test
    @LegalRule(value = "C2", model = {"org.fengqiao.custody.PropertyItem#restingStatus",
            "org.fengqiao.custody.CustodyAccess#stateAllows"})
    @LegalRule(value = "C16", model = {"org.fengqiao.custody.CustodyManagement#transfer",
            "processes/custody/property-transfer.bpmn#Gateway_TransferMode"})
    void registeredNotHeldPropertyIsTransferredOnRecordReleasedAndDisposed_C2_C16() throws Exception {
        String caseId = openPoliceCase();
        String seal = "{\"name\":\"库存货物\",\"category\":\"GENERAL\",\"quantity\":3,\"unit\":\"箱\",\"measure\":\"SEAL_UP\",\"source\":\"仓库\"}";
        String transferred = registerOne("officer1", caseId, seal).get("id").asText();
        postAs("officer1", "/api/property-items/" + transferred + "/transfer", "{\"toAgencyId\":\"rz-procuratorate\",\"mode\":\"PHYSICAL\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("mode"));
        JsonNode onRecord = act("officer1", transferred, "transfer", "{\"toAgencyId\":\"rz-procuratorate\",\"mode\":\"RECORD_ONLY\"}");
        assertThat(onRecord.get("status").asText()).isEqualTo("REGISTERED_NOT_HELD");
        assertThat(onRecord.get("controllingAgencyId").asText()).isEqualTo("rz-procuratorate");
        postAs("officer1", "/api/property-items/" + transferred + "/loan-request",
                "{\"reason\":\"辨认\",\"plannedReturnAt\":\"2030-01-01T00:00:00+08:00\"}").andExpect(status().isForbidden());

        String released = registerOne("officer1", caseId, seal).get("id").asText();
        // a rejected release leaves it registered, not in storage
        act("officer1", released, "disposal-request", "{\"disposalType\":\"RELEASE_UNRELATED\",\"legalBasisDocNo\":\"解封1号\"}");
        assertThat(act("depthead", released, "disposal-approval", "{\"approved\":false,\"reason\":\"尚需核实\"}")
                .get("status").asText()).isEqualTo("REGISTERED_NOT_HELD");
        act("officer1", released, "disposal-request", "{\"disposalType\":\"RELEASE_UNRELATED\",\"legalBasisDocNo\":\"解封2号\"}");
        act("depthead", released, "disposal-approval", "{\"approved\":true}");
        JsonNode done = act("custodian", released, "disposal-execution", "{\"executedBy\":[\"custodian\"],\"receiptNo\":\"JF-1\"}");
        assertThat(done.get("status").asText()).isEqualTo("DISPOSED");
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + released + "/ledger"));
        assertThat(ledger.findValuesAsText("eventType")).containsExactly("REGISTER", "DISPOSAL_REQUEST",
                "DISPOSAL_REJECTED", "DISPOSAL_REQUEST", "DISPOSAL_APPROVED", "DISPOSE");
    }

    @Test
    @LegalRule(value = "C15", model = {"org.fengqiao.custody.CustodyManagement#checkRecipient",
            "processes/custody/property-disposal.bpmn#UserTask_ExecuteDisposal"})
    void aReturnGoesOnlyToTheOwnerOnRecordOrAnAgentNeverToAnOfficer_C15() throws Exception {
        String caseId = openPoliceCase();
        String item = "{\"name\":\"电动车\",\"category\":\"GENERAL\",\"quantity\":1,\"unit\":\"辆\",\"measure\":\"SEIZE\","
                + "\"source\":\"嫌疑人处\",\"owner\":{\"name\":\"李某\",\"idNumber\":\"371102199001011234\"}}";
        postAs("officer1", "/api/property-cases/" + caseId + "/items",
                "[{\"name\":\"x\",\"category\":\"GENERAL\",\"quantity\":1,\"unit\":\"辆\",\"measure\":\"SEIZE\",\"source\":\"s\",\"owner\":{\"name\":\"李某\"}}]")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("[0].owner.idNumber"));
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            String id = registerOne("officer1", caseId, item).get("id").asText();
            act("officer1", id, "handover", "{\"centreId\":\"rz-custody\"}");
            act("custodian", id, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-ordinary\",\"location\":\"A-01-01\"}");
            act("officer1", id, "disposal-request", "{\"disposalType\":\"RETURN_VICTIM_PRETRIAL\",\"legalBasisDocNo\":\"发还1号\"}");
            act("agencyhead", id, "disposal-approval", "{\"approved\":true}");
            ids.add(id);
        }
        String path = "/api/property-items/" + ids.get(0) + "/disposal-execution";
        // somebody else with the owner's name
        postAs("custodian", path, "{\"executedBy\":[\"custodian\"],\"recipient\":{\"name\":\"李某\",\"idNumber\":\"371102199001019999\",\"relation\":\"OWNER\"}}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("recipient.idNumber"));
        // a case officer never collects, not even as an agent
        postAs("custodian", path, "{\"executedBy\":[\"custodian\"],\"recipient\":{\"name\":\"高明\",\"idNumber\":\"371102198001010000\",\"relation\":\"AGENT\",\"authorisationDocNo\":\"委托1号\"}}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("recipient.name"));
        // an agent needs the written authorisation
        postAs("custodian", path, "{\"executedBy\":[\"custodian\"],\"recipient\":{\"name\":\"王某\",\"idNumber\":\"371102198001010000\",\"relation\":\"AGENT\"}}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("recipient.authorisationDocNo"));
        postAs("custodian", path, "{\"executedBy\":[\"custodian\"],\"recipient\":{\"name\":\"王某\",\"idNumber\":\"1\",\"relation\":\"FRIEND\"}}")
                .andExpect(status().isBadRequest());
        getAs("custodian", "/api/property-items/" + ids.get(0)).andExpect(jsonPath("$.status").value("DISPOSAL_APPROVED"));
        JsonNode owner = act("custodian", ids.get(0), "disposal-execution",
                "{\"executedBy\":[\"custodian\"],\"receiptNo\":\"FH-9\",\"recipient\":{\"name\":\"李某\",\"idNumber\":\"371102199001011234\",\"relation\":\"OWNER\"}}");
        assertThat(owner.get("status").asText()).isEqualTo("DISPOSED");
        JsonNode agent = act("custodian", ids.get(1), "disposal-execution",
                "{\"executedBy\":[\"custodian\"],\"recipient\":{\"name\":\"王某\",\"idNumber\":\"371102198001010000\",\"relation\":\"AGENT\",\"authorisationDocNo\":\"（2026）授委字第3号\"}}");
        assertThat(agent.get("status").asText()).isEqualTo("DISPOSED");
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + ids.get(1) + "/ledger"));
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.at("/details/recipient/relation").asText()).isEqualTo("AGENT");
        assertThat(last.at("/details/recipient/authorisationDocNo").asText()).isEqualTo("（2026）授委字第3号");
    }

    @Test
    @LegalRule(value = "C8", model = {"org.fengqiao.custody.CustodyProperties#disposalLimit",
            "processes/custody/property-disposal.bpmn#Timer_ExecutionOverdue"})
    void frozenAssetsRemittedComeBackWithTheVoucherWithin15Days_C8() throws Exception {
        assertThat(properties.disposalLimit(DisposalType.CONFISCATE_TO_TREASURY, PropertyCategory.FROZEN_ASSET))
                .isEqualTo(new TimeLimit(15, DeadlineUnit.CALENDAR_DAYS));
        TestClock.runFrom(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        String caseId = openPoliceCase();
        String id = registerOne("officer1", caseId, "{\"name\":\"涉案账户存款\",\"category\":\"FROZEN_ASSET\",\"quantity\":1,"
                + "\"unit\":\"户\",\"measure\":\"FREEZE\",\"valuation\":50000,\"source\":\"日照银行账户\"}").get("id").asText();
        conclude("officer1", caseId);
        JsonNode requested = act("officer1", id, "disposal-request",
                "{\"disposalType\":\"CONFISCATE_TO_TREASURY\",\"legalBasisDocNo\":\"（2026）鲁1103刑初7号\"}");
        // 4 December + 15 days = Saturday 19 December → Monday 21 December
        assertThat(OffsetDateTime.parse(requested.at("/disposal/dueAt").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-12-21T23:59:59+08:00"));
        act("depthead", id, "disposal-approval", "{\"approved\":true}");
        postAs("custodian", "/api/property-items/" + id + "/disposal-execution", "{\"executedBy\":[\"custodian\"]}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("receiptNo"));
        assertThat(act("custodian", id, "disposal-execution", "{\"executedBy\":[\"custodian\"],\"receiptNo\":\"国库-2026-88\"}")
                .get("status").asText()).isEqualTo("DISPOSED");
    }

    @Test
    @LegalRule(value = "C16", model = {"org.fengqiao.custody.PropertyItem#evidenceList",
            "processes/custody/property-transfer.bpmn#ServiceTask_RecordTransfer"})
    void theListAndThePhotosMoveWithTheCase_C16() throws Exception {
        String caseId = openPoliceCase();
        String id = stored(caseId, "officer1", "VALUABLE", "zone-valuables");
        act("officer1", id, "transfer", "{\"toAgencyId\":\"rz-procuratorate\",\"mode\":\"RECORD_ONLY\"}");
        JsonNode ledger = read(getAs("custodian", "/api/property-items/" + id + "/ledger"));
        JsonNode last = ledger.get(ledger.size() - 1);
        assertThat(last.get("eventType").asText()).isEqualTo("OWNERSHIP_TRANSFER_ONLY");
        assertThat(last.at("/details/evidenceList/photoHashes/0").asText()).isEqualTo(PHOTO);
        assertThat(last.at("/details/evidenceList/itemNo").asText()).startsWith("SACW-");
        assertThat(last.at("/details/evidenceList/location").asText()).isEqualTo("A-01-01");
    }

    @Test
    @LegalRule(value = "C18", model = {"org.fengqiao.custody.CustodyManagement#inspect",
            "org.fengqiao.custody.CustodyProperties#cashAccount", "processes/custody/property-intake.bpmn#UserTask_InspectHandover"})
    void cashIsPaidIntoTheDesignatedAccountNotStored_C18() throws Exception {
        String caseId = openPoliceCase();
        String cash = "{\"name\":\"现金\",\"category\":\"CASH\",\"quantity\":1,\"unit\":\"捆\",\"measure\":\"SEIZE\","
                + "\"valuation\":20000,\"evidenceUse\":%s,\"source\":\"嫌疑人住处\",\"sealedBy\":[\"officer1\",\"officer2\"],"
                + "\"photoHashes\":[\"" + PHOTO + "\"]}";
        String id = registerOne("officer1", caseId, cash.formatted("false")).get("id").asText();
        act("officer1", id, "handover", "{\"centreId\":\"rz-custody\"}");
        postAs("custodian", "/api/property-items/" + id + "/inspection",
                "{\"result\":\"PASS\",\"zoneId\":\"zone-valuables\",\"location\":\"V-01\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("depositSlipNo", "zoneId")));
        JsonNode deposited = act("custodian", id, "inspection", "{\"result\":\"PASS\",\"depositSlipNo\":\"JK-2026-001\"}");
        assertThat(deposited.get("status").asText()).isEqualTo("IN_STORAGE");
        assertThat(deposited.get("zoneId").isNull()).isTrue();
        assertThat(deposited.get("location").asText()).contains(properties.cashAccount()).contains("JK-2026-001");
        JsonNode ledger = read(getAs("officer1", "/api/property-items/" + id + "/ledger"));
        assertThat(ledger.get(ledger.size() - 1).at("/details/depositedTo").asText()).isEqualTo(properties.cashAccount());
        // cash kept as evidence (its notes prove the facts) is stored sealed in the valuables' vault
        String evidence = registerOne("officer1", caseId, cash.formatted("true")).get("id").asText();
        act("officer1", evidence, "handover", "{\"centreId\":\"rz-custody\"}");
        assertThat(act("custodian", evidence, "inspection", "{\"result\":\"PASS\",\"zoneId\":\"zone-valuables\",\"location\":\"V-02\"}")
                .get("zoneId").asText()).isEqualTo("zone-valuables");
    }
}
