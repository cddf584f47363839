package org.fengqiao.custody;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fengqiao.shared.IllegalTransitionException;

/**
 * A seized item (一物一码), a long-lived record whose status follows state machine C. Every
 * transition checks the current status first and answers with the {@link Change} that the ledger
 * records; nothing else changes {@code status}.
 */
public class PropertyItem {

    /** One change of the item, as the ledger records it. */
    public record Change(LedgerEventType eventType, ItemStatus from, ItemStatus to, Map<String, Object> details) {
    }

    String id;
    String itemNo;
    String caseId;
    String name;
    PropertyCategory category;
    BigDecimal quantity;
    String unit;
    Measure measure;
    BigDecimal valuation;
    boolean evidenceUse;
    String description;
    ItemStatus status;
    String handlingScope;
    String controllingAgencyId;
    String controllingScope;
    OffsetDateTime handoverDueAt;
    String handoverCentreId;
    String zoneId;
    String location;
    String condition;
    String loanRequestedBy;
    String loanReason;
    OffsetDateTime plannedReturnAt;
    String loanApproverGroup;
    String loanApprovedBy;
    String transferToAgencyId;
    String transferToScope;
    TransferMode transferMode;
    DisposalType disposalType;
    String legalBasisDocNo;
    String disposalRequestedBy;
    String disposalApproverRole;
    String disposalApproverGroup;
    String disposalApprovalLevel;
    String disposalApprovedBy;
    OffsetDateTime disposalDueAt;
    String disposalApproverRoles;
    boolean held = true;
    OffsetDateTime seizedAt;
    OffsetDateTime registrationDueAt;
    String source;
    String ownerName;
    String ownerIdNumber;
    java.util.List<String> sealedBy = java.util.List.of();
    java.util.List<String> photoHashes = java.util.List.of();
    OffsetDateTime refundedAt;
    OffsetDateTime handoverClockFrom;
    HandoverException handoverException;
    OffsetDateTime measureDueAt;
    String measureExtendedBy;
    /** C5: total length of the recorded appraisals, not counted in the administrative measure's period */
    long measureSuspendedSeconds;
    /** C13: the right-holder's consent to (or application for) an early disposal */
    String consentName;
    String consentIdNumber;
    String consentMethod;
    String consentDocumentNo;
    OffsetDateTime consentedAt;
    OffsetDateTime createdAt;
    OffsetDateTime updatedAt;
    int version;

    PropertyItem() {
    }

    // --- transitions -------------------------------------------------------------------------

    Change register(boolean held) {
        ItemStatus to = held ? ItemStatus.PENDING_HANDOVER : ItemStatus.REGISTERED_NOT_HELD;
        this.held = held;
        this.status = to;
        return new Change(LedgerEventType.REGISTER, null, to, details(
                "itemNo", itemNo, "caseId", caseId, "name", name, "category", category, "quantity", quantity,
                "unit", unit, "measure", measure, "valuation", valuation, "evidenceUse", evidenceUse,
                "source", source, "seizedAt", seizedAt, "ownerName", ownerName, "ownerIdNumber", ownerIdNumber,
                "sealedBy", sealedBy.isEmpty() ? null : sealedBy, "photoHashes", photoHashes.isEmpty() ? null : photoHashes,
                "controllingAgencyId", controllingAgencyId, "handoverDueAt", handoverDueAt,
                "registrationDueAt", registrationDueAt, "measureDueAt", measureDueAt));
    }

    /** Where the item rests between operations: in storage, or registered only (C2). */
    ItemStatus restingStatus() {
        return held ? ItemStatus.IN_STORAGE : ItemStatus.REGISTERED_NOT_HELD;
    }

    Change handOver(String centreId) {
        ItemStatus from = require("handover", ItemStatus.PENDING_HANDOVER);
        this.handoverCentreId = centreId;
        this.status = ItemStatus.HANDOVER_INSPECTION;
        return new Change(LedgerEventType.HANDOVER_IN, from, status, details("centreId", centreId));
    }

