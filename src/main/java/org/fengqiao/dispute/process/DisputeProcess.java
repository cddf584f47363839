package org.fengqiao.dispute.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.fengqiao.dispute.DisputeAction;
import org.fengqiao.dispute.DisputeCase;
import org.fengqiao.dispute.DisputeManagement;

/** Names shared by {@code processes/dispute/dispute-mediation.bpmn} and the Java behind it. */
public final class DisputeProcess {

    public static final String KEY = "dispute-mediation";
    public static final String MESSAGE_COURT_DECISION = "CourtDecision";
    public static final String MESSAGE_WITHDRAWN = "DisputeWithdrawn";
    public static final String MESSAGE_RISK_REPORTED = "RiskReported";

    /** The actions that arrive as a message the model listens for, with the message's name. */
    static final Map<DisputeAction, String> MESSAGES = Map.of(DisputeAction.COURT_DECISION, MESSAGE_COURT_DECISION,
            DisputeAction.WITHDRAWAL, MESSAGE_WITHDRAWN, DisputeAction.RISK_REPORT, MESSAGE_RISK_REPORTED);

    public static final String TASK_TRIAGE = "UserTask_Triage";
    public static final String TASK_ACCEPT = "UserTask_AcceptAssignment";
    public static final String TASK_CONSENT = "UserTask_SeekConsent";
    public static final String TASK_MEDIATORS = "UserTask_AssignMediators";
    public static final String TASK_MEDIATE = "UserTask_Mediate";
    public static final String TASK_EXPIRY = "UserTask_DecideOnExpiry";
    public static final String TASK_MONITOR = "UserTask_MonitorPerformance";
    public static final String TASK_RETURN_VISIT = "UserTask_ReturnVisit";
    public static final String TASK_RETURN_VISIT_TERMINATED = "UserTask_ReturnVisitTerminated";
    public static final String TASK_CLOSE_TERMINATED = "UserTask_CloseTerminated";
    public static final String TASK_REVIEW = "UserTask_SupervisorReview";
    public static final String TASK_ARCHIVE = "UserTask_Archive";
    public static final String TASK_ARCHIVE_WITHDRAWN = "UserTask_ArchiveWithdrawn";
    public static final String EVENT_WITHDRAWN = "StartEvent_Withdrawn";
    public static final String TASK_RETURN_MATERIALS = "UserTask_ReturnMaterialsToCourt";
    public static final String EVENT_RISK_REPORTED = "StartEvent_RiskReported";
    public static final String TASK_REPORT_RISK = "UserTask_ReportRisk";
    /** The court liaison's step in the Tasklist; the boundary event is the same decision arriving as a message. */
    public static final String TASK_COURT_DECISION = "UserTask_CourtDecision";
    public static final String EVENT_COURT_DECISION = "Event_CourtDecisionReceived";
    /** D13: the court liaison records the court's acceptance of the application (3 days from filing). */
    public static final String TASK_COURT_ACCEPTANCE = "UserTask_CourtAcceptance";
    /** The court's ruling arriving while the acceptance is not recorded (accepted and ruled at once). */
    public static final String EVENT_COURT_DECISION_ON_FILING = "Event_CourtDecisionOnFiling";
    /** D13: the ruling after the one extension by 10 days; no second extension. */
    public static final String TASK_COURT_DECISION_EXTENDED = "UserTask_CourtDecisionExtended";
    public static final String EVENT_COURT_DECISION_EXTENDED = "Event_CourtDecisionReceivedExtended";

    /** Variables the process keeps; everything else a form or request submits is removed after the step. */
    public static final String CASE_ID = "caseId";
    public static final String ROUTE = "route";
    public static final String ACTION = "action";
    static final Set<String> KEPT = Set.of(CASE_ID, ROUTE, "caseNo", "caseTitle", "caseSummary", "caseStatus",
            "caseParties", "caseDeadline",
            "triageGroups", "orgAdminGroups", "orgStaffGroups", "presidingMediatorId", "mediatorUsers", "visitorGroups",
            "supervisorGroups", "archiveGroups", "courtGroups", "acceptanceDueAt", "mediationDueAt", "mediationWarningAt",
            "performanceDueAt", "courtReviewDueAt", "courtAcceptanceDueAt", "courtReviewExtendedDueAt",
            "materialsReturnPending", "materialsReturnDueAt", "riskReportDueAt", "riskReportGroups");

    /**
     * The process variable each user task's due date reads ({@code camunda:dueDate="${…}"} in the
     * model): the case's deadline for that step. A task that stays open while the deadline moves (a
     * recomputed calendar, an extension while a parallel step is open) takes its due date from it
     * again ({@link DisputeProcessGateway#refresh}).
     */
    public static final Map<String, String> DUE_DATES = Map.of(
            TASK_ACCEPT, "acceptanceDueAt",
            TASK_MEDIATE, "mediationDueAt",
            TASK_EXPIRY, "mediationDueAt",
            TASK_MONITOR, "performanceDueAt",
            TASK_COURT_ACCEPTANCE, "courtAcceptanceDueAt",
            TASK_COURT_DECISION, "courtReviewDueAt",
            TASK_COURT_DECISION_EXTENDED, "courtReviewExtendedDueAt",
            TASK_RETURN_MATERIALS, "materialsReturnDueAt",
            TASK_REPORT_RISK, "riskReportDueAt");

