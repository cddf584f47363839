package org.fengqiao.appeal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fengqiao.appeal.Appeal;
import org.fengqiao.appeal.AppealManagement;
import org.fengqiao.appeal.AppealStatus;
import org.fengqiao.appeal.AppealType;
import org.fengqiao.appeal.process.AppealProcess;
import org.fengqiao.appeal.process.AppealProcessGateway;
import org.fengqiao.organisation.Organisation;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.process.StepForms;
import org.fengqiao.shared.process.TasklistSteps;
import org.springframework.stereotype.Component;

/**
 * The appeal's steps for the Tasklist's embedded form: the step's Camunda Form, the appeal in
 * {@code /api/appeals/{id}}, and pickers instead of organisation codes — the departments the
 * triage officer may make lead or assisting (with the level choosing one implies) — and the
 * 诉求登记 start form with the centre the report will go to.
 */
@Component
class AppealTasklistSteps implements TasklistSteps {

    static final String REPORT_FORM = "appeal-report-form";

    private final AppealProcessGateway process;
    private final AppealManagement appeals;
    private final StepForms forms;

    AppealTasklistSteps(AppealProcessGateway process, AppealManagement appeals, StepForms forms) {
        this.process = process;
        this.appeals = appeals;
        this.forms = forms;
    }

    @Override
    public Optional<Step> task(String taskId, Caller caller) {
        Optional<AppealProcessGateway.TaskRef> ref = process.visibleTask(taskId, caller,
                key -> AppealProcess.appealIdOfBusinessKey(key, appeals));
        if (ref.isEmpty() || ref.get().formId() == null) {
            return Optional.empty();
        }
        Optional<String> ticketNo = appeals.visibleTicketNo(ref.get().appealId(), caller);
        if (ticketNo.isEmpty()) {
            return Optional.empty();
        }
        Appeal a = appeals.get(ref.get().appealId());
        var fields = forms.fieldsOf(ref.get().formId());
        Map<String, List<Option>> options = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (fields.contains("leadDepartmentId")) {
            List<Option> departments = appeals.departmentsFor(caller).stream().map(AppealTasklistSteps::department).toList();
            options.put("leadDepartmentId", departments);
            options.put("assistingDepartmentIds", departments);
            defaults.put("action", a.type() == AppealType.DISPUTE ? "to-dispute" : "triage");
            if (a.leadDepartmentId() != null) {
                // triage again after a return or a reopening: the previous choice, to confirm or change
                defaults.put("leadDepartmentId", a.leadDepartmentId());
                defaults.put("assistingDepartmentIds", String.join(",", a.assistingDepartmentIds()));
            }
        }
        if (AppealProcess.TASK_HANDLE.equals(ref.get().taskDefinitionKey())) {
            defaults.put("action", a.status() == AppealStatus.DISPATCHED ? "sign" : "feedback");
        }
        return Optional.of(new Step(ref.get().formId(), forms.formJson(ref.get().formId()), "/api/appeals/" + a.id(),
                a.ticketNo(), options, defaults));
    }

    @Override
    public Optional<Step> startForm(String processKey, Caller caller) {
        if (!AppealProcess.KEY.equals(processKey)) {
            return Optional.empty();
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("centreName", appeals.receivingCentre(caller).map(Organisation::name)
                .orElse("未找到上报人所属的矛调中心，不能登记"));
        defaults.put("urgency", "NORMAL");
        defaults.put("channel", caller.hasRole(Role.GRID_WORKER.groupId()) ? "GRID_APP"
                : caller.hasRole(Role.DEPARTMENT.groupId()) ? "DEPARTMENT" : "WINDOW");
        return Optional.of(new Step(REPORT_FORM, forms.formJson(REPORT_FORM), null, null, Map.of(), defaults));
    }

    private static Option department(Organisation o) {
        return new Option(o.id(), o.name() + "（" + o.level().label() + "）", Map.of("level", o.level().name()));
    }
}
