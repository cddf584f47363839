package org.fengqiao.dispute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.fengqiao.organisation.OrganisationLevel;

/**
 * What a person submits at each step. The REST facade and the Tasklist form produce the same
 * command from the same variables; the domain validates it.
 */
public final class DisputeCommands {

    private DisputeCommands() {
    }

    public record PartyInput(PartyRole role, PartyType type, String name, String idNumber, String phone, String address) {
    }

    public record Registration(String title, String facts, String claims, DisputeCategory category, Channel channel,
                               String sourceRef, BigDecimal amountInvolved, String centreId, List<PartyInput> parties) {
    }

    public record Triage(TriageDecision decision, MediationType mediationType, OrganisationLevel level, String orgId,
                         AssignmentMode assignmentMode, Complexity complexity, RiskLevel riskLevel, Integer dueInDays,
                         NotAcceptReason reason, String reasonText, String transferTo) {
    }

    public record Acceptance(Boolean accepted, String reason) {
    }

    public record Consent(RespondentConsent respondentConsent, String notes) {
    }

    public record Mediators(String presidingMediatorId, List<String> mediatorIds, SelectedBy selectedBy) {
    }

    public record Recusal(String requestedBy, String grounds, String replacementMediatorId) {
    }

    public record Session(OffsetDateTime heldAt, String place, String minutes, Boolean rightsNoticeDelivered) {
    }

    public record Extension(Integer extraDays, Boolean allPartiesConsent, String reason) {
    }

    public record Escalation(OrganisationLevel toLevel, String reason) {
    }

    public record Agreement(AgreementForm form, String terms, LocalDate performanceDeadline, BigDecimal amount,
                            OffsetDateTime effectiveAt) {
    }

    public record Termination(String reason, List<InformedRoute> routesInformed) {
    }

    public record JudicialConfirmation(String court, OffsetDateTime filedAt) {
    }

    public record CourtDecision(CourtResult result, String notes) {
    }

    public record Performance(PerformanceStatus status, String evidence) {
    }

    public record ReturnVisit(Satisfaction satisfaction, PerformanceStatus performanceStatus, String notes) {
    }

    public record Review(ReviewDecision decision, String reason) {
    }

    public record Closure(String notes) {
    }

    public record Archive(String volumeNo, Integer retentionYears) {
    }
}
