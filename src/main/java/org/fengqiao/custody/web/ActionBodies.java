package org.fengqiao.custody.web;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fengqiao.custody.DisposalType;
import org.fengqiao.custody.InspectionResult;
import org.fengqiao.custody.ReturnCondition;
import org.fengqiao.custody.TransferMode;

/**
 * Request bodies of the item actions. Typed, so that a wrong JSON type or an unknown enum value is
 * a 400 before anything else; the values then travel as plain process variables (strings,
 * booleans) — the same shape a Camunda Form submits in the Tasklist.
 */
final class ActionBodies {

    record Handover(String centreId) {
        Map<String, Object> variables() { return vars("centreId", centreId); }
    }

    record Inspection(InspectionResult result, String zoneId, String location, String condition,
                      String depositSlipNo) {
        Map<String, Object> variables() {
            return vars("result", result, "zoneId", zoneId, "location", location, "condition", condition,
                    "depositSlipNo", depositSlipNo);
        }
    }

    record LoanRequest(String reason, OffsetDateTime plannedReturnAt) {
        Map<String, Object> variables() { return vars("reason", reason, "plannedReturnAt", plannedReturnAt); }
    }

    record Approval(Boolean approved, String reason) {
        Map<String, Object> variables() { return vars("approved", approved, "reason", reason); }
    }

    record LoanReturn(ReturnCondition condition, String notes) {
        Map<String, Object> variables() { return vars("condition", condition, "notes", notes); }
    }

    record Transfer(String toAgencyId, TransferMode mode) {
        Map<String, Object> variables() { return vars("toAgencyId", toAgencyId, "mode", mode); }
    }

    record TransferReceipt(String notes) {
        Map<String, Object> variables() { return vars("notes", notes); }
    }

    record RemoteDisplay(String requestingAgencyId, OffsetDateTime scheduledAt, String recordingHash) {
        Map<String, Object> variables() {
            return vars("requestingAgencyId", requestingAgencyId, "scheduledAt", scheduledAt, "recordingHash", recordingHash);
        }
    }

    record DisposalRequest(DisposalType disposalType, String legalBasisDocNo, java.time.LocalDate noticePublishedOn,
                           RightHolderConsent rightHolderConsent) {
        Map<String, Object> variables() {
            RightHolderConsent c = rightHolderConsent == null ? new RightHolderConsent(null, null, null, null, null)
                    : rightHolderConsent;
            return vars("disposalType", disposalType, "legalBasisDocNo", legalBasisDocNo, "noticePublishedOn",
                    noticePublishedOn == null ? null : noticePublishedOn.toString(), "consentName", c.name(),
                    "consentIdNumber", c.idNumber(), "consentMethod", c.method(), "consentDocumentNo", c.documentNo(),
                    "consentedAt", c.consentedAt());
        }
    }

    /**
     * C13: the right-holder's consent to (or application for) an early disposal — who ({@code name},
     * {@code idNumber}: the owner's when the owner is on record), how ({@code method}, the consent's
     * {@code documentNo}) and when ({@code consentedAt}). Required for {@code EARLY_DISPOSAL_SALE}
     * outside administrative cases.
     */
    record RightHolderConsent(String name, String idNumber, org.fengqiao.custody.ConsentMethod method, String documentNo,
                              OffsetDateTime consentedAt) {
    }

    /** C1: property disposed of within 24 h of the seizure, so not handed over (department head). */
    record HandoverDisposal(DisposalType disposalType, OffsetDateTime disposedAt, String documentNo, String description) {
        Map<String, Object> variables() {
            return vars("disposalType", disposalType, "disposedAt", disposedAt, "documentNo", documentNo,
                    "description", description);
        }
    }

    /** C5: an appraisal whose time the administrative measure's period does not count. */
    record MeasureAppraisal(org.fengqiao.custody.AppraisalKind kind, OffsetDateTime startedAt, OffsetDateTime endedAt,
                            String appraiser, String reason) {
        Map<String, Object> variables() {
            return vars("kind", kind, "startedAt", startedAt, "endedAt", endedAt, "appraiser", appraiser,
                    "reason", reason);
        }
    }

    /** C7: the court's effective judgment or ruling arrived at the seizing organ. */
    record JudgmentDelivery(OffsetDateTime deliveredAt, String documentNo) {
        Map<String, Object> variables() { return vars("deliveredAt", deliveredAt, "documentNo", documentNo); }
    }

    /** C5: extension of an administrative measure by the agency's head. */
    record MeasureExtension(String reason) {
        Map<String, Object> variables() { return vars("reason", reason); }
    }

    /** C6: 调用延期 by the department head. */
    record LoanExtension(OffsetDateTime plannedReturnAt, String reason) {
        Map<String, Object> variables() { return vars("plannedReturnAt", plannedReturnAt, "reason", reason); }
    }

    /** C1: the hand-over clock starts again (remote extraction, urgent appraisal). */
    record HandoverDeferral(org.fengqiao.custody.HandoverException exception, OffsetDateTime clockFrom, String reason) {
        Map<String, Object> variables() { return vars("exception", exception, "clockFrom", clockFrom, "reason", reason); }
    }

    /** C10: refund from the treasury of unclaimed property whose owner's claim was verified. */
    record Refund(String legalBasisDocNo, String receiptNo, Recipient recipient) {
        Map<String, Object> variables() {
            Recipient r = recipient == null ? new Recipient(null, null, null, null) : recipient;
            return vars("legalBasisDocNo", legalBasisDocNo, "receiptNo", receiptNo, "recipientName", r.name(),
                    "recipientIdNumber", r.idNumber(), "recipientRelation", r.relation(),
                    "recipientAuthorisationDocNo", r.authorisationDocNo());
        }
    }

    /** C15: who takes a returned item — the owner, or an agent with a written authorisation. */
    record Recipient(String name, String idNumber, RecipientRelation relation, String authorisationDocNo) {
    }

    enum RecipientRelation { OWNER, AGENT }

    record DisposalExecution(List<String> executedBy, String receiptNo, Recipient recipient) {
        Map<String, Object> variables() {
            Recipient r = recipient == null ? new Recipient(null, null, null, null) : recipient;
            return vars("executedBy", executedBy == null ? null : String.join(",", executedBy.stream()
                            .map(s -> s == null ? "" : s).toList()),
                    "receiptNo", receiptNo, "recipientName", r.name(), "recipientIdNumber", r.idNumber(),
                    "recipientRelation", r.relation(), "recipientAuthorisationDocNo", r.authorisationDocNo());
        }
    }

    record NewInventory(String zoneId, String caseId) {
    }

    record InventoryCount(List<String> foundItemNos) {
    }

    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value instanceof Enum<?> e) {
                value = e.name();
            } else if (value instanceof OffsetDateTime t) {
                value = t.toString();
            }
            if (value != null) {
                map.put((String) pairs[i], value);
            }
        }
        return map;
    }

    private ActionBodies() {
    }
}