    /** C1: the hand-over clock starts again from {@code clockFrom} (return from afar, appraisal done). */
    Change deferHandover(HandoverException exception, OffsetDateTime clockFrom, OffsetDateTime due, String approvedBy,
                         String reason) {
        ItemStatus from = require("handover-deferral", ItemStatus.PENDING_HANDOVER);
        OffsetDateTime old = handoverDueAt;
        this.handoverException = exception;
        this.handoverClockFrom = clockFrom;
        this.handoverDueAt = due;
        return new Change(LedgerEventType.HANDOVER_DEFERRED, from, status, details("exception", exception,
                "clockFrom", clockFrom, "oldDueAt", old, "newDueAt", due, "approvedBy", approvedBy, "reason", reason));
    }

    /** C5: the agency's head extends the administrative measure once; its end moves. */
    Change extendMeasure(String approver, OffsetDateTime due, String reason) {
        if (measureDueAt == null || measureExtendedBy != null || status == ItemStatus.DISPOSED
                || status == ItemStatus.EXCEPTION_DAMAGED_OR_LOST) {
            throw IllegalTransitionException.of("measure-extension", status);
        }
        OffsetDateTime old = measureDueAt;
        this.measureDueAt = due;
        this.measureExtendedBy = approver;
        return new Change(LedgerEventType.MEASURE_EXTENDED, status, status, details("measure", measure,
                "oldDueAt", old, "newDueAt", due, "approvedBy", approver, "reason", reason));
    }

    /**
     * C5 (公安 S10 第112条): time spent on 检测、检验、检疫、技术鉴定 is not counted; the measure's end
     * moves by the appraisal's length.
     */
    Change recordMeasureAppraisal(AppraisalKind kind, OffsetDateTime startedAt, OffsetDateTime endedAt,
                                  OffsetDateTime due, String appraiser, String reason, String recordedBy) {
        if (measureDueAt == null || status == ItemStatus.DISPOSED || status == ItemStatus.EXCEPTION_DAMAGED_OR_LOST) {
            throw IllegalTransitionException.of("measure-appraisal", status);
        }
        OffsetDateTime old = measureDueAt;
        long seconds = java.time.Duration.between(startedAt, endedAt).getSeconds();
        this.measureSuspendedSeconds += seconds;
        this.measureDueAt = due;
        return new Change(LedgerEventType.MEASURE_APPRAISAL, status, status, details("kind", kind,
                "kindLabel", kind.label(), "startedAt", startedAt, "endedAt", endedAt,
                "excluded", java.time.Duration.ofSeconds(seconds).toString(),
                "excludedTotal", java.time.Duration.ofSeconds(measureSuspendedSeconds).toString(),
                "oldDueAt", old, "newDueAt", due, "appraiser", appraiser, "reason", reason, "recordedBy", recordedBy));
    }

    /**
     * C1 (公安 S10 第190条): property disposed of within 24 h of the seizure is not handed over; the
     * disposal papers go to the file. The department head approved it; the item ends DISPOSED.
     */
    Change disposeBeforeHandover(DisposalType type, OffsetDateTime disposedAt, String documentNo, String description,
                                 String approvedBy) {
        ItemStatus from = require("handover-disposal", ItemStatus.PENDING_HANDOVER);
        this.disposalType = type;
        this.legalBasisDocNo = documentNo;
        this.disposalRequestedBy = approvedBy;
        this.disposalApprovedBy = approvedBy;
        this.status = ItemStatus.DISPOSED;
        return new Change(LedgerEventType.DISPOSED_BEFORE_HANDOVER, from, status, details("disposalType", type,
                "disposedAt", disposedAt, "documentNo", documentNo, "description", description,
                "approvedBy", approvedBy, "seizedAt", seizedAt, "handoverDueAt", handoverDueAt));
    }

    /** C13: who consented to the early disposal, when and how (kept with the request, cleared on refusal). */
    void recordConsent(String name, String idNumber, String method, String documentNo, OffsetDateTime at) {
        this.consentName = name;
        this.consentIdNumber = idNumber;
        this.consentMethod = method;
        this.consentDocumentNo = documentNo;
        this.consentedAt = at;
    }

    private Map<String, Object> consentDetails() {
        return consentName == null ? null : details("name", consentName, "idNumber", consentIdNumber,
                "method", consentMethod, "documentNo", consentDocumentNo, "consentedAt", consentedAt);
    }

