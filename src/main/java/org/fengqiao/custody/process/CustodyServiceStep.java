package org.fengqiao.custody.process;

import static org.fengqiao.custody.process.CustodyProcesses.*;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.fengqiao.custody.CustodyAccess;
import org.fengqiao.custody.CustodyManagement;
import org.fengqiao.custody.DisposalType;
import org.fengqiao.custody.PropertyItem;
import org.fengqiao.custody.ReturnCondition;
import org.fengqiao.custody.TransferMode;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.process.ProcessSteps;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the custody models: the first step of a process started by a request
 * (loan, transfer, remote display, disposal) and the automatic steps after timers and gateways.
 */
@Component("custodyServiceStep")
class CustodyServiceStep implements JavaDelegate {

    private static final List<String> REQUEST_FIELDS = List.of("reason", "plannedReturnAt", "toAgencyId", "mode", "requestingAgencyId",
            "scheduledAt", "recordingHash", "disposalType", "legalBasisDocNo", "noticePublishedOn", "receiptNo",
            "recipientName", "recipientIdNumber", "recipientRelation", "recipientAuthorisationDocNo", "exception", "clockFrom", "consentName", "consentIdNumber", "consentMethod",
            "consentDocumentNo", "consentedAt", "disposedAt", "documentNo", "description", "kind", "startedAt", "endedAt",
            "appraiser");

    private final CustodyManagement management;
    private final CustodyAccess access;
    private final CustodyProcessGateway gateway;
    private final CustodyCards cards;
    private final org.fengqiao.calendar.WorkingCalendar calendar;
    private final org.fengqiao.custody.PropertyItems items;

    CustodyServiceStep(CustodyManagement management, CustodyAccess access,
                       @org.springframework.context.annotation.Lazy CustodyProcessGateway gateway, CustodyCards cards,
                       org.fengqiao.calendar.WorkingCalendar calendar, org.fengqiao.custody.PropertyItems items) {
        this.items = items;
        this.calendar = calendar;
        this.cards = cards;
        this.management = management;
        this.access = access;
        this.gateway = gateway;
    }

    /**
     * A refusal is recorded ({@link ProcessSteps#recordingRefusals}) so that a request started from the Tasklist's
     * 启动流程 through the engine's REST door answers with the domain's problem (422 naming the form's field in
     * Chinese, 403, 409), as the API does.
     */
    @Override
    public void execute(DelegateExecution execution) {
        ProcessSteps.recordingRefusals(() -> step(execution));
    }

