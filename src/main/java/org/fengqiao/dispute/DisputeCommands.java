package org.fengqiao.dispute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.fengqiao.organisation.OrganisationLevel;
import org.fengqiao.shared.Text;
import org.fengqiao.shared.Validation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a person submits at each step. The REST facade and the Tasklist form produce the same
 * command from the same variables; the domain validates it.
 */
public final class DisputeCommands {

    private DisputeCommands() {
    }

    public record PartyInput(@NotNull(message = Validation.REQUIRED) PartyRole role,
                             @NotNull(message = Validation.REQUIRED) PartyType type,
                             @NotBlank(message = Validation.REQUIRED) @Text(max = Validation.NAME_MAX) String name,
                             @Text(max = 50) String idNumber, @Text(max = 50) String phone,
                             @Text(max = 500) String address) {
    }

    /**
     * Registration. Constraints on single fields are declared here (and shown in the OpenAPI
     * document); the rules across fields and against the organisation tree (a centre the caller
     * belongs to, an APPLICANT and a RESPONDENT, money) stay in {@code DisputeManagement.register}.
     */
    public record Registration(@NotBlank(message = Validation.REQUIRED) @Text(max = Validation.TITLE_MAX) String title,
                               @Text(max = Validation.TEXT_MAX) String facts,
                               @Text(max = Validation.TEXT_MAX) String claims,
                               @NotNull(message = Validation.REQUIRED) DisputeCategory category,
                               @NotNull(message = Validation.REQUIRED) Channel channel,
                               @Text(max = Validation.TITLE_MAX) String sourceRef,
                               BigDecimal amountInvolved,
                               @NotBlank(message = Validation.REQUIRED) String centreId,
                               @Size(max = 500, message = "当事人过多 (at most 500)") List<@Valid PartyInput> parties) {
    }

    public record Triage(TriageDecision decision, MediationType mediationType, OrganisationLevel level, String orgId,
                         AssignmentMode assignmentMode, Complexity complexity, RiskLevel riskLevel, Integer dueInDays,
                         NotAcceptReason reason, String reasonText, String transferTo) {
    }

    public record Acceptance(Boolean accepted, String reason) {
    }

    public record Consent(RespondentConsent respondentConsent, String notes) {
    }

    /**
     * {@code materialsReceivedAt}: when the mediator signed for the court's materials; the period of
     * court-referred mediation runs from then (特邀调解规定 第27条, rule D8). Defaults to now.
     */
    public record Mediators(String presidingMediatorId, List<String> mediatorIds, SelectedBy selectedBy,
                            OffsetDateTime materialsReceivedAt) {
    }

    public record Recusal(String requestedBy, String grounds, String replacementMediatorId) {
    }

    public record Session(OffsetDateTime heldAt, String place, String minutes, Boolean rightsNoticeDelivered) {
    }

    public record Extension(Integer extraDays, Boolean allPartiesConsent, String reason) {
    }

    public record Escalation(OrganisationLevel toLevel, String reason) {
    }

    /**
     * {@code signedBy}, {@code sealed} and {@code signedAt} are required for a WRITTEN agreement
     * (人民调解法 第29条, rule D10); {@code effectiveAt} is when an ORAL agreement was reached (D11).
     */
    public record Agreement(AgreementForm form, String terms, LocalDate performanceDeadline, BigDecimal amount,
                            OffsetDateTime effectiveAt, List<String> signedBy, Boolean sealed, OffsetDateTime signedAt) {
    }

    public record Termination(String reason, List<InformedRoute> routesInformed) {
    }

    /** {@code applicants}: every party of the case, a joint application (人民调解法 第33条, rule D12). */
    public record JudicialConfirmation(String court, OffsetDateTime filedAt, List<String> applicants) {
    }

    /** D13: when the court accepted the application and under which case number (司法确认规定 第4条). */
    public record CourtAcceptance(OffsetDateTime acceptedAt, String courtCaseNo) {
    }

    /** D13: the court president approved extending the review (by the configured 10 days, once; 第5条). */
    public record CourtExtension(String reason) {
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

    /** D2: {@code requestedBy} is the name of the party who withdraws. */
    public record Withdrawal(String requestedBy, String reason) {
    }

    /** D20: the court's materials handed back, signed for by {@code receivedBy}. */
    public record MaterialsReturn(OffsetDateTime returnedAt, String receivedBy, String notes) {
    }

    /** D18: a risk of intensification reported to an authority. */
    public record RiskReport(RiskLevel riskLevel, ReportedTo reportedTo, String description) {
    }

    /** D18: the report step done: when and to whom the report was delivered. */
    public record RiskReportDelivery(OffsetDateTime deliveredAt, String receivedBy, String notes) {
    }
}
