package org.fengqiao.custody.process;

import static org.fengqiao.custody.process.CustodyProcesses.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.fengqiao.custody.CustodyAccess;
import org.fengqiao.custody.CustodyManagement;
import org.fengqiao.custody.InspectionResult;
import org.fengqiao.custody.PropertyItem;
import org.fengqiao.custody.ReturnCondition;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.shared.process.StepForms;
import org.springframework.stereotype.Component;

/**
 * {@code complete} listener of every custody user task: reads what the form (or the REST body)
 * submitted, lets {@link CustodyManagement} check and perform the step — a refusal aborts the
 * completion — and leaves only routing variables behind.
 */
@Component("custodyTaskCompletion")
class CustodyTaskCompletion implements TaskListener {

    private static final List<String> FORM_FIELDS = List.of("centreId", "result", "zoneId", "location", "condition",
            "approved", "reason", "notes", "executedBy", "receiptNo", "recipientName", "recipientIdNumber",
            "recipientRelation", "recipientAuthorisationDocNo", "depositSlipNo",
            "foundItemNos", "otherItemNos", "deliveredAt", "documentNo");

    private final CustodyManagement management;
    private final CustodyAccess access;
    private final StepForms forms;
    private final CustodyCards cards;
    private final org.fengqiao.calendar.WorkingCalendar calendar;
    private final org.fengqiao.custody.PropertyItems items;
    private final CustodyProcessGateway gateway;

    CustodyTaskCompletion(CustodyManagement management, CustodyAccess access, StepForms forms, CustodyCards cards,
                          org.fengqiao.calendar.WorkingCalendar calendar, org.fengqiao.custody.PropertyItems items,
                          @org.springframework.context.annotation.Lazy CustodyProcessGateway gateway) {
        this.gateway = gateway;
        this.items = items;
        this.calendar = calendar;
        this.cards = cards;
        this.forms = forms;
        this.management = management;
        this.access = access;
    }

    @Override
    public void notify(DelegateTask task) {
        ProcessSteps.recordingRefusals(() -> {
            forms.refuseUndeclared(task, PROCESS_OWNED, java.util.Set.of());
            handle(task);
        });
    }

    private void handle(DelegateTask task) {
        // the Tasklist submits local date-times (to the minute); the API ISO-8601 with offset
        CustodyVariables v = new CustodyVariables(task, calendar.zone());
        DelegateExecution execution = task.getExecution();
        Caller caller = actor(task);
        // the item (or inventory, or case) is the process instance's business key (the item's 财物编号), never a
        // variable a user can rewrite
        String itemId = itemIdOfBusinessKey(execution.getProcessBusinessKey(), items);
        switch (task.getTaskDefinitionKey()) {
            case TASK_HAND_OVER -> management.handOver(caller, itemId, v.string("centreId"));
            case TASK_INSPECT_HANDOVER -> {
                InspectionResult result = v.enumValue("result", InspectionResult.class);
                management.inspect(caller, itemId, result, v.string("zoneId"), v.string("location"), v.string("condition"),
                        v.string("depositSlipNo"));
                execution.setVariable(INSPECTION_PASSED, result == InspectionResult.PASS);
            }
            case TASK_APPROVE_LOAN -> {
                PropertyItem item = management.decideLoan(caller, itemId, v.bool("approved"), v.string("reason"));
                execution.setVariable(LOAN_APPROVED, item.status() == org.fengqiao.custody.ItemStatus.ON_LOAN);
            }
            case TASK_INSPECT_RETURN -> {
                ReturnCondition condition = v.enumValue("condition", ReturnCondition.class);
                management.returnLoan(caller, itemId, condition, v.string("notes"));
                execution.setVariable(RETURN_INTACT, condition == ReturnCondition.INTACT);
                execution.setVariable(RETURN_CONDITION, condition.name());
                execution.setVariable(RETURN_INSPECTED_BY, caller.userId());
            }
            case TASK_RECEIVE_TRANSFER -> management.receiveTransfer(caller, itemId, v.string("notes"));
            case TASK_APPROVE_DISPOSAL -> {
                PropertyItem item = management.decideDisposal(caller, itemId, v.bool("approved"), v.string("reason"));
                execution.setVariable(DISPOSAL_APPROVED,
                        item.status() == org.fengqiao.custody.ItemStatus.DISPOSAL_APPROVED);
            }
            case TASK_EXECUTE_DISPOSAL -> management.executeDisposal(caller, itemId, v.list("executedBy"),
                    v.string("receiptNo"), new CustodyManagement.Recipient(v.string("recipientName"),
                            v.string("recipientIdNumber"), v.string("recipientRelation"),
                            v.string("recipientAuthorisationDocNo")));
            // C7: the business key is the case; the court's judgment arrived
            case TASK_RECORD_JUDGMENT_DELIVERY -> management.recordJudgmentDelivery(caller, itemId,
                    v.dateTime("deliveredAt"), v.string("documentNo"));
            case TASK_COUNT_ITEMS -> {
                List<String> found = v.list("foundItemNos");
                List<String> other = v.list("otherItemNos");
                if (other != null && !other.isEmpty()) {
                    // the Tasklist ticks the expected items and lists what it found besides them
                    found = new java.util.ArrayList<>(found == null ? List.of() : found);
                    found.addAll(other);
                }
                int discrepancies = management.countInventory(caller, itemId, found);
                execution.setVariable(DISCREPANCIES, discrepancies);
            }
            default -> throw new IllegalStateException("no custody step for task " + task.getTaskDefinitionKey());
        }
        FORM_FIELDS.forEach(name -> {
            task.removeVariable(name);
            execution.removeVariable(name);
        });
        if (!TASK_COUNT_ITEMS.equals(task.getTaskDefinitionKey())) {
            // the next task's card shows the item as this step left it
            cards.apply(execution, itemId);
            // and so do the item's other open tasks (this one's card goes with it)
            gateway.refreshCards(itemId, task.getId());
        }
    }

    private Caller actor(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            throw new ForbiddenException("未登录的用户不能办理 (an anonymous completion is refused)");
        }
        return access.callerOf(auth.getUserId(), auth.getGroupIds());
    }
}
