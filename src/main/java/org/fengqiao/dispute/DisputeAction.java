package org.fengqiao.dispute;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.fengqiao.shared.IllegalTransitionException;

/**
 * The actions of the contract's dispute table: the statuses each is legal in and who performs it.
 * The REST facade's {@code allowedActions}, its 403/409 answers and the Tasklist listener all use
 * this one table.
 */
public enum DisputeAction {
    TRIAGE("triage", "研判分流", Actor.TRIAGE_OFFICER, DisputeStatus.TRIAGE),
    ACCEPTANCE("acceptance", "接收推送", Actor.ORG_ADMIN, DisputeStatus.ASSIGNED_PENDING_ACCEPT),
    CONSENT("consent", "征询意愿", Actor.ORG_STAFF, DisputeStatus.CONSENT_PENDING),
    MEDIATORS("mediators", "指定调解员", Actor.ORG_STAFF, DisputeStatus.MEDIATOR_ASSIGNMENT),
    RECUSAL("recusal", "回避更换", Actor.CASE_MEDIATOR, DisputeStatus.IN_MEDIATION),
    SESSIONS("sessions", "记录调解", Actor.CASE_MEDIATOR, DisputeStatus.IN_MEDIATION),
    EXTENSION("extension", "延长调解期限", Actor.CASE_MEDIATOR, DisputeStatus.IN_MEDIATION),
    ESCALATION("escalation", "逐级上报", Actor.CASE_MEDIATOR, DisputeStatus.IN_MEDIATION),
    AGREEMENT("agreement", "记录调解协议", Actor.CASE_MEDIATOR, DisputeStatus.IN_MEDIATION),
    TERMINATION("termination", "终止调解", Actor.CASE_MEDIATOR, DisputeStatus.IN_MEDIATION),
    JUDICIAL_CONFIRMATION("judicial-confirmation", "申请司法确认", Actor.CASE_MEDIATOR, DisputeStatus.PERFORMANCE_MONITORING),
    /** D13: the court accepted the application (within 3 days of filing; 司法确认规定 第4条). */
    COURT_ACCEPTANCE("court-acceptance", "法院受理", Actor.COURT, DisputeStatus.JUDICIAL_CONFIRMATION),
    /** D13: the court president approved extending the review by 10 days, once (司法确认规定 第5条). */
    COURT_EXTENSION("court-extension", "延长审查期限", Actor.COURT, DisputeStatus.JUDICIAL_CONFIRMATION),
    COURT_DECISION("court-decision", "法院裁定", Actor.COURT, DisputeStatus.JUDICIAL_CONFIRMATION),
    PERFORMANCE("performance", "记录履行情况", Actor.CASE_MEDIATOR, DisputeStatus.PERFORMANCE_MONITORING),
    RETURN_VISIT("return-visit", "回访", Actor.VISITOR, DisputeStatus.RETURN_VISIT, DisputeStatus.TERMINATED_NO_AGREEMENT),
    REVIEW("review", "督办复核", Actor.SUPERVISOR, DisputeStatus.SUPERVISOR_REVIEW),
    CLOSURE("closure", "结案", Actor.ORG_ADMIN, DisputeStatus.TERMINATED_NO_AGREEMENT),
    ARCHIVE("archive", "立卷归档", Actor.ARCHIVIST, DisputeStatus.CLOSED, DisputeStatus.REJECTED_NOT_ACCEPTED,
            DisputeStatus.TRANSFERRED_OUT),
    /** D2: a party withdraws before mediation starts (during mediation that is a termination). */
    WITHDRAWAL("withdrawal", "当事人撤回申请", Actor.CASE_WORKER, DisputeStatus.TRIAGE, DisputeStatus.ASSIGNED_PENDING_ACCEPT,
            DisputeStatus.CONSENT_PENDING, DisputeStatus.MEDIATOR_ASSIGNMENT),
    /** D20: a failed court-referred mediation returns the court's materials. */
    MATERIALS_RETURN("materials-return", "退回法院材料", Actor.ORG_STAFF, DisputeStatus.TERMINATED_NO_AGREEMENT),
    /** D18: a risk of intensification is reported to the police or other authorities, in any open status. */
    RISK_REPORT("risk-report", "报告激化风险", Actor.CASE_WORKER, DisputeStatus.TRIAGE, DisputeStatus.ASSIGNED_PENDING_ACCEPT,
            DisputeStatus.CONSENT_PENDING, DisputeStatus.MEDIATOR_ASSIGNMENT, DisputeStatus.IN_MEDIATION,
            DisputeStatus.JUDICIAL_CONFIRMATION, DisputeStatus.PERFORMANCE_MONITORING, DisputeStatus.RETURN_VISIT,
            DisputeStatus.SUPERVISOR_REVIEW, DisputeStatus.TERMINATED_NO_AGREEMENT),
    /** D18: the report step done: the authority has received it. */
    RISK_REPORT_DELIVERY("risk-report-delivery", "确认风险已报告", Actor.CASE_WORKER, DisputeStatus.TRIAGE,
            DisputeStatus.ASSIGNED_PENDING_ACCEPT, DisputeStatus.CONSENT_PENDING, DisputeStatus.MEDIATOR_ASSIGNMENT,
            DisputeStatus.IN_MEDIATION, DisputeStatus.JUDICIAL_CONFIRMATION, DisputeStatus.PERFORMANCE_MONITORING,
            DisputeStatus.RETURN_VISIT, DisputeStatus.SUPERVISOR_REVIEW, DisputeStatus.TERMINATED_NO_AGREEMENT);

