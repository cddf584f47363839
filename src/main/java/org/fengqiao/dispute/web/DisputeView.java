package org.fengqiao.dispute.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.fengqiao.dispute.AgreementForm;
import org.fengqiao.dispute.AssignmentMode;
import org.fengqiao.dispute.Channel;
import org.fengqiao.dispute.Complexity;
import org.fengqiao.dispute.CourtResult;
import org.fengqiao.dispute.DisputeCase;
import org.fengqiao.dispute.DisputeCategory;
import org.fengqiao.dispute.DisputeRecords;
import org.fengqiao.dispute.DisputeStatus;
import org.fengqiao.dispute.MediationType;
import org.fengqiao.dispute.NotAcceptReason;
import org.fengqiao.dispute.Outcome;
import org.fengqiao.dispute.Party;
import org.fengqiao.dispute.PartyRole;
import org.fengqiao.dispute.PartyType;
import org.fengqiao.dispute.PerformanceStatus;
import org.fengqiao.dispute.RespondentConsent;
import org.fengqiao.dispute.RiskLevel;
import org.fengqiao.dispute.Satisfaction;
import org.fengqiao.dispute.SelectedBy;
import org.fengqiao.dispute.TriageSuggestion;
import org.fengqiao.organisation.OrganisationLevel;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The dispute representation: the case's record plus what the caller may do now. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record DisputeView(String id, String caseNo, String title, String facts, String claims, DisputeCategory category,
                   Channel channel, String sourceRef, BigDecimal amountInvolved, String centreId, DisputeStatus status,
                   String statusLabel, Outcome outcome, MediationType mediationType, OrganisationLevel level,
                   String orgId, AssignmentMode assignmentMode, Complexity complexity, RiskLevel riskLevel,
                   Integer timeLimitDays, TriageSuggestion triageSuggestion, NotAcceptReason notAcceptReason,
                   String reasonText, String transferTo, RespondentConsent respondentConsent,
                   String presidingMediatorId, List<String> mediatorIds, SelectedBy selectedBy,
                   OffsetDateTime acceptanceDueAt, OffsetDateTime mediationStartedAt, OffsetDateTime dueAt,
                   LocalDate dueDate, boolean overdue, OffsetDateTime agreementEffectiveAt, AgreementView agreement,
                   ConfirmationView judicialConfirmation, PerformanceStatus performanceStatus,
                   Satisfaction satisfaction, OffsetDateTime closedAt, OffsetDateTime archivedAt, String volumeNo,
                   Integer retentionYears, List<PartyView> parties, String processInstanceId,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt, List<String> allowedActions,
                   List<String> provisionalDeadlines, OffsetDateTime materialsReturnDueAt,
                   OffsetDateTime materialsReturnedAt, OffsetDateTime riskReportDueAt) {

    record PartyView(PartyRole role, PartyType type, String name, String idNumber, String phone, String address) {
        static PartyView of(Party p) {
            return new PartyView(p.role(), p.type(), p.name(), p.idNumber(), p.phone(), p.address());
        }
    }

    record AgreementView(AgreementForm form, String terms, LocalDate performanceDeadline, BigDecimal amount,
                         OffsetDateTime effectiveAt, List<String> signedBy, Boolean sealed, OffsetDateTime signedAt) {
    }

    /**
     * D13: {@code acceptanceDueAt} (3 days from filing) while the court's acceptance is not recorded;
     * {@code reviewDueAt} 15 days from {@code acceptedAt}; {@code extendedReviewDueAt} 10 more once the
     * president's extension is recorded ({@code extendedAt}).
     */
    record ConfirmationView(String court, OffsetDateTime filedAt, OffsetDateTime reviewDueAt, CourtResult result,
                            OffsetDateTime decidedAt, List<String> applicants, OffsetDateTime acceptanceDueAt,
                            OffsetDateTime acceptedAt, String courtCaseNo, OffsetDateTime extendedAt,
                            String extensionReason, OffsetDateTime extendedReviewDueAt) {
    }

    /**
     * @param provisional whether a deadline rests on a year whose holiday notice is not entered yet
     */
    static DisputeView of(DisputeCase c, DisputeRecords records, org.fengqiao.dispute.DisputeDeadlines deadlines,
                          List<String> allowedActions, boolean detailed, Predicate<OffsetDateTime> provisional) {
        AgreementView agreement = detailed ? records.currentAgreement(c.id())
                .map(a -> new AgreementView(a.form(), a.terms(), a.performanceDeadline(), a.amount(), a.effectiveAt(),
                        a.signedBy(), a.sealed(), a.signedAt()))
                .orElse(null) : null;
        ConfirmationView confirmation = detailed ? records.latestConfirmation(c.id())
                .map(r -> new ConfirmationView(r.court(), r.filedAt(), r.reviewDueAt(), r.result(), r.decidedAt(),
                        r.applicants(), r.result() == null ? deadlines.courtAcceptanceDueAt(c) : null, r.acceptedAt(),
                        r.courtCaseNo(), r.extendedAt(), r.extensionReason(),
                        r.result() == null ? deadlines.courtReviewExtendedDueAt(c) : null))
                .orElse(null) : null;
        return new DisputeView(c.id(), c.caseNo(), c.title(), c.facts(), c.claims(), c.category(), c.channel(),
                c.sourceRef(), c.amountInvolved(), c.centreId(), c.status(), c.status().label(), c.outcome(),
                c.mediationType(), c.level(), c.orgId(), c.assignmentMode(), c.complexity(), c.riskLevel(),
                c.timeLimitDays(), c.suggestion(), c.notAcceptReason(), c.reasonText(), c.transferTo(),
                c.respondentConsent(), c.presidingMediatorId(), c.mediatorIds(), c.selectedBy(), c.acceptanceDueAt(),
                c.mediationStartedAt(), c.dueAt(), c.dueAt() == null ? null : c.dueAt().toLocalDate(), c.overdue(),
                c.agreementEffectiveAt(), agreement, confirmation, c.performanceStatus(), c.satisfaction(),
                c.closedAt(), c.archivedAt(), c.volumeNo(), c.retentionYears(),
                detailed ? c.parties().stream().map(PartyView::of).toList() : null, c.processInstanceId(),
                c.createdAt(), c.updatedAt(), allowedActions, provisionalDeadlines(c, confirmation, provisional),
                c.materialsReturnDueAt(), c.materialsReturnedAt(), c.riskReportDueAt());
    }

    /** The deadline fields of an open case computed on a provisional year (contract: provisionalDeadlines). */
    private static List<String> provisionalDeadlines(DisputeCase c, ConfirmationView confirmation,
                                                     Predicate<OffsetDateTime> provisional) {
        List<String> fields = new ArrayList<>();
        if (c.closedAt() != null) {
            return fields;
        }
        if (c.status() == DisputeStatus.ASSIGNED_PENDING_ACCEPT && c.acceptanceDueAt() != null
                && provisional.test(c.acceptanceDueAt())) {
            fields.add("acceptanceDueAt");
        }
        if (c.status() == DisputeStatus.IN_MEDIATION && c.dueAt() != null && provisional.test(c.dueAt())) {
            fields.add("dueAt");
        }
        if (c.materialsReturnPending() && provisional.test(c.materialsReturnDueAt())) {
            fields.add("materialsReturnDueAt");
        }
        if (c.riskReportDueAt() != null && provisional.test(c.riskReportDueAt())) {
            fields.add("riskReportDueAt");
        }
        if (confirmation != null && confirmation.decidedAt() == null && confirmation.reviewDueAt() != null
                && provisional.test(confirmation.reviewDueAt())) {
            fields.add("judicialConfirmation.reviewDueAt");
        }
        return fields;
    }
}