    /** C7 (最高法解释 第447条): the court's judgment arrived at the seizing organ; the status does not change. */
    Change judgmentDelivered(String documentNo, OffsetDateTime deliveredAt, OffsetDateTime dueAt) {
        return new Change(LedgerEventType.JUDGMENT_DELIVERED, status, status, details("documentNo", documentNo,
                "deliveredAt", deliveredAt, "dueAt", dueAt, "late", dueAt != null && deliveredAt.isAfter(dueAt)));
    }

    Change inspect(InspectionResult result, String zoneId, String location, String condition) {
        ItemStatus from = require("inspection", ItemStatus.HANDOVER_INSPECTION);
        this.condition = condition;
        if (result == InspectionResult.PASS) {
            this.zoneId = zoneId;
            this.location = location;
            this.status = ItemStatus.IN_STORAGE;
            return new Change(LedgerEventType.STORE, from, status,
                    details("result", result, "zoneId", zoneId, "location", location, "condition", condition));
        }
        this.status = ItemStatus.PENDING_HANDOVER;
        return new Change(LedgerEventType.INSPECT, from, status, details("result", result, "condition", condition));
    }

    /** C18: cash paid into the designated account; the account is its place from now on. */
    Change depositCash(String account, String depositSlipNo, String condition) {
        ItemStatus from = require("inspection", ItemStatus.HANDOVER_INSPECTION);
        this.condition = condition;
        this.zoneId = null;
        this.location = "账户 " + account + "，凭证 " + depositSlipNo;
        this.status = ItemStatus.IN_STORAGE;
        return new Change(LedgerEventType.STORE, from, status, details("result", InspectionResult.PASS,
                "depositedTo", account, "depositSlipNo", depositSlipNo, "location", location, "condition", condition));
    }

    Change requestLoan(String requester, String reason, OffsetDateTime plannedReturnAt, String approverGroup) {
        ItemStatus from = require("loan-request", ItemStatus.IN_STORAGE);
        this.loanRequestedBy = requester;
        this.loanReason = reason;
        this.plannedReturnAt = plannedReturnAt;
        this.loanApproverGroup = approverGroup;
        this.loanApprovedBy = null;
        this.status = ItemStatus.LOAN_REQUESTED;
        return new Change(LedgerEventType.LOAN_REQUEST, from, status,
                details("reason", reason, "plannedReturnAt", plannedReturnAt, "approverGroup", approverGroup));
    }

    Change decideLoan(String approver, boolean approved, String reason) {
        ItemStatus from = require("loan-approval", ItemStatus.LOAN_REQUESTED);
        if (approved) {
            this.loanApprovedBy = approver;
            this.status = ItemStatus.ON_LOAN;
            return new Change(LedgerEventType.LOAN_OUT, from, status, details("approved", true, "approvedBy", approver,
                    "requestedBy", loanRequestedBy, "plannedReturnAt", plannedReturnAt, "reason", reason));
        }
        this.status = ItemStatus.IN_STORAGE;
        Change change = new Change(LedgerEventType.LOAN_REJECTED, from, status,
                details("approved", false, "decidedBy", approver, "reason", reason));
        clearLoan();
        return change;
    }

    /** C6 (S21-2010 第11条): the department head extends the loan (调用延期); the return time moves. */
    Change extendLoan(String approver, OffsetDateTime newPlannedReturnAt, String reason) {
        ItemStatus from = require("loan-extension", ItemStatus.ON_LOAN);
        OffsetDateTime old = plannedReturnAt;
        this.plannedReturnAt = newPlannedReturnAt;
        return new Change(LedgerEventType.LOAN_EXTEND, from, status, details("oldPlannedReturnAt", old,
                "plannedReturnAt", newPlannedReturnAt, "approvedBy", approver, "borrower", loanRequestedBy, "reason", reason));
    }

    Change returnFromLoan(ReturnCondition returned, String notes) {
        ItemStatus from = require("loan-return", ItemStatus.ON_LOAN);
        this.status = returned == ReturnCondition.INTACT ? ItemStatus.IN_STORAGE : ItemStatus.EXCEPTION_DAMAGED_OR_LOST;
        this.condition = notes == null ? returned.name() : returned.name() + ": " + notes;
        Change change = new Change(LedgerEventType.LOAN_RETURN, from, status, details("condition", returned,
                "notes", notes, "borrower", loanRequestedBy, "plannedReturnAt", plannedReturnAt));
        clearLoan();
        return change;
    }