    /** Likewise the follow-up dates ({@code camunda:followUpDate}): the mediation's warning. */
    public static final Map<String, String> FOLLOW_UP_DATES = Map.of(TASK_MEDIATE, "mediationWarningAt");

    /** Which step (user task, or the message event standing for it) each action completes. */
    static final Map<DisputeAction, List<String>> STEPS = Map.ofEntries(
            Map.entry(DisputeAction.TRIAGE, List.of(TASK_TRIAGE)),
            Map.entry(DisputeAction.ACCEPTANCE, List.of(TASK_ACCEPT)),
            Map.entry(DisputeAction.CONSENT, List.of(TASK_CONSENT)),
            Map.entry(DisputeAction.MEDIATORS, List.of(TASK_MEDIATORS)),
            Map.entry(DisputeAction.RECUSAL, List.of(TASK_MEDIATE)),
            Map.entry(DisputeAction.SESSIONS, List.of(TASK_MEDIATE)),
            Map.entry(DisputeAction.EXTENSION, List.of(TASK_MEDIATE, TASK_EXPIRY)),
            Map.entry(DisputeAction.ESCALATION, List.of(TASK_MEDIATE)),
            Map.entry(DisputeAction.AGREEMENT, List.of(TASK_MEDIATE)),
            Map.entry(DisputeAction.TERMINATION, List.of(TASK_MEDIATE, TASK_EXPIRY)),
            Map.entry(DisputeAction.JUDICIAL_CONFIRMATION, List.of(TASK_MONITOR)),
            Map.entry(DisputeAction.COURT_ACCEPTANCE, List.of(TASK_COURT_ACCEPTANCE)),
            Map.entry(DisputeAction.COURT_EXTENSION, List.of(TASK_COURT_DECISION)),
            Map.entry(DisputeAction.COURT_DECISION, List.of(TASK_COURT_DECISION, EVENT_COURT_DECISION,
                    EVENT_COURT_DECISION_ON_FILING, TASK_COURT_DECISION_EXTENDED, EVENT_COURT_DECISION_EXTENDED)),
            Map.entry(DisputeAction.PERFORMANCE, List.of(TASK_MONITOR)),
            Map.entry(DisputeAction.RETURN_VISIT, List.of(TASK_RETURN_VISIT, TASK_RETURN_VISIT_TERMINATED)),
            Map.entry(DisputeAction.REVIEW, List.of(TASK_REVIEW)),
            Map.entry(DisputeAction.CLOSURE, List.of(TASK_CLOSE_TERMINATED)),
            Map.entry(DisputeAction.ARCHIVE, List.of(TASK_ARCHIVE, TASK_ARCHIVE_WITHDRAWN)),
            Map.entry(DisputeAction.WITHDRAWAL, List.of(EVENT_WITHDRAWN)),
            Map.entry(DisputeAction.MATERIALS_RETURN, List.of(TASK_RETURN_MATERIALS)),
            Map.entry(DisputeAction.RISK_REPORT, List.of(EVENT_RISK_REPORTED)),
            Map.entry(DisputeAction.RISK_REPORT_DELIVERY, List.of(TASK_REPORT_RISK)));

    /**
     * The action a multi-action step stands for when the submission names none: the court's
     * decision task decides unless the liaison chose the extension.
     */
    static final Map<String, DisputeAction> DEFAULT_ACTIONS = Map.of(TASK_COURT_DECISION, DisputeAction.COURT_DECISION);

    /** The action a step's form preselects, if any (the Tasklist's embedded form shows it chosen). */
    public static java.util.Optional<DisputeAction> defaultAction(String stepKey) {
        return java.util.Optional.ofNullable(DEFAULT_ACTIONS.get(stepKey));
    }

    /** Fields of the REST contract a step takes besides its form's (the agreement's effectiveAt). */
    static Set<String> declaredBesidesForm(String stepKey) {
        return TASK_MEDIATE.equals(stepKey) ? Set.of(ACTION, "effectiveAt") : Set.of(ACTION);
    }

    /**
     * The case of a process instance: its business key — the case's 案号, which the case's process
     * was started with and no user can change — checked against the case's own record of its
     * process instance. The one place that maps a business key to a case id (instances started
     * before the 案号 became the key carry the id itself).
     */
    static String caseOf(DelegateExecution execution, DisputeManagement management) {
        String caseId = caseIdOfBusinessKey(execution.getProcessBusinessKey(), management);
        DisputeCase c = caseId == null ? null : management.find(caseId).orElse(null);
        if (c == null || (c.processInstanceId() != null && !c.processInstanceId().equals(execution.getProcessInstanceId()))) {
            throw new IllegalStateException("process instance " + execution.getProcessInstanceId()
                    + " is not the process of case " + caseId);
        }
        return caseId;
    }

    /** The case id a business key (案号, or the id of an older instance) stands for; null if none. */
    public static String caseIdOfBusinessKey(String businessKey, DisputeManagement management) {
        if (businessKey == null) {
            return null;
        }
        return management.idOfCaseNo(businessKey).orElse(businessKey);
    }

    /** The business key of a case's process instance: its 案号. */
    static String businessKeyOf(DisputeCase c) {
        return c.caseNo();
    }

    private DisputeProcess() {
    }

    /** The action a completed step stands for; multi-action steps name it in the {@code action} variable. */
    static List<DisputeAction> actionsOf(String stepKey) {
        return STEPS.entrySet().stream().filter(e -> e.getValue().contains(stepKey)).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
