package org.fengqiao.dispute;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.fengqiao.organisation.OrganisationLevel;
import org.fengqiao.shared.IllegalTransitionException;

/**
 * The dispute case aggregate (state machine A). It owns its status: every transition is a method
 * that first checks the current status and refuses an illegal move, then changes the record.
 * Rules that need other modules (organisations, the calendar) are checked by {@link
 * DisputeManagement} before it calls these methods.
 */
public class DisputeCase {

    public static final Set<DisputeStatus> FINAL = EnumSet.of(DisputeStatus.CLOSED, DisputeStatus.ARCHIVED,
            DisputeStatus.REJECTED_NOT_ACCEPTED, DisputeStatus.TRANSFERRED_OUT);

    String id;
    String caseNo;
    String title;
    String facts;
    String claims;
    DisputeCategory category;
    Channel channel;
    String sourceRef;
    BigDecimal amountInvolved;
    String centreId;
    DisputeStatus status;
    Outcome outcome;
    MediationType mediationType;
    OrganisationLevel level;
    OrganisationLevel minLevel;
    String orgId;
    AssignmentMode assignmentMode;
    Complexity complexity;
    RiskLevel riskLevel;
    Integer timeLimitDays;
    TriageSuggestion suggestion;
    NotAcceptReason notAcceptReason;
    String reasonText;
    String transferTo;
    RespondentConsent respondentConsent;
    String presidingMediatorId;
    SelectedBy selectedBy;
    OffsetDateTime acceptanceDueAt;
    OffsetDateTime mediationStartedAt;
    OffsetDateTime dueAt;
    OffsetDateTime warningAt;
    OffsetDateTime warnedDueAt;
    boolean overdue;
    OffsetDateTime agreementEffectiveAt;
    PerformanceStatus performanceStatus;
    Satisfaction satisfaction;
    OffsetDateTime closedAt;
    OffsetDateTime archivedAt;
    OffsetDateTime materialsReturnDueAt;
    OffsetDateTime materialsReturnedAt;
    OffsetDateTime riskReportDueAt;
    /** D13: when the court accepted the pending application for judicial confirmation (null: not recorded). */
    OffsetDateTime courtAcceptedAt;
    /** D13: when the court president's +10-day extension of the review was recorded (null: none). */
    OffsetDateTime courtReviewExtendedAt;
    String volumeNo;
    Integer retentionYears;
    String processInstanceId;
    int version;
    String createdBy;
    OffsetDateTime createdAt;
    OffsetDateTime updatedAt;
    List<Party> parties = new ArrayList<>();
    List<String> mediatorIds = new ArrayList<>();
    /** The case as last read or written, for the change of its report figures on the next update. */
    DisputeFigures.Facts storedFacts;

    DisputeCase() {
    }