    private void clearLoan() {
        this.loanRequestedBy = null;
        this.loanReason = null;
        this.plannedReturnAt = null;
        this.loanApproverGroup = null;
        this.loanApprovedBy = null;
    }

    Change transfer(String toAgencyId, String toScope, TransferMode mode) {
        ItemStatus from = require("transfer", restingStatus());
        if (!held && mode != TransferMode.RECORD_ONLY) {
            throw IllegalTransitionException.of("transfer", status);
        }
        String previous = controllingAgencyId;
        if (mode == TransferMode.RECORD_ONLY) {
            this.controllingAgencyId = toAgencyId;
            this.controllingScope = toScope;
            return new Change(LedgerEventType.OWNERSHIP_TRANSFER_ONLY, from, status,
                    details("mode", mode, "fromAgencyId", previous, "toAgencyId", toAgencyId,
                            "evidenceList", evidenceList()));
        }
        this.transferToAgencyId = toAgencyId;
        this.transferToScope = toScope;
        this.transferMode = mode;
        this.status = ItemStatus.IN_TRANSFER;
        return new Change(LedgerEventType.TRANSFER_OUT, from, status,
                details("mode", mode, "fromAgencyId", previous, "toAgencyId", toAgencyId,
                        "evidenceList", evidenceList()));
    }

    /**
     * C16 (刑诉法 第245条): the list and the photos move with the case — for an item that does not
     * travel they are all the receiving agency gets. Part of every transfer's ledger entry.
     */
    Map<String, Object> evidenceList() {
        return details("itemNo", itemNo, "name", name, "category", category, "quantity", quantity, "unit", unit,
                "evidenceUse", evidenceUse, "source", source, "held", held,
                "photoHashes", photoHashes.isEmpty() ? null : photoHashes,
                "sealedBy", sealedBy.isEmpty() ? null : sealedBy, "zoneId", zoneId, "location", location,
                "condition", condition);
    }

    Change receiveTransfer(String notes) {
        ItemStatus from = require("transfer-receipt", ItemStatus.IN_TRANSFER);
        String previous = controllingAgencyId;
        this.controllingAgencyId = transferToAgencyId;
        this.controllingScope = transferToScope;
        this.transferToAgencyId = null;
        this.transferToScope = null;
        this.transferMode = null;
        this.status = ItemStatus.IN_STORAGE;
        return new Change(LedgerEventType.TRANSFER_IN, from, status,
                details("fromAgencyId", previous, "toAgencyId", controllingAgencyId, "notes", notes));
    }

    Change recordRemoteDisplay(String requestingAgencyId, OffsetDateTime scheduledAt, String recordingHash) {
        ItemStatus from = require("remote-display", ItemStatus.IN_STORAGE);
        return new Change(LedgerEventType.REMOTE_DISPLAY, from, status, details("requestingAgencyId",
                requestingAgencyId, "scheduledAt", scheduledAt, "recordingHash", recordingHash,
                "zoneId", zoneId, "location", location, "note", "物品未离开保管区 (item did not leave its zone)"));
    }

    Change requestDisposal(String requester, DisposalType type, String legalBasisDocNo, String approverRole,
                           String approverRoles, String approverGroup, String approvalLevel, OffsetDateTime dueAt) {
        ItemStatus from = require("disposal-request", restingStatus());
        this.disposalApproverRoles = approverRoles;
        this.disposalType = type;
        this.legalBasisDocNo = legalBasisDocNo;
        this.disposalRequestedBy = requester;
        this.disposalApproverRole = approverRole;
        this.disposalApproverGroup = approverGroup;
        this.disposalApprovalLevel = approvalLevel;
        this.disposalApprovedBy = null;
        this.disposalDueAt = dueAt;
        this.status = ItemStatus.DISPOSAL_REQUESTED;
        return new Change(LedgerEventType.DISPOSAL_REQUEST, from, status, details("disposalType", type,
                "legalBasisDocNo", legalBasisDocNo, "approverRole", approverRole, "approverRoles", approverRoles,
                "approverGroup", approverGroup, "approvalLevel", approvalLevel,
                "dueAt", dueAt, "rightHolderConsent", consentDetails()));
    }

