package org.fengqiao.dispute.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fengqiao.shared.web.TaskVariables;
import org.fengqiao.dispute.AgreementForm;
import org.fengqiao.dispute.AssignmentMode;
import org.fengqiao.dispute.Complexity;
import org.fengqiao.dispute.CourtResult;
import org.fengqiao.dispute.DisputeCommands;
import org.fengqiao.dispute.DocumentType;
import org.fengqiao.dispute.InformedRoute;
import org.fengqiao.dispute.MediationType;
import org.fengqiao.dispute.NotAcceptReason;
import org.fengqiao.dispute.PerformanceStatus;
import org.fengqiao.dispute.ReportedTo;
import org.fengqiao.dispute.RespondentConsent;
import org.fengqiao.dispute.ReviewDecision;
import org.fengqiao.dispute.RiskLevel;
import org.fengqiao.dispute.Satisfaction;
import org.fengqiao.dispute.SelectedBy;
import org.fengqiao.dispute.TriageDecision;
import org.fengqiao.organisation.OrganisationLevel;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Request bodies of the dispute API. JSON types and enum values are checked by Jackson (400); the
 * rules are checked by the domain (422). Each action body becomes the variables of the Camunda
 * task it completes, in the same shape a Tasklist form submits.
 */
final class DisputeRequests {

    private DisputeRequests() {
    }


    @Schema(description = "研判分流: ACCEPT needs mediationType, level, orgId, assignmentMode; NOT_ACCEPT needs reason; TRANSFER_OUT needs transferTo")
    record Triage(TriageDecision decision, MediationType mediationType, OrganisationLevel level, String orgId,
                  AssignmentMode assignmentMode, Complexity complexity, RiskLevel riskLevel, Integer dueInDays,
                  NotAcceptReason reason, String reasonText, String transferTo) {
        Map<String, Object> variables() {
            return TaskVariables.of("decision", decision, "mediationType", mediationType, "level", level,
                    "orgId", orgId, "assignmentMode", assignmentMode, "complexity", complexity, "riskLevel", riskLevel,
                    "dueInDays", dueInDays, "reason", reason, "reasonText", reasonText, "transferTo", transferTo);
        }
    }