    /** D13: why an extension is refused before the court accepted the application. */
    public static final String NOT_ACCEPTED_YET = "法院尚未受理该司法确认申请，不能延长审查期限"
            + " (the court has not accepted the application; there is no review period to extend yet)";
    /** D13: why a second extension is refused. */
    public static final String SECOND_EXTENSION = "审查期限已经院长批准延长一次，不得再次延长"
            + " (the review period was already extended once with the president's approval; a second extension is not allowed)";
    /** D13: why a second acceptance is refused. */
    public static final String ALREADY_ACCEPTED = "法院已受理该司法确认申请 (the court has already accepted the application)";

    /** Who may perform an action, relative to the case. */
    public enum Actor {
        /** triage role in the receiving centre or above */
        TRIAGE_OFFICER,
        /** orgadmin of the organisation the case was pushed/designated to (or above) */
        ORG_ADMIN,
        /** orgadmin or mediator of that organisation */
        ORG_STAFF,
        /** one of the case's mediators */
        CASE_MEDIATOR,
        /** a court liaison */
        COURT,
        /** visitor role in the centre or organisation chain */
        VISITOR,
        /** supervisor role in the centre or organisation chain */
        SUPERVISOR,
        /** orgadmin of the handling organisation; for cases never assigned, the centre's triage officer or admin */
        ARCHIVIST,
        /** whoever works the case: the centre's triage officer, the organisation's admin, its mediators (the case's, once assigned) */
        CASE_WORKER
    }

    private final String path;
    private final String label;
    private final Actor actor;
    private final Set<DisputeStatus> statuses;

    DisputeAction(String path, String label, Actor actor, DisputeStatus first, DisputeStatus... more) {
        this.path = path;
        this.label = label;
        this.actor = actor;
        this.statuses = EnumSet.of(first, more);
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public Actor actor() {
        return actor;
    }

    /** Whether the case's state allows the action now (a mediation past its deadline allows only extension or termination). */
    public boolean allowedIn(DisputeCase c) {
        if (!statuses.contains(c.status())) {
            return false;
        }
        // D18: a report step is open while its due date is set; one at a time
        if (this == RISK_REPORT && c.riskReportDueAt() != null) {
            return false;
        }
        if (this == RISK_REPORT_DELIVERY) {
            return c.riskReportDueAt() != null;
        }
        // D13: the court accepts once, then may extend its review once
        if (this == COURT_ACCEPTANCE) {
            return c.courtAcceptedAt() == null;
        }
        if (this == COURT_EXTENSION) {
            return c.courtAcceptedAt() != null && c.courtReviewExtendedAt() == null;
        }
        // D20: the court's materials go back first; then the closure and the return visit
        if (c.status() == DisputeStatus.TERMINATED_NO_AGREEMENT) {
            return this == MATERIALS_RETURN ? c.materialsReturnPending() : this == RISK_REPORT || !c.materialsReturnPending();
        }
        if (c.status() == DisputeStatus.IN_MEDIATION && c.overdue()) {
            return this == EXTENSION || this == TERMINATION || this == RISK_REPORT;
        }
        return true;
    }

    /** The 409 for an action the case's state does not allow now, with the rule's reason where there is one. */
    public IllegalTransitionException refusal(DisputeCase c) {
        if (c.status() == DisputeStatus.JUDICIAL_CONFIRMATION) {
            if (this == COURT_ACCEPTANCE && c.courtAcceptedAt() != null) {
                return new IllegalTransitionException(ALREADY_ACCEPTED);
            }
            if (this == COURT_EXTENSION && c.courtAcceptedAt() == null) {
                return new IllegalTransitionException(NOT_ACCEPTED_YET);
            }
            if (this == COURT_EXTENSION && c.courtReviewExtendedAt() != null) {
                return new IllegalTransitionException(SECOND_EXTENSION);
            }
        }
        return IllegalTransitionException.of(path, c.status());
    }

    public static Optional<DisputeAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }
}