    Change decideDisposal(String approver, boolean approved, String reason) {
        ItemStatus from = require("disposal-approval", ItemStatus.DISPOSAL_REQUESTED);
        if (approved) {
            this.disposalApprovedBy = approver;
            this.status = ItemStatus.DISPOSAL_APPROVED;
            return new Change(LedgerEventType.DISPOSAL_APPROVED, from, status, details("approved", true,
                    "approvedBy", approver, "disposalType", disposalType, "reason", reason));
        }
        this.status = restingStatus();
        Change change = new Change(LedgerEventType.DISPOSAL_REJECTED, from, status,
                details("approved", false, "decidedBy", approver, "disposalType", disposalType, "reason", reason));
        this.disposalType = null;
        this.legalBasisDocNo = null;
        this.disposalRequestedBy = null;
        this.disposalApproverRole = null;
        this.disposalApproverRoles = null;
        this.disposalApproverGroup = null;
        this.disposalApprovalLevel = null;
        this.disposalDueAt = null;
        recordConsent(null, null, null, null, null);
        return change;
    }

    Change executeDisposal(java.util.List<String> executors, String receiptNo, Map<String, Object> recipient,
                           Map<String, Object> more) {
        ItemStatus from = require("disposal-execution", ItemStatus.DISPOSAL_APPROVED);
        this.status = ItemStatus.DISPOSED;
        LedgerEventType type = disposalType == DisposalType.DESTROY ? LedgerEventType.DESTROY : LedgerEventType.DISPOSE;
        Map<String, Object> details = details("disposalType", disposalType, "executedBy", executors,
                "receiptNo", receiptNo, "recipient", recipient,
                "legalBasisDocNo", legalBasisDocNo, "approvedBy", disposalApprovedBy);
        if (more != null) {
            more.forEach((k, v) -> { if (v != null) details.put(k, v); });
        }
        return new Change(type, from, status, details);
    }

    /**
     * C10: the owner's later claim was verified after the item went to the treasury as unclaimed;
     * the item (or its price) is returned from the treasury. The item stays DISPOSED.
     */
    Change refund(OffsetDateTime at, String legalBasisDocNo, String receiptNo, Map<String, Object> recipient) {
        if (status != ItemStatus.DISPOSED || disposalType != DisposalType.UNCLAIMED_TO_TREASURY || refundedAt != null) {
            throw IllegalTransitionException.of("refund", status);
        }
        this.refundedAt = at;
        return new Change(LedgerEventType.REFUND_FROM_TREASURY, status, status, details("legalBasisDocNo",
                legalBasisDocNo, "receiptNo", receiptNo, "recipient", recipient));
    }

    Change markMissing(String inventoryId) {
        ItemStatus from = status;
        if (from == ItemStatus.DISPOSED || from == ItemStatus.EXCEPTION_DAMAGED_OR_LOST) {
            throw IllegalTransitionException.of("inventory", from);
        }
        this.status = ItemStatus.EXCEPTION_DAMAGED_OR_LOST;
        return new Change(LedgerEventType.EXCEPTION, from, status,
                details("inventoryId", inventoryId, "finding", "盘点未找到 (not found at inventory)"));
    }

    private ItemStatus require(String action, ItemStatus expected) {
        if (status != expected) {
            throw IllegalTransitionException.of(action, status);
        }
        return status;
    }

    /** The case's proceedings moved to another stage (C17); the item's status does not change. */
    Change stageChanged(ProceedingsStage from, ProceedingsStage to, String documentNo) {
        return new Change(LedgerEventType.STAGE_CHANGED, status, status,
                details("fromStage", from, "toStage", to, "documentNo", documentNo));
    }

    /** A 督办 on the item got a new response deadline; nothing of the item changes. */
    Change supervisionDeadlineRecomputed(String supervisionId, String level, OffsetDateTime old, OffsetDateTime due,
                                         String reason, int year) {
        return new Change(LedgerEventType.DEADLINE_RECOMPUTED, status, status, details("field",
                "supervision.responseDueAt", "supervisionId", supervisionId, "level", level, "oldDueAt", old,
                "newDueAt", due, "reason", reason, "year", year));
    }