    record Acceptance(Boolean accepted, String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("accepted", accepted, "reason", reason);
        }
    }

    record Consent(RespondentConsent respondentConsent, String notes) {
        Map<String, Object> variables() {
            return TaskVariables.of("respondentConsent", respondentConsent, "notes", notes);
        }
    }

    @Schema(description = "指定/选定调解员: selectedBy ORG (designated), PARTIES (chosen by the parties from the "
            + "organisation's mediators) or COURT (court-referred mediation only). For court-referred mediation "
            + "materialsReceivedAt (optional, default now, not in the future) is when the court's materials were signed for: "
            + "the 30 / 15 days run from then (D8)")
    record Mediators(String presidingMediatorId, List<String> mediatorIds, SelectedBy selectedBy,
                     OffsetDateTime materialsReceivedAt) {
        Map<String, Object> variables() {
            return TaskVariables.of("presidingMediatorId", presidingMediatorId, "mediatorIds", mediatorIds,
                    "selectedBy", selectedBy, "materialsReceivedAt", materialsReceivedAt);
        }
    }

    @Schema(description = "回避: the presiding mediator is replaced by replacementMediatorId")
    record Recusal(String requestedBy, String grounds, String replacementMediatorId) {
        Map<String, Object> variables() {
            return TaskVariables.of("requestedBy", requestedBy, "grounds", grounds,
                    "replacementMediatorId", replacementMediatorId);
        }
    }

    record Session(OffsetDateTime heldAt, String place, String minutes, Boolean rightsNoticeDelivered) {
        Map<String, Object> variables() {
            return TaskVariables.of("heldAt", heldAt, "place", place, "minutes", minutes,
                    "rightsNoticeDelivered", rightsNoticeDelivered);
        }
    }

    record Extension(Integer extraDays, Boolean allPartiesConsent, String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("extraDays", extraDays, "allPartiesConsent", allPartiesConsent, "reason", reason);
        }
    }

    record Escalation(OrganisationLevel toLevel, String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("toLevel", toLevel, "reason", reason);
        }
    }

    @Schema(description = "调解协议 (needs a rights notice delivered first, D5). WRITTEN: signedBy (every party's name), "
            + "sealed true and signedAt (the last signature, not in the future) are required and the agreement takes "
            + "effect at signedAt (D10). ORAL: effectiveAt (optional, default now) is when it was reached (D11)")
    record Agreement(AgreementForm form, String terms, LocalDate performanceDeadline, BigDecimal amount,
                     OffsetDateTime effectiveAt, List<String> signedBy, Boolean sealed, OffsetDateTime signedAt) {
        Map<String, Object> variables() {
            return TaskVariables.of("form", form, "terms", terms, "performanceDeadline", performanceDeadline,
                    "amount", amount, "effectiveAt", effectiveAt, "signedBy", signedBy, "sealed", sealed,
                    "signedAt", signedAt);
        }
    }

    record Termination(String reason, List<InformedRoute> routesInformed) {
        Map<String, Object> variables() {
            return TaskVariables.of("reason", reason, "routesInformed", routesInformed);
        }
    }

    @Schema(description = "司法确认申请: applicants are the names of all parties (joint application, D12)")
    record JudicialConfirmation(String court, OffsetDateTime filedAt, List<String> applicants) {
        Map<String, Object> variables() {
            return TaskVariables.of("court", court, "filedAt", filedAt, "applicants", applicants);
        }
    }

    @Schema(description = "法院受理司法确认申请 (D13): when the court accepted it and its case number")
    record CourtAcceptance(OffsetDateTime acceptedAt, String courtCaseNo) {
        Map<String, Object> variables() {
            return TaskVariables.of("acceptedAt", acceptedAt, "courtCaseNo", courtCaseNo);
        }
    }

    @Schema(description = "经院长批准延长审查期限 (D13): by the configured 10 days, once; reason required")
    record CourtExtension(String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("reason", reason);
        }
    }

    record CourtDecision(CourtResult result, String notes) {
        Map<String, Object> variables() {
            return TaskVariables.of("result", result, "notes", notes);
        }
    }

    record Performance(PerformanceStatus status, String evidence) {
        Map<String, Object> variables() {
            return TaskVariables.of("status", status, "evidence", evidence);
        }
    }

    record ReturnVisit(Satisfaction satisfaction, PerformanceStatus performanceStatus, String notes) {
        Map<String, Object> variables() {
            return TaskVariables.of("satisfaction", satisfaction, "performanceStatus", performanceStatus,
                    "notes", notes);
        }
    }

    record Review(ReviewDecision decision, String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("decision", decision, "reason", reason);
        }
    }

    record Closure(String notes) {
        Map<String, Object> variables() {
            return TaskVariables.of("notes", notes);
        }
    }

    record Archive(String volumeNo, Integer retentionYears) {
        Map<String, Object> variables() {
            return TaskVariables.of("volumeNo", volumeNo, "retentionYears", retentionYears);
        }
    }

    record Document(DocumentType type, String title, String fileName, String contentBase64) {
    }

    @Schema(description = "当事人撤回申请 (D2), before IN_MEDIATION: requestedBy is the withdrawing party's name")
    record Withdrawal(String requestedBy, String reason) {
        Map<String, Object> variables() {
            return TaskVariables.of("requestedBy", requestedBy, "reason", reason);
        }
    }

    @Schema(description = "退回法院材料 (D20): a court-referred case that ended without agreement hands the court's materials back")
    record MaterialsReturn(OffsetDateTime returnedAt, String receivedBy, String notes) {
        Map<String, Object> variables() {
            return TaskVariables.of("returnedAt", returnedAt, "receivedBy", receivedBy, "notes", notes);
        }
    }

    @Schema(description = "报告激化风险 (D18), any open status: opens a report step with its own deadline")
    record RiskReport(RiskLevel riskLevel, ReportedTo reportedTo, String description) {
        Map<String, Object> variables() {
            return TaskVariables.of("riskLevel", riskLevel, "reportedTo", reportedTo, "description", description);
        }
    }

    @Schema(description = "风险报告已送达 (D18): completes the report step")
    record RiskReportDelivery(OffsetDateTime deliveredAt, String receivedBy, String notes) {
        Map<String, Object> variables() {
            return TaskVariables.of("deliveredAt", deliveredAt, "receivedBy", receivedBy, "notes", notes);
        }
    }
}
