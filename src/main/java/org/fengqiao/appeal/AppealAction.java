package org.fengqiao.appeal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The actions on an appeal: the statuses each is legal in and who performs it. {@code allowedActions},
 * the 403/409 answers and the Tasklist listener all use this one table.
 */
public enum AppealAction {
    TRIAGE("triage", "研判分流", Actor.CENTRE, AppealStatus.REPORTED, AppealStatus.RETURNED, AppealStatus.REOPENED),
    TO_DISPUTE("to-dispute", "转为矛盾纠纷案件", Actor.CENTRE, AppealStatus.REPORTED, AppealStatus.RETURNED,
            AppealStatus.REOPENED),
    DISPATCH("dispatch", "派单", Actor.CENTRE, AppealStatus.TRIAGE),
    SIGN("sign", "签收", Actor.DEPARTMENT, AppealStatus.DISPATCHED),
    RETURN("return", "退单", Actor.DEPARTMENT, AppealStatus.DISPATCHED, AppealStatus.IN_PROGRESS),
    EXTENSION("extension", "申请延期", Actor.DEPARTMENT, AppealStatus.DISPATCHED, AppealStatus.IN_PROGRESS),
    EXTENSION_APPROVAL("extension-approval", "审批延期", Actor.CENTRE, AppealStatus.DISPATCHED, AppealStatus.IN_PROGRESS),
    FEEDBACK("feedback", "办结反馈", Actor.DEPARTMENT, AppealStatus.DISPATCHED, AppealStatus.IN_PROGRESS),
    REVIEW("review", "中心审核", Actor.CENTRE, AppealStatus.FEEDBACK_SUBMITTED),
    RETURN_VISIT("return-visit", "回访", Actor.VISITOR, AppealStatus.RETURN_VISIT);

    /** Who may perform an action, relative to the appeal. */
    public enum Actor {
        /** triage role in the appeal's centre or above (研判、派单、审核、延期审批) */
        CENTRE,
        /** department role in the lead department (主办部门) */
        DEPARTMENT,
        /** visitor role in the centre's chain */
        VISITOR
    }

    private final String path;
    private final String label;
    private final Actor actor;
    private final Set<AppealStatus> statuses;

    AppealAction(String path, String label, Actor actor, AppealStatus first, AppealStatus... more) {
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

    /**
     * Whether the appeal's state allows the action now: a pending extension request blocks the
     * department's steps until the centre decided; only a dispute-type appeal becomes a dispute.
     */
    public boolean allowedIn(Appeal a) {
        if (!statuses.contains(a.status())) {
            return false;
        }
        return switch (this) {
            case EXTENSION_APPROVAL -> a.extensionPending();
            case SIGN, RETURN, EXTENSION, FEEDBACK -> !a.extensionPending()
                    && (this != EXTENSION || !a.extended());
            case TO_DISPUTE -> a.type() == AppealType.DISPUTE;
            default -> true;
        };
    }

    public static Optional<AppealAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }
}