    /** The field is one of {@code handoverDueAt}, {@code disposalDueAt}, {@code measureDueAt}; the status does not change. */
    Change deadlineRecomputed(String field, OffsetDateTime due, String reason, int year) {
        OffsetDateTime old = switch (field) {
            case "handoverDueAt" -> handoverDueAt;
            case "disposalDueAt" -> disposalDueAt;
            case "measureDueAt" -> measureDueAt;
            default -> throw new IllegalArgumentException(field);
        };
        switch (field) {
            case "handoverDueAt" -> this.handoverDueAt = due;
            case "disposalDueAt" -> this.disposalDueAt = due;
            default -> this.measureDueAt = due;
        }
        return new Change(LedgerEventType.DEADLINE_RECOMPUTED, status, status, details("field", field,
                "oldDueAt", old, "newDueAt", due, "reason", reason, "year", year));
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null) {
                map.put((String) pairs[i], value instanceof Enum<?> e ? e.name()
                        : value instanceof OffsetDateTime t ? t.toString() : value);
            }
        }
        return map;
    }

    // --- accessors ---------------------------------------------------------------------------

    public String id() { return id; }
    public String itemNo() { return itemNo; }
    public String caseId() { return caseId; }
    public String name() { return name; }
    public PropertyCategory category() { return category; }
    public BigDecimal quantity() { return quantity; }
    public String unit() { return unit; }
    public Measure measure() { return measure; }
    public BigDecimal valuation() { return valuation; }
    public boolean evidenceUse() { return evidenceUse; }
    public String description() { return description; }
    public ItemStatus status() { return status; }
    public String handlingScope() { return handlingScope; }
    public String controllingAgencyId() { return controllingAgencyId; }
    public String controllingScope() { return controllingScope; }
    public OffsetDateTime handoverDueAt() { return handoverDueAt; }
    public String handoverCentreId() { return handoverCentreId; }
    public String zoneId() { return zoneId; }
    public String location() { return location; }
    public String condition() { return condition; }
    public String loanRequestedBy() { return loanRequestedBy; }
    public String loanReason() { return loanReason; }
    public OffsetDateTime plannedReturnAt() { return plannedReturnAt; }
    public String loanApproverGroup() { return loanApproverGroup; }
    public String loanApprovedBy() { return loanApprovedBy; }
    public String transferToAgencyId() { return transferToAgencyId; }
    public String transferToScope() { return transferToScope; }
    public TransferMode transferMode() { return transferMode; }
    public DisposalType disposalType() { return disposalType; }
    public String legalBasisDocNo() { return legalBasisDocNo; }
    public String disposalRequestedBy() { return disposalRequestedBy; }
    public String disposalApproverRole() { return disposalApproverRole; }
    public String disposalApproverGroup() { return disposalApproverGroup; }
    public String disposalApprovalLevel() { return disposalApprovalLevel; }
    public String disposalApprovedBy() { return disposalApprovedBy; }
    public OffsetDateTime disposalDueAt() { return disposalDueAt; }
    /** every role that may decide the pending disposal (DMN output, C13/C14) */
    public java.util.List<String> disposalApproverRoles() {
        return disposalApproverRoles == null || disposalApproverRoles.isBlank() ? java.util.List.of()
                : java.util.List.of(disposalApproverRoles.split(","));
    }
    public boolean held() { return held; }
    public OffsetDateTime refundedAt() { return refundedAt; }
    public OffsetDateTime handoverClockFrom() { return handoverClockFrom; }
    public HandoverException handoverException() { return handoverException; }
    public OffsetDateTime measureDueAt() { return measureDueAt; }
    public String measureExtendedBy() { return measureExtendedBy; }
    public long measureSuspendedSeconds() { return measureSuspendedSeconds; }
    public String consentName() { return consentName; }
    public String consentIdNumber() { return consentIdNumber; }
    public String consentMethod() { return consentMethod; }
    public String consentDocumentNo() { return consentDocumentNo; }
    public OffsetDateTime consentedAt() { return consentedAt; }
    public OffsetDateTime seizedAt() { return seizedAt; }
    public OffsetDateTime registrationDueAt() { return registrationDueAt; }
    public String source() { return source; }
    public String ownerName() { return ownerName; }
    public String ownerIdNumber() { return ownerIdNumber; }
    public java.util.List<String> sealedBy() { return sealedBy; }
    public java.util.List<String> photoHashes() { return photoHashes; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
