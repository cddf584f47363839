package org.fengqiao.custody.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.fengqiao.custody.CustodyManagement;
import org.fengqiao.custody.ItemStatus;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.shared.process.StepForms;
import org.springframework.stereotype.Component;

/**
 * Start listener of the item requests ({@link CustodyProcesses#REQUESTS}: 调用、移送、远程示证、处置申请、退库返还,
 * the hand-over and measure exceptions, 调用延期) started from the Tasklist's 启动流程. The instance becomes the
 * request of the item the start form picked — exactly what {@code POST /api/property-items/{id}/<action>} starts:
 * <ul>
 *   <li>only the start form's fields are accepted (422 naming each other field);</li>
 *   <li>the picked item passes the API's checks for the caller ({@link CustodyManagement#checked}: visible, the
 *       caller's role and agency, the item's status); a refusal names the form's 财物 field in Chinese, since an
 *       item the caller may not act on is no choice of the picker;</li>
 *   <li>the business key is the item's 财物编号, whatever the starter sent, and {@code itemId} the process-owned
 *       copy of its id;</li>
 *   <li>the request's service step then reads the submitted fields with the same domain call as the API (its
 *       checks, its field errors, recorded for the engine's REST door) and removes them: only the process's own
 *       variables stay. A refusal rolls the whole start back — no instance, no ledger entry.</li>
 * </ul>
 * An instance started by {@link CustodyProcessGateway#start} (the REST door, which has checked already) is left alone.
 */
@Component("custodyRequestStart")
class CustodyRequestStart implements ExecutionListener {

    private final CustodyManagement management;
    private final ProcessSteps steps;
    private final StepForms forms;
    private final org.fengqiao.custody.PropertyItems items;

    CustodyRequestStart(CustodyManagement management, ProcessSteps steps, StepForms forms,
                        org.fengqiao.custody.PropertyItems items) {
        this.items = items;
        this.management = management;
        this.steps = steps;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (CustodyProcessGateway.STARTING.get() != null) {
            return;
        }
        ProcessSteps.recordingRefusals(() -> start(execution));
    }

    private void start(DelegateExecution execution) {
        String processKey = execution.getProcessDefinitionId().split(":")[0];
        CustodyProcesses.Request request = CustodyProcesses.REQUESTS.get(processKey);
        if (request == null) {
            throw new IllegalStateException("no item request starts " + processKey);
        }
        Map<String, Object> submitted = new HashMap<>(execution.getVariables());
        forms.refuseUndeclared(request.formId(), submitted.keySet(),
                "申请表没有该字段，不能提交 (not a field of this request's form)");
        Caller caller = steps.caller();
        if (caller == null) {
            throw new ForbiddenException("未登录的用户不能提出申请 (an anonymous request is refused)");
        }
        Object picked = submitted.get(CustodyProcesses.ITEM_ID);
        String itemId = picked == null || picked.toString().isBlank() ? null : picked.toString().trim();
        if (itemId == null) {
            throw ValidationException.of(CustodyProcesses.ITEM_ID, "请选择财物 (required)");
        }
        try {
            management.checked(caller, itemId, request.action());
        } catch (NotFoundException e) {
            throw ValidationException.of(CustodyProcesses.ITEM_ID,
                    "财物不存在或不在本人可办理的范围内 (unknown item)");
        } catch (ForbiddenException e) {
            throw ValidationException.of(CustodyProcesses.ITEM_ID, e.getMessage());
        } catch (IllegalTransitionException e) {
            ItemStatus status = management.visibleItem(caller, itemId).status();
            throw ValidationException.of(CustodyProcesses.ITEM_ID, "该财物当前状态为“" + status.label()
                    + "”，不能办理此项申请 (not allowed in status " + status + ")");
        }
        execution.setProcessBusinessKey(CustodyProcesses.businessKeyOf(items.find(itemId).orElseThrow()));
        execution.setVariable(CustodyProcesses.ITEM_ID, itemId);
    }
}
