package org.fengqiao.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import org.fengqiao.client.ApiClient;
import org.fengqiao.client.ApiException;
import org.fengqiao.client.api.FengqiaoApi;
import org.fengqiao.client.model.CustodyApproval;
import org.fengqiao.client.model.CustodyDisposalExecution;
import org.fengqiao.client.model.CustodyDisposalRequest;
import org.fengqiao.client.model.CustodyHandover;
import org.fengqiao.client.model.CustodyInspection;
import org.fengqiao.client.model.CustodyItemView;
import org.fengqiao.client.model.CustodyNewPropertyCase;
import org.fengqiao.client.model.CustodyNewPropertyItem;
import org.fengqiao.client.model.DisputeAcceptance;
import org.fengqiao.client.model.DisputeAgreement;
import org.fengqiao.client.model.DisputeArchive;
import org.fengqiao.client.model.DisputeConsent;
import org.fengqiao.client.model.DisputeDocument;
import org.fengqiao.client.model.DisputeMediators;
import org.fengqiao.client.model.DisputePartyInput;
import org.fengqiao.client.model.DisputePerformance;
import org.fengqiao.client.model.DisputeRegistration;
import org.fengqiao.client.model.DisputeReturnVisit;
import org.fengqiao.client.model.DisputeSession;
import org.fengqiao.client.model.DisputeTriage;
import org.fengqiao.client.model.DisputeView;
import org.fengqiao.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integrator's view: only the client that the build generates from the committed
 * {@code docs/openapi.json} (openapi-generator, {@code native} library, Jackson), HTTP Basic
 * credentials, a real port. The wage-arrears dispute goes from registration to the archive, a
 * seized item from registration through hand-over and storage to its destruction.
 *
 * <p>Shares the context of the webapp tests (same properties): a second context whose engine is also
 * named "default" would take that name in the JVM's engine registry from under the webapps of the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "spring.datasource.url=jdbc:h2:mem:fengqiao-webapp;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class GeneratedClientLifecycleTest {

    @LocalServerPort int port;

    private FengqiaoApi as(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        return new FengqiaoApi(client);
    }

    @Test
    void theWageArrearsDisputeRunsFromRegistrationToArchive() throws Exception {
        ApiException anonymous = catchThrowableOfType(ApiException.class,
                () -> new FengqiaoApi(anonymousClient()).disputeList(null, null, null, null, null, 0, 20));
        assertThat(anonymous.getCode()).isEqualTo(401);

        DisputeView registered = as("clerk").disputeRegister(new DisputeRegistration()
                .title("6名务工人员追讨工资").facts("某建筑公司拖欠6名务工人员工资17万元").claims("支付拖欠工资17万元")
                .category(DisputeRegistration.CategoryEnum.LABOR).channel(DisputeRegistration.ChannelEnum.GRID_REPORT)
                .amountInvolved(new BigDecimal("170000")).centreId("rz")
                .parties(List.of(
                        new DisputePartyInput().role(DisputePartyInput.RoleEnum.APPLICANT)
                                .type(DisputePartyInput.TypeEnum.NATURAL).name("张某"),
                        new DisputePartyInput().role(DisputePartyInput.RoleEnum.RESPONDENT)
                                .type(DisputePartyInput.TypeEnum.LEGAL).name("某建筑公司"))), null);
        String id = registered.getId();
        assertThat(registered.getStatus()).isEqualTo(DisputeView.StatusEnum.TRIAGE);
        assertThat(registered.getAllowedActions()).isEmpty();

        DisputeView v = as("triage").disputeTriage(id, new DisputeTriage().decision(DisputeTriage.DecisionEnum.ACCEPT)
                .mediationType(DisputeTriage.MediationTypeEnum.PEOPLES).level(DisputeTriage.LevelEnum.TOWN)
                .orgId("rz-ls-adw-tw").assignmentMode(DisputeTriage.AssignmentModeEnum.PUSH), null);
        assertThat(v.getStatus()).isEqualTo(DisputeView.StatusEnum.ASSIGNED_PENDING_ACCEPT);
        v = as("orgadmin").disputeAcceptance(id, new DisputeAcceptance().accepted(true), null);
        assertThat(v.getStatus()).isEqualTo(DisputeView.StatusEnum.CONSENT_PENDING);
        v = as("orgadmin").disputeConsent(id, new DisputeConsent().respondentConsent(DisputeConsent.RespondentConsentEnum.AGREED), null);
        assertThat(v.getStatus()).isEqualTo(DisputeView.StatusEnum.MEDIATOR_ASSIGNMENT);
        v = as("orgadmin").disputeMediators(id, new DisputeMediators().presidingMediatorId("mediator1")
                .mediatorIds(List.of("mediator1")).selectedBy(DisputeMediators.SelectedByEnum.ORG), null);
        assertThat(v.getStatus()).isEqualTo(DisputeView.StatusEnum.IN_MEDIATION);
        assertThat(v.getDueAt()).isNotNull();

        OffsetDateTime heldAt = TestClock.offsetNow().minusHours(1).withNano(0);
        v = as("mediator1").disputeSessions(id, new DisputeSession().heldAt(heldAt).place("安东卫街道调解室")
                .minutes("双方确认拖欠工资数额为17万元").rightsNoticeDelivered(true), null);
        assertThat(v.getStatus()).isEqualTo(DisputeView.StatusEnum.IN_MEDIATION);
        // an oral agreement takes effect when recorded (D11): the flow needs no signatures
        v = as("mediator1").disputeAgreement(id, new DisputeAgreement().form(DisputeAgreement.FormEnum.ORAL)
                .terms("公司当场支付拖欠工资17万元").amount(new BigDecimal("170000")), null);
        assertThat(v.getStatus()).isEqualTo(DisputeView.StatusEnum.PERFORMANCE_MONITORING);
        v = as("mediator1").disputePerformance(id, new DisputePerformance().status(DisputePerformance.StatusEnum.DONE)
                .evidence("工资已转账"), null);
        assertThat(v.getStatus()).isEqualTo(DisputeView.StatusEnum.RETURN_VISIT);
        v = as("visitor").disputeReturnVisit(id, new DisputeReturnVisit()
                .satisfaction(DisputeReturnVisit.SatisfactionEnum.SATISFIED)
                .performanceStatus(DisputeReturnVisit.PerformanceStatusEnum.DONE).notes("工资已全部到账"), null);
        assertThat(v.getStatus()).isEqualTo(DisputeView.StatusEnum.CLOSED);

        // a refusal arrives as the documented problem: the client raises it with the status
        ApiException refused = catchThrowableOfType(ApiException.class, () -> as("orgadmin").disputeArchive(id,
                new DisputeArchive().volumeNo("2026-劳-001").retentionYears(10), null));
        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getResponseBody()).contains("/problems/validation-failed");

        for (var missing : as("orgadmin").disputeDocuments(id).getMissingForArchive()) {
            as("orgadmin").disputeAddDocument(id, new DisputeDocument()
                    .type(DisputeDocument.TypeEnum.fromValue(missing.getValue())).title(missing.getValue() + " 材料")
                    .fileName(missing.getValue().toLowerCase() + ".pdf")
                    .contentBase64(Base64.getEncoder().encodeToString(("%PDF-1.4 " + missing).getBytes(StandardCharsets.UTF_8))),
                    null);
        }
        v = as("orgadmin").disputeArchive(id, new DisputeArchive().volumeNo("2026-劳-001").retentionYears(10), null);
        assertThat(v.getStatus()).isEqualTo(DisputeView.StatusEnum.ARCHIVED);
        assertThat(as("orgadmin").disputeHistory(id)).extracting(h -> h.getAction()).contains("register", "archive");
    }

    @Test
    void aSeizedItemRunsFromRegistrationThroughStorageToDestruction() throws Exception {
        String caseId = as("officer1").propertyCaseOpen(new CustodyNewPropertyCase()
                .agencyCaseNo("岚公刑立字〔2026〕1203号").caseName("某建筑公司负责人涉嫌拒不支付劳动报酬案")
                .caseType(CustodyNewPropertyCase.CaseTypeEnum.CRIMINAL).handlingAgencyId("rz-police")
                .officerIds(List.of("officer1", "officer2")), null).getId();
        List<CustodyItemView> items = as("officer1").propertyCaseRegister(caseId, List.of(new CustodyNewPropertyItem()
                .name("管制刀具").category(CustodyNewPropertyItem.CategoryEnum.CONTRABAND).quantity(BigDecimal.ONE)
                .unit("把").measure(CustodyNewPropertyItem.MeasureEnum.SEIZE).valuation(BigDecimal.ZERO)
                .evidenceUse(true).description("现场扣押").source("犯罪嫌疑人某某随身携带（现场扣押）")), null);
        assertThat(items).hasSize(1);
        String itemId = items.get(0).getId();
        assertThat(items.get(0).getStatus()).isEqualTo("PENDING_HANDOVER");
        assertThat(items.get(0).getItemNo()).isNotBlank();

        CustodyItemView item = as("officer1").propertyItemHandover(itemId, new CustodyHandover().centreId("rz-custody"), null);
        assertThat(item.getStatus()).isEqualTo("HANDOVER_INSPECTION");
        item = as("custodian").propertyItemInspection(itemId, new CustodyInspection()
                .result(CustodyInspection.ResultEnum.PASS).zoneId("zone-ordinary").location("A-01-03").condition("完好"), null);
        assertThat(item.getStatus()).isEqualTo("IN_STORAGE");
        item = as("officer1").propertyItemDisposalRequest(itemId, new CustodyDisposalRequest()
                .disposalType(CustodyDisposalRequest.DisposalTypeEnum.DESTROY).legalBasisDocNo("日公（刑）没字〔2026〕9号"), null);
        assertThat(item.getStatus()).isEqualTo("DISPOSAL_REQUESTED");
        item = as("depthead").propertyItemDisposalApproval(itemId, new CustodyApproval().approved(true), null);
        assertThat(item.getStatus()).isEqualTo("DISPOSAL_APPROVED");
        item = as("custodian").propertyItemDisposalExecution(itemId, new CustodyDisposalExecution()
                .executedBy(List.of("custodian", "custodian2")).receiptNo("XH-2026-9"), null);
        assertThat(item.getStatus()).isEqualTo("DISPOSED");

        assertThat(as("officer1").propertyItemLedger(itemId)).extracting(e -> e.getEventType())
                .startsWith("REGISTER").contains("DESTROY");
        assertThat(as("officer1").custodyLedgerVerify().getValid()).isTrue();
    }

    private ApiClient anonymousClient() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        return client;
    }
}