    private void expect(String action, DisputeStatus... allowed) {
        for (DisputeStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw IllegalTransitionException.of(action, status);
    }

    // --- transitions -------------------------------------------------------------------------

    void acceptForMediation(MediationType type, OrganisationLevel level, String orgId, AssignmentMode mode,
                            Complexity complexity, RiskLevel risk, int timeLimitDays, OffsetDateTime acceptanceDueAt) {
        expect("triage", DisputeStatus.TRIAGE);
        this.mediationType = type;
        this.level = level;
        this.orgId = orgId;
        this.assignmentMode = mode;
        this.complexity = complexity;
        this.riskLevel = risk;
        this.timeLimitDays = timeLimitDays;
        this.notAcceptReason = null;
        this.transferTo = null;
        if (mode == AssignmentMode.PUSH) {
            this.acceptanceDueAt = acceptanceDueAt;
            this.status = DisputeStatus.ASSIGNED_PENDING_ACCEPT;
        } else {
            this.acceptanceDueAt = null;
            this.status = DisputeStatus.CONSENT_PENDING;
        }
    }

    void refuse(NotAcceptReason reason, String reasonText, OffsetDateTime now) {
        expect("triage", DisputeStatus.TRIAGE);
        this.notAcceptReason = reason;
        this.reasonText = reasonText;
        this.status = DisputeStatus.REJECTED_NOT_ACCEPTED;
        this.outcome = Outcome.NOT_ACCEPTED;
        this.closedAt = now;
    }

    void transferOut(String transferTo, String reasonText, OffsetDateTime now) {
        expect("triage", DisputeStatus.TRIAGE);
        this.transferTo = transferTo;
        this.reasonText = reasonText;
        this.status = DisputeStatus.TRANSFERRED_OUT;
        this.outcome = Outcome.TRANSFERRED;
        this.closedAt = now;
    }

    void orgAccepted() {
        expect("acceptance", DisputeStatus.ASSIGNED_PENDING_ACCEPT);
        this.acceptanceDueAt = null;
        this.status = DisputeStatus.CONSENT_PENDING;
    }

    /** The organisation declined, or did not answer in time: back to triage for re-routing. */
    void backToTriage(String action) {
        expect(action, DisputeStatus.ASSIGNED_PENDING_ACCEPT);
        this.acceptanceDueAt = null;
        this.orgId = null;
        this.status = DisputeStatus.TRIAGE;
    }

    void recordConsent(RespondentConsent consent, OffsetDateTime now) {
        expect("consent", DisputeStatus.CONSENT_PENDING);
        this.respondentConsent = consent;
        if (consent == RespondentConsent.AGREED) {
            this.status = DisputeStatus.MEDIATOR_ASSIGNMENT;
        } else {
            this.status = DisputeStatus.TERMINATED_NO_AGREEMENT;
        }
    }

    void assignMediators(String presiding, List<String> all, SelectedBy selectedBy, OffsetDateTime now,
                         OffsetDateTime dueAt, OffsetDateTime warningAt) {
        expect("mediators", DisputeStatus.MEDIATOR_ASSIGNMENT);
        this.presidingMediatorId = presiding;
        this.mediatorIds = new ArrayList<>(all);
        this.selectedBy = selectedBy;
        this.mediationStartedAt = now;
        startPeriod(dueAt, warningAt);
        this.status = DisputeStatus.IN_MEDIATION;
    }

    private void startPeriod(OffsetDateTime dueAt, OffsetDateTime warningAt) {
        this.dueAt = dueAt;
        this.warningAt = warningAt;
        this.overdue = false;
    }

    void replaceMediator(String replaced, String replacement) {
        expect("recusal", DisputeStatus.IN_MEDIATION);
        int index = mediatorIds.indexOf(replaced);
        if (index >= 0) {
            mediatorIds.set(index, replacement);
        } else {
            mediatorIds.add(replacement);
        }
        if (replaced.equals(presidingMediatorId)) {
            presidingMediatorId = replacement;
        }
    }

    void requireInMediation(String action) {
        expect(action, DisputeStatus.IN_MEDIATION);
    }

    void extend(OffsetDateTime newDueAt, OffsetDateTime newWarningAt) {
        expect("extension", DisputeStatus.IN_MEDIATION);
        startPeriod(newDueAt, newWarningAt);
    }

    void escalate(OrganisationLevel toLevel) {
        expect("escalation", DisputeStatus.IN_MEDIATION);
        this.level = toLevel;
        this.minLevel = toLevel;
        this.orgId = null;
        this.presidingMediatorId = null;
        this.mediatorIds = new ArrayList<>();
        this.dueAt = null;
        this.warningAt = null;
        this.overdue = false;
        this.respondentConsent = null;
        this.status = DisputeStatus.TRIAGE;
    }

    void agreementReached(OffsetDateTime effectiveAt) {
        expect("agreement", DisputeStatus.IN_MEDIATION);
        this.agreementEffectiveAt = effectiveAt;
        this.status = DisputeStatus.PERFORMANCE_MONITORING;
    }

    void terminate() {
        expect("termination", DisputeStatus.IN_MEDIATION);
        this.status = DisputeStatus.TERMINATED_NO_AGREEMENT;
    }

    /** D2: a party withdraws before mediation began: closed, outcome WITHDRAWN. */
    void withdraw(OffsetDateTime now) {
        expect("withdrawal", DisputeStatus.TRIAGE, DisputeStatus.ASSIGNED_PENDING_ACCEPT, DisputeStatus.CONSENT_PENDING,
                DisputeStatus.MEDIATOR_ASSIGNMENT);
        this.acceptanceDueAt = null;
        this.outcome = Outcome.WITHDRAWN;
        this.closedAt = now;
        this.status = DisputeStatus.CLOSED;
    }

    /** D20: the court's materials are due back (a court-referred case that ended without agreement). */
    void materialsToReturn(OffsetDateTime dueAt) {
        expect("materials-return", DisputeStatus.TERMINATED_NO_AGREEMENT);
        this.materialsReturnDueAt = dueAt;
        this.materialsReturnedAt = null;
    }

    void materialsReturned(OffsetDateTime at) {
        expect("materials-return", DisputeStatus.TERMINATED_NO_AGREEMENT);
        if (!materialsReturnPending()) {
            throw new IllegalTransitionException("没有待退回法院的材料 (no materials to return)");
        }
        this.materialsReturnedAt = at;
    }

    public boolean materialsReturnPending() {
        return materialsReturnDueAt != null && materialsReturnedAt == null;
    }

    /** D18: a report step opened (one at a time), or done. */
    void riskReportOpened(RiskLevel level, OffsetDateTime dueAt) {
        if (FINAL.contains(status)) {
            throw IllegalTransitionException.of("risk-report", status);
        }
        if (riskReportDueAt != null) {
            throw new IllegalTransitionException("已有一份风险报告待完成 (a risk report is already pending)");
        }
        if (riskLevel == null || level.ordinal() < riskLevel.ordinal()) {
            this.riskLevel = level;
        }
        this.riskReportDueAt = dueAt;
    }

    void riskReportDelivered() {
        if (riskReportDueAt == null) {
            throw IllegalTransitionException.of("risk-report-delivery", status);
        }
        this.riskReportDueAt = null;
    }

    void fileJudicialConfirmation() {
        expect("judicial-confirmation", DisputeStatus.PERFORMANCE_MONITORING);
        this.status = DisputeStatus.JUDICIAL_CONFIRMATION;
        this.courtAcceptedAt = null;
        this.courtReviewExtendedAt = null;
    }

    /** D13: the court accepted the application (司法确认规定 第4条). */
    void courtAccepted(OffsetDateTime acceptedAt) {
        expect("court-acceptance", DisputeStatus.JUDICIAL_CONFIRMATION);
        if (courtAcceptedAt != null) {
            throw new IllegalTransitionException(DisputeAction.ALREADY_ACCEPTED);
        }
        this.courtAcceptedAt = acceptedAt;
    }

    /** D13: the president approved the one extension of the review (司法确认规定 第5条). */
    void courtReviewExtended(OffsetDateTime at) {
        expect("court-extension", DisputeStatus.JUDICIAL_CONFIRMATION);
        if (courtAcceptedAt == null) {
            throw new IllegalTransitionException(DisputeAction.NOT_ACCEPTED_YET);
        }
        if (courtReviewExtendedAt != null) {
            throw new IllegalTransitionException(DisputeAction.SECOND_EXTENSION);
        }
        this.courtReviewExtendedAt = at;
    }

    void courtDecided(CourtResult result, OffsetDateTime newDueAt, OffsetDateTime newWarningAt) {
        expect("court-decision", DisputeStatus.JUDICIAL_CONFIRMATION);
        if (result == CourtResult.REJECTED) {
            // 裁定驳回 → re-mediate (民事诉讼法 第206条): the agreement no longer stands
            this.agreementEffectiveAt = null;
            startPeriod(newDueAt, newWarningAt);
            this.status = DisputeStatus.IN_MEDIATION;
        } else {
            this.status = DisputeStatus.PERFORMANCE_MONITORING;
        }
    }

    void recordPerformance(PerformanceStatus performance) {
        expect("performance", DisputeStatus.PERFORMANCE_MONITORING);
        this.performanceStatus = performance;
        if (performance != PerformanceStatus.PARTIAL) {
            this.status = DisputeStatus.RETURN_VISIT;
        }
    }

    void returnVisited(Satisfaction satisfaction, PerformanceStatus performance, OffsetDateTime now) {
        expect("return-visit", DisputeStatus.RETURN_VISIT, DisputeStatus.TERMINATED_NO_AGREEMENT);
        this.satisfaction = satisfaction;
        if (performance != null) {
            this.performanceStatus = performance;
        }
        if (satisfaction == Satisfaction.DISSATISFIED) {
            this.status = DisputeStatus.SUPERVISOR_REVIEW;
        } else {
            close(now);
        }
    }

    void reviewed(ReviewDecision decision, OffsetDateTime now, OffsetDateTime newDueAt, OffsetDateTime newWarningAt) {
        expect("review", DisputeStatus.SUPERVISOR_REVIEW);
        if (decision == ReviewDecision.REOPEN) {
            this.agreementEffectiveAt = null;
            this.satisfaction = null;
            this.outcome = null;
            startPeriod(newDueAt, newWarningAt);
            this.status = DisputeStatus.IN_MEDIATION;
        } else {
            close(now);
        }
    }

    void closeTerminated(OffsetDateTime now) {
        expect("closure", DisputeStatus.TERMINATED_NO_AGREEMENT);
        close(now);
    }

    private void close(OffsetDateTime now) {
        this.outcome = successOrFailure();
        this.closedAt = now;
        this.status = DisputeStatus.CLOSED;
    }

    /** Outcome of a mediated case from its record: agreement form, or why it failed. */
    Outcome successOrFailure() {
        if (agreementEffectiveAt != null) {
            return agreementForm == AgreementForm.ORAL ? Outcome.SUCCESS_ORAL : Outcome.SUCCESS_WRITTEN;
        }
        if (respondentConsent == RespondentConsent.REFUSED || respondentConsent == RespondentConsent.UNREACHABLE) {
            return Outcome.REFUSED_BY_PARTY;
        }
        return Outcome.FAILED;
    }

    AgreementForm agreementForm;

    void archive(String volumeNo, int retentionYears, OffsetDateTime now) {
        expect("archive", DisputeStatus.CLOSED, DisputeStatus.REJECTED_NOT_ACCEPTED, DisputeStatus.TRANSFERRED_OUT);
        this.volumeNo = volumeNo;
        this.retentionYears = retentionYears;
        this.archivedAt = now;
        this.status = DisputeStatus.ARCHIVED;
    }

    void markWarned() {
        this.warnedDueAt = dueAt;
    }

    boolean alreadyWarnedForCurrentDeadline() {
        return dueAt != null && dueAt.equals(warnedDueAt);
    }

    void markOverdue() {
        this.overdue = true;
    }

    // --- reading -----------------------------------------------------------------------------

    /** Whether a mediation took place at all (consent given): decides the dossier's mandatory documents. */
    public boolean wasMediated() {
        return mediationStartedAt != null;
    }

    public boolean isMediator(String userId) {
        return mediatorIds.contains(userId);
    }

    public String id() { return id; }
    public String caseNo() { return caseNo; }
    public String title() { return title; }
    public String facts() { return facts; }
    public String claims() { return claims; }
    public DisputeCategory category() { return category; }
    public Channel channel() { return channel; }
    public String sourceRef() { return sourceRef; }
    public BigDecimal amountInvolved() { return amountInvolved; }
    public String centreId() { return centreId; }
    public DisputeStatus status() { return status; }
    public Outcome outcome() { return outcome; }
    public MediationType mediationType() { return mediationType; }
    public OrganisationLevel level() { return level; }
    public OrganisationLevel minLevel() { return minLevel; }
    public String orgId() { return orgId; }
    public AssignmentMode assignmentMode() { return assignmentMode; }
    public Complexity complexity() { return complexity; }
    public RiskLevel riskLevel() { return riskLevel; }
    public Integer timeLimitDays() { return timeLimitDays; }
    public TriageSuggestion suggestion() { return suggestion; }
    public NotAcceptReason notAcceptReason() { return notAcceptReason; }
    public String reasonText() { return reasonText; }
    public String transferTo() { return transferTo; }
    public RespondentConsent respondentConsent() { return respondentConsent; }
    public String presidingMediatorId() { return presidingMediatorId; }
    public List<String> mediatorIds() { return List.copyOf(mediatorIds); }
    public SelectedBy selectedBy() { return selectedBy; }
    public OffsetDateTime acceptanceDueAt() { return acceptanceDueAt; }
    public OffsetDateTime mediationStartedAt() { return mediationStartedAt; }
    public OffsetDateTime dueAt() { return dueAt; }
    public OffsetDateTime warningAt() { return warningAt; }
    public boolean overdue() { return overdue; }
    public OffsetDateTime agreementEffectiveAt() { return agreementEffectiveAt; }
    public AgreementForm agreementForm() { return agreementForm; }
    public PerformanceStatus performanceStatus() { return performanceStatus; }
    public Satisfaction satisfaction() { return satisfaction; }
    public OffsetDateTime closedAt() { return closedAt; }
    public OffsetDateTime archivedAt() { return archivedAt; }
    public OffsetDateTime materialsReturnDueAt() { return materialsReturnDueAt; }
    public OffsetDateTime materialsReturnedAt() { return materialsReturnedAt; }
    public OffsetDateTime riskReportDueAt() { return riskReportDueAt; }
    public OffsetDateTime courtAcceptedAt() { return courtAcceptedAt; }
    public OffsetDateTime courtReviewExtendedAt() { return courtReviewExtendedAt; }
    public String volumeNo() { return volumeNo; }
    public Integer retentionYears() { return retentionYears; }
    public String processInstanceId() { return processInstanceId; }
    public int version() { return version; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
    public List<Party> parties() { return List.copyOf(parties); }
}
