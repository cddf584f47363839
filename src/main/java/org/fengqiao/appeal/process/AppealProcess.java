package org.fengqiao.appeal.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fengqiao.appeal.AppealAction;

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

    private AppealProcess() {
    }

    static List<AppealAction> actionsOf(String stepKey) {
        return STEPS.entrySet().stream().filter(e -> e.getValue().contains(stepKey)).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
