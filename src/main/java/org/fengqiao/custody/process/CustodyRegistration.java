package org.fengqiao.custody.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.custody.Measure;
import org.fengqiao.custody.NewPropertyItem;
import org.fengqiao.custody.PropertyCases;
import org.fengqiao.custody.PropertyCategory;
import org.fengqiao.custody.PropertyItem;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.shared.process.ProcessSteps;
import org.fengqiao.shared.process.StepForms;
import org.fengqiao.shared.process.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code property-intake}: an instance started from the Tasklist's 启动流程 (the
 * start form {@code property-registration}, 财物登记) registers its item through
 * {@link CustodyWorkflow#registerStarted} — the checks of {@code POST /api/property-cases/{id}/items}
 * (C19 sealing and photos, C21 source, held or not held) — and becomes that item's intake: the
 * business key is the new item's 财物编号, whatever the starter sent. An instance started by
 * {@link CustodyProcessGateway#start} for items registered through the API is left alone.
 */
@Component("custodyRegistration")
class CustodyRegistration implements ExecutionListener {

    private final CustodyWorkflow workflow;
    private final PropertyCases cases;
    private final ProcessSteps steps;
    private final WorkingCalendar calendar;
    private final StepForms forms;

    CustodyRegistration(CustodyWorkflow workflow, PropertyCases cases, ProcessSteps steps, WorkingCalendar calendar,
                        StepForms forms) {
        this.workflow = workflow;
        this.cases = cases;
        this.steps = steps;
        this.calendar = calendar;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (CustodyProcessGateway.STARTING.get() != null) {
            return;
        }
        ProcessSteps.recordingRefusals(() -> register(execution));
    }

    private void register(DelegateExecution execution) {
        Map<String, Object> submitted = execution.getVariables();
        forms.refuseUndeclared(CustodyProcesses.REGISTRATION_FORM, submitted.keySet(),
                "登记表没有该字段，不能提交 (not a field of the registration form)");
        Caller caller = steps.caller();
        if (caller == null) {
            throw new ForbiddenException("未登录的用户不能登记财物 (an anonymous registration is refused)");
        }
        StepVariables v = new StepVariables(submitted, calendar.zone());
        String ownerName = v.string("ownerName");
        String ownerIdNumber = v.string("ownerIdNumber");
        NewPropertyItem command = new NewPropertyItem(v.string("name"), v.enumOf("category", PropertyCategory.class),
                v.decimal("quantity"), v.string("unit"), v.enumOf("measure", Measure.class), v.decimal("valuation"),
                v.bool("evidenceUse"), v.string("description"), v.string("source"), v.dateTime("seizedAt"),
                ownerName == null && ownerIdNumber == null ? null : new NewPropertyItem.Owner(ownerName, ownerIdNumber),
                v.strings("sealedBy"), v.strings("photoHashes"));
        String caseId = v.string("caseId");
        if (caseId == null) {
            throw ValidationException.of("caseId", "必填 (required)");
        }
        PropertyItem item;
        try {
            item = workflow.registerStarted(caller, caseId, command);
        } catch (NotFoundException e) {
            // a case the caller may not see is no choice of the form's picker
            throw ValidationException.of("caseId", "案件不存在或不属于本机关 (unknown case)");
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream().map(CustodyRegistration::toFormField).toList());
        }
        execution.setProcessBusinessKey(CustodyProcesses.businessKeyOf(item));
        ProcessSteps.keepOnly(execution, java.util.Set.of());
        execution.setVariables(workflow.intakeVariables(item, cases.find(item.caseId()).orElseThrow()));
    }

    /** The registration's errors on {@code [0].owner.name} etc. name the start form's fields instead. */
    private static ValidationException.FieldError toFormField(ValidationException.FieldError e) {
        String field = e.field().replaceFirst("^\\[0\\]\\.", "");
        field = switch (field) {
            case "owner.name" -> "ownerName";
            case "owner.idNumber" -> "ownerIdNumber";
            case "items" -> "name";
            default -> field;
        };
        return new ValidationException.FieldError(field, e.message());
    }

}
