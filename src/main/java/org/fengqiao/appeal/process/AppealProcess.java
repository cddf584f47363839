package org.fengqiao.appeal.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.fengqiao.appeal.Appeal;
import org.fengqiao.appeal.AppealAction;
import org.fengqiao.appeal.AppealManagement;

/** Names shared by {@code processes/appeal/grid-appeal.bpmn} and the Java behind it. */
public final class AppealProcess {

    public static final String KEY = "grid-appeal";

    public static final String TASK_TRIAGE = "UserTask_Triage";
    public static final String TASK_DISPATCH = "UserTask_Dispatch";
    public static final String TASK_HANDLE = "UserTask_Handle";
    public static final String TASK_APPROVE_EXTENSION = "UserTask_ApproveExtension";
    public static final String TASK_REVIEW = "UserTask_Review";
    public static final String TASK_RETURN_VISIT = "UserTask_ReturnVisit";

    public static final String APPEAL_ID = "appealId";
    public static final String ROUTE = "route";
    public static final String ACTION = "action";
    static final Set<String> KEPT = Set.of(APPEAL_ID, ROUTE, "ticketNo", "appealSummary", "appealStatus",
            "caseNo", "caseTitle", "caseParties", "caseStatus", "caseDeadline",
            "centreGroups", "departmentGroups", "visitorGroups", "dueAt", "noticeAt");

    /** Which user task each action completes. */
    static final Map<AppealAction, List<String>> STEPS = Map.of(
            AppealAction.TRIAGE, List.of(TASK_TRIAGE),
            AppealAction.TO_DISPUTE, List.of(TASK_TRIAGE),
            AppealAction.DISPATCH, List.of(TASK_DISPATCH),
            AppealAction.SIGN, List.of(TASK_HANDLE),
            AppealAction.RETURN, List.of(TASK_HANDLE),
            AppealAction.EXTENSION, List.of(TASK_HANDLE),
            AppealAction.FEEDBACK, List.of(TASK_HANDLE),
            AppealAction.EXTENSION_APPROVAL, List.of(TASK_APPROVE_EXTENSION),
            AppealAction.REVIEW, List.of(TASK_REVIEW),
            AppealAction.RETURN_VISIT, List.of(TASK_RETURN_VISIT));

    /** Fields of the REST contract a step takes besides its form's (转为纠纷's claims, amount and parties as JSON). */
    static Set<String> declaredBesidesForm(String stepKey) {
        return TASK_TRIAGE.equals(stepKey) ? Set.of(ACTION, "claims", "amountInvolved", "parties") : Set.of(ACTION);
    }

    /**
     * The appeal of a process instance: its business key — the appeal's ticket number (诉求编号),
     * which the process was started with and no user can change — checked against the appeal's own
     * record of its process instance. Instances started before the ticket number became the key
     * carry the appeal's id itself.
     */
    static String appealOf(DelegateExecution execution, AppealManagement management) {
        String appealId = appealIdOfBusinessKey(execution.getProcessBusinessKey(), management);
        Appeal a = appealId == null ? null : management.get(appealId);
        if (a == null || (a.processInstanceId() != null && !a.processInstanceId().equals(execution.getProcessInstanceId()))) {
            throw new IllegalStateException("process instance " + execution.getProcessInstanceId()
                    + " is not the process of appeal " + appealId);
        }
        return appealId;
    }

    /** The appeal id a business key (ticket number, or the id of an older instance) stands for; null if none. */
    public static String appealIdOfBusinessKey(String businessKey, AppealManagement management) {
        if (businessKey == null) {
            return null;
        }
        return management.idOfTicketNo(businessKey).orElse(businessKey);
    }

    /** The business key of an appeal's process instance: its ticket number (一案一码). */
    static String businessKeyOf(Appeal a) {
        return a.ticketNo();
    }

    private AppealProcess() {
    }

    static List<AppealAction> actionsOf(String stepKey) {
        return STEPS.entrySet().stream().filter(e -> e.getValue().contains(stepKey)).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
