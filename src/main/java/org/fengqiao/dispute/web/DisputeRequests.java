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

    record Mediators(String presidingMediatorId, List<String> mediatorIds, SelectedBy selectedBy) {
        Map<String, Object> variables() {
            return TaskVariables.of("presidingMediatorId", presidingMediatorId, "mediatorIds", mediatorIds,
                    "selectedBy", selectedBy);
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

    @Schema(description = "调解协议: effectiveAt (optional, default now) is when the last signature / the oral agreement was made")
    record Agreement(AgreementForm form, String terms, LocalDate performanceDeadline, BigDecimal amount,
                     OffsetDateTime effectiveAt) {
        Map<String, Object> variables() {
            return TaskVariables.of("form", form, "terms", terms, "performanceDeadline", performanceDeadline,
                    "amount", amount, "effectiveAt", effectiveAt);
        }
    }

    record Termination(String reason, List<InformedRoute> routesInformed) {
        Map<String, Object> variables() {
            return TaskVariables.of("reason", reason, "routesInformed", routesInformed);
        }
    }

    record JudicialConfirmation(String court, OffsetDateTime filedAt) {
        Map<String, Object> variables() {
            return TaskVariables.of("court", court, "filedAt", filedAt);
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
}
