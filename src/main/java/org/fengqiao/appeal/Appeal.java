package org.fengqiao.appeal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.fengqiao.organisation.OrganisationLevel;
import org.fengqiao.shared.IllegalTransitionException;

/**
 * The appeal aggregate (state machine B). Every transition checks the current status first and
 * refuses an illegal move; rules needing other modules are checked by {@link AppealManagement}.
 */
public class Appeal {

    String id;
    String ticketNo;
    AppealType type;
    AppealChannel channel;
    String gridId;
    String description;
    String reporterName;
    String reporterPhone;
    Urgency urgency;
    String centreId;
    AppealStatus status;
    OrganisationLevel level;
    String leadDepartmentId;
    List<String> assistingDepartmentIds = new ArrayList<>();
    String timeLimit;
    OffsetDateTime dueAt;
    OffsetDateTime noticeAt;
    OffsetDateTime remindedDueAt;
    OffsetDateTime noticedDueAt;
    OffsetDateTime dispatchedAt;
    OffsetDateTime signedAt;
    Integer extensionDays;
    String extensionReason;
    boolean extensionPending;
    boolean extended;
    int returnCount;
    int reopenCount;
    String feedback;
    OffsetDateTime feedbackAt;
    Satisfaction satisfaction;
    String linkedDisputeId;
    OffsetDateTime closedAt;
    Boolean closedOnTime;
    String processInstanceId;
    int version;
    String createdBy;
    OffsetDateTime createdAt;
    OffsetDateTime updatedAt;

    Appeal() {
    }

    private void expect(AppealAction action) {
        if (!action.allowedIn(this)) {
            throw IllegalTransitionException.of(action.path(), status);
        }
    }

    // --- transitions -------------------------------------------------------------------------

    void triaged(String leadDepartmentId, List<String> assisting, OrganisationLevel level, String timeLimit,
                 OffsetDateTime dueAt, OffsetDateTime noticeAt) {
        expect(AppealAction.TRIAGE);
        this.leadDepartmentId = leadDepartmentId;
        this.assistingDepartmentIds = new ArrayList<>(assisting);
        this.level = level;
        this.timeLimit = timeLimit;
        this.dueAt = dueAt;
        this.noticeAt = noticeAt;
        this.remindedDueAt = null;
        this.noticedDueAt = null;
        this.extended = false;
        this.status = AppealStatus.TRIAGE;
    }

    void convertedToDispute(String disputeId, OffsetDateTime now) {
        expect(AppealAction.TO_DISPUTE);
        this.linkedDisputeId = disputeId;
        close(now);
    }

    void dispatched(OffsetDateTime now) {
        expect(AppealAction.DISPATCH);
        this.dispatchedAt = now;
        this.signedAt = null;
        this.status = AppealStatus.DISPATCHED;
    }

    void signed(OffsetDateTime now) {
        expect(AppealAction.SIGN);
        this.signedAt = now;
        this.status = AppealStatus.IN_PROGRESS;
    }

    void returned() {
        expect(AppealAction.RETURN);
        this.returnCount++;
        this.leadDepartmentId = null;
        this.assistingDepartmentIds = new ArrayList<>();
        this.dueAt = null;
        this.noticeAt = null;
        this.status = AppealStatus.RETURNED;
    }

    void extensionRequested(int days, String reason) {
        expect(AppealAction.EXTENSION);
        this.extensionDays = days;
        this.extensionReason = reason;
        this.extensionPending = true;
    }

    void extensionDecided(boolean approved, OffsetDateTime newDueAt, OffsetDateTime newNoticeAt) {
        expect(AppealAction.EXTENSION_APPROVAL);
        this.extensionPending = false;
        if (approved) {
            this.extended = true;
            this.dueAt = newDueAt;
            this.noticeAt = newNoticeAt;
        }
    }

    void feedbackSubmitted(String result, OffsetDateTime now) {
        expect(AppealAction.FEEDBACK);
        if (signedAt == null) {
            signedAt = now; // feedback straight after dispatch implies signing for it
        }
        this.feedback = result;
        this.feedbackAt = now;
        this.status = AppealStatus.FEEDBACK_SUBMITTED;
    }

    void reviewed(ReviewDecision decision) {
        expect(AppealAction.REVIEW);
        this.status = decision == ReviewDecision.APPROVE ? AppealStatus.RETURN_VISIT : AppealStatus.IN_PROGRESS;
    }

    void visited(Satisfaction satisfaction, OffsetDateTime now) {
        expect(AppealAction.RETURN_VISIT);
        this.satisfaction = satisfaction;
        if (satisfaction == Satisfaction.DISSATISFIED) {
            this.reopenCount++;
            this.status = AppealStatus.REOPENED;
        } else {
            close(now);
        }
    }

    private void close(OffsetDateTime now) {
        this.closedAt = now;
        this.closedOnTime = dueAt == null || !now.isAfter(dueAt);
        this.status = AppealStatus.CLOSED;
    }

    /** 催办 is raised once per due date (a re-created handling task re-arms its timers). */
    boolean remindFor(OffsetDateTime due) {
        if (due == null || due.equals(remindedDueAt)) {
            return false;
        }
        remindedDueAt = due;
        return true;
    }

    boolean noticeFor(OffsetDateTime due) {
        if (due == null || due.equals(noticedDueAt)) {
            return false;
        }
        noticedDueAt = due;
        return true;
    }

    // --- reading -----------------------------------------------------------------------------

    public boolean isOpen() {
        return status != AppealStatus.CLOSED;
    }

    public boolean overdue(OffsetDateTime now) {
        return isOpen() && dueAt != null && now.isAfter(dueAt)
                && status != AppealStatus.RETURN_VISIT && status != AppealStatus.FEEDBACK_SUBMITTED;
    }

    public String id() { return id; }
    public String ticketNo() { return ticketNo; }
    public AppealType type() { return type; }
    public AppealChannel channel() { return channel; }
    public String gridId() { return gridId; }
    public String description() { return description; }
    /** The appellant's (诉求人) name, if given at the report; personal data: see {@link AppealAccess#maySeeReporter}. */
    public String reporterName() { return reporterName; }
    /** The appellant's phone, if given at the report; personal data: see {@link AppealAccess#maySeeReporter}. */
    public String reporterPhone() { return reporterPhone; }
    public Urgency urgency() { return urgency; }
    public String centreId() { return centreId; }
    public AppealStatus status() { return status; }
    public OrganisationLevel level() { return level; }
    public String leadDepartmentId() { return leadDepartmentId; }
    public List<String> assistingDepartmentIds() { return List.copyOf(assistingDepartmentIds); }
    public String timeLimit() { return timeLimit; }
    public OffsetDateTime dueAt() { return dueAt; }
    public OffsetDateTime noticeAt() { return noticeAt; }
    public OffsetDateTime dispatchedAt() { return dispatchedAt; }
    public OffsetDateTime signedAt() { return signedAt; }
    public Integer extensionDays() { return extensionDays; }
    public String extensionReason() { return extensionReason; }
    public boolean extensionPending() { return extensionPending; }
    public boolean extended() { return extended; }
    public int returnCount() { return returnCount; }
    public int reopenCount() { return reopenCount; }
    public String feedback() { return feedback; }
    public OffsetDateTime feedbackAt() { return feedbackAt; }
    public Satisfaction satisfaction() { return satisfaction; }
    public String linkedDisputeId() { return linkedDisputeId; }
    public OffsetDateTime closedAt() { return closedAt; }
    public Boolean closedOnTime() { return closedOnTime; }
    public String processInstanceId() { return processInstanceId; }
    public int version() { return version; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