    private void step(DelegateExecution execution) {
        CustodyVariables v = new CustodyVariables(execution, calendar.zone());
        // the item (or inventory) is the process instance's business key (the item's 财物编号), never a variable a
        // user can rewrite
        String itemId = itemIdOfBusinessKey(execution.getProcessBusinessKey(), items);
        switch (execution.getCurrentActivityId()) {
            case STEP_RECORD_LOAN_REQUEST -> {
                PropertyItem item = management.requestLoan(actor(execution), itemId, v.string("reason"),
                        v.dateTime(PLANNED_RETURN_AT));
                execution.setVariable(APPROVER_GROUP, item.loanApproverGroup());
                execution.setVariable(LOAN_DUE_AT, CustodyVariables.date(item.plannedReturnAt()));
            }
            case STEP_ESCALATE_OVERDUE_LOAN -> management.loanOverdue(itemId);
            case STEP_REPORT_RETURN_EXCEPTION -> management.reportReturnException(itemId,
                    ReturnCondition.valueOf(v.string(RETURN_CONDITION)), v.string(RETURN_INSPECTED_BY));
            case STEP_RAISE_HANDOVER_ALERT -> management.handoverOverdue(itemId);
            case STEP_RECORD_TRANSFER -> {
                TransferMode mode = v.enumValue("mode", TransferMode.class);
                PropertyItem item = management.transfer(actor(execution), itemId, v.string("toAgencyId"), mode);
                execution.setVariable(PHYSICAL, mode == TransferMode.PHYSICAL);
                if (mode == TransferMode.PHYSICAL) {
                    String to = item.transferToAgencyId();
                    execution.setVariable(RECEIVING_GROUPS, List.of(Role.values()).stream()
                            .filter(r -> r != Role.ADMIN).map(r -> r.groupFor(to)).collect(Collectors.joining(",")));
                }
            }
            case STEP_RECORD_REMOTE_DISPLAY -> management.remoteDisplay(actor(execution), itemId,
                    v.string("requestingAgencyId"), v.dateTime("scheduledAt"), v.string("recordingHash"));
            case STEP_RECORD_DISPOSAL_REQUEST -> {
                PropertyItem item = management.requestDisposal(actor(execution), itemId,
                        v.enumValue("disposalType", DisposalType.class), v.string("legalBasisDocNo"),
                        v.date("noticePublishedOn"), new CustodyManagement.Consent(v.string("consentName"),
                                v.string("consentIdNumber"),
                                v.enumValue("consentMethod", org.fengqiao.custody.ConsentMethod.class),
                                v.string("consentDocumentNo"), v.dateTime("consentedAt")));
                execution.setVariable(APPROVER_GROUP, item.disposalApproverGroup());
                execution.setVariable(DISPOSAL_DUE_AT, CustodyVariables.date(item.disposalDueAt()));
            }
            case STEP_RAISE_DISPOSAL_OVERDUE -> management.disposalOverdue(itemId);
            case STEP_RECORD_HANDOVER_DEFERRAL -> {
                PropertyItem item = management.deferHandover(actor(execution), itemId,
                        v.enumValue("exception", org.fengqiao.custody.HandoverException.class), v.dateTime("clockFrom"),
                        v.string("reason"));
                gateway.moveDeadline(INTAKE, itemId, HANDOVER_DUE_AT, item.handoverDueAt(), TIMER_HANDOVER_OVERDUE);
            }
            case STEP_RECORD_LOAN_EXTENSION -> {
                PropertyItem item = management.extendLoan(actor(execution), itemId, v.dateTime(PLANNED_RETURN_AT),
                        v.string("reason"));
                gateway.moveDeadline(LOAN, itemId, LOAN_DUE_AT, item.plannedReturnAt(), TIMER_LOAN_OVERDUE);
            }
            case STEP_RAISE_MEASURE_OVERDUE -> management.measureOverdue(itemId);
            case STEP_RECORD_HANDOVER_DISPOSAL -> {
                management.disposeBeforeHandover(actor(execution), itemId,
                        v.enumValue("disposalType", DisposalType.class), v.dateTime("disposedAt"),
                        v.string("documentNo"), v.string("description"));
                // C1: nothing is handed over: the item's hand-over step ends
                gateway.correlate(INTAKE, itemId, MESSAGE_DISPOSED_BEFORE_HANDOVER);
            }
            case STEP_RECORD_MEASURE_APPRAISAL -> {
                PropertyItem item = management.recordMeasureAppraisal(actor(execution), itemId,
                        v.enumValue("kind", org.fengqiao.custody.AppraisalKind.class), v.dateTime("startedAt"),
                        v.dateTime("endedAt"), v.string("appraiser"), v.string("reason"));
                followMeasurePeriod(execution, item);
            }
            case STEP_RAISE_JUDGMENT_DELIVERY_OVERDUE -> management.judgmentDeliveryOverdue(itemId);
            case STEP_RECORD_MEASURE_EXTENSION -> {
                PropertyItem item = management.extendMeasure(actor(execution), itemId, v.string("reason"));
                followMeasurePeriod(execution, item);
            }
            case STEP_RECORD_REFUND -> management.refund(actor(execution), itemId, v.string("legalBasisDocNo"),
                    v.string("receiptNo"), new CustodyManagement.Recipient(v.string("recipientName"),
                            v.string("recipientIdNumber"), v.string("recipientRelation"),
                            v.string("recipientAuthorisationDocNo")));
            case STEP_RECORD_DISCREPANCIES -> management.recordDiscrepancies(itemId);
            default -> throw new IllegalStateException("no custody step for " + execution.getCurrentActivityId());
        }
        REQUEST_FIELDS.forEach(execution::removeVariable);
        if (!STEP_RECORD_DISCREPANCIES.equals(execution.getCurrentActivityId())) {
            // the next task's card shows the item as this step left it
            cards.apply(execution, itemId);
            // and so do the item's tasks left open, in this instance (a non-interrupting timer) and its others
            gateway.refreshCards(itemId, null);
        }
    }

    /**
     * C5: the period's timer follows the measure's new end; when the period had already ended (its
     * timer fired) and the new end lies ahead, the period runs again in a new instance.
     */
    private void followMeasurePeriod(DelegateExecution execution, PropertyItem item) {
        int moved = gateway.moveDeadline(MEASURE_PERIOD, item.id(), MEASURE_DUE_AT, item.measureDueAt(),
                TIMER_MEASURE_PERIOD_ENDS);
        if (moved == 0 && item.measureDueAt().isAfter(management.now())) {
            gateway.start(MEASURE_PERIOD, item.id(), java.util.Map.of(ITEM_ID, item.id(),
                    MEASURE_DUE_AT, CustodyVariables.date(item.measureDueAt())), actor(execution));
        }
    }

    private Caller actor(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new ForbiddenException("未登录的用户不能发起 (an anonymous request is refused)");
        }
        return access.callerOf(auth.getUserId(), auth.getGroupIds());
    }
}
