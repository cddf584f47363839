package org.fengqiao.custody.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.custody.CaseType;
import org.fengqiao.custody.CustodyAccess;
import org.fengqiao.custody.ItemStatus;
import org.fengqiao.custody.LedgerEntry;
import org.fengqiao.custody.PropertyCase;
import org.fengqiao.custody.PropertyItem;
import org.fengqiao.shared.Caller;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the representations of the custody API; allowedActions are always those of the caller. */
@Component
class CustodyViews {

    record LoanView(String requestedBy, String reason, OffsetDateTime plannedReturnAt, String approverGroup,
                    String approvedBy, boolean overdue) {
    }

    record DisposalView(String disposalType, String legalBasisDocNo, String requestedBy, String approverRole,
                        List<String> approverRoles, String approvalLevel, String approvedBy, OffsetDateTime dueAt, boolean overdue,
                        ConsentView rightHolderConsent) {
    }

    /** The right-holder's consent to an early disposal (C13). */
    record ConsentView(String name, String idNumber, String method, String documentNo, OffsetDateTime consentedAt) {
    }

    record ItemView(String id, String itemNo, String caseId, String name, String category, BigDecimal quantity,
                    String unit, String measure, BigDecimal valuation, boolean evidenceUse, String description,
                    String status, String statusLabel, String controllingAgencyId, String transferToAgencyId,
                    String transferMode, String source, OffsetDateTime seizedAt, OwnerView owner, List<String> sealedBy,
                    List<String> photoHashes, boolean held, OffsetDateTime registrationDueAt, OffsetDateTime measureDueAt,
                    String measureExcludedTime,
                    OffsetDateTime handoverDueAt, boolean handoverOverdue, String zoneId,
                    String location, String condition, LoanView loan, DisposalView disposal,
                    OffsetDateTime createdAt, OffsetDateTime updatedAt, List<String> allowedActions,
                    List<String> provisionalDeadlines) {
    }

    /** The owner on record (C15). */
    record OwnerView(String name, String idNumber) {
    }

    record CaseView(String id, String agencyCaseNo, String caseName, CaseType caseType, String handlingAgencyId,
                    List<String> officerIds, String stage, String stageDocumentNo, OffsetDateTime stageChangedAt,
                    String createdBy, OffsetDateTime createdAt, OffsetDateTime judgmentDeliveryDueAt,
                    OffsetDateTime judgmentDeliveredAt, String judgmentDocumentNo, boolean judgmentDeliveryOverdue,
                    List<ItemView> items) {
    }

    record LedgerView(long seq, OffsetDateTime at, String eventType, String itemId, String actor, String fromStatus,
                      String toStatus, JsonNode details, String prevHash, String hash) {
    }

    record HistoryView(OffsetDateTime at, String actor, String action, String eventType, String fromStatus,
                       String toStatus, JsonNode details) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    private final CustodyAccess access;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final WorkingCalendar calendar;

    CustodyViews(CustodyAccess access, Clock clock, ObjectMapper mapper, WorkingCalendar calendar) {
        this.access = access;
        this.clock = clock;
        this.mapper = mapper;
        this.calendar = calendar;
    }

    OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    ItemView item(Caller caller, PropertyItem i) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LoanView loan = i.loanRequestedBy() == null ? null : new LoanView(i.loanRequestedBy(), i.loanReason(),
                local(i.plannedReturnAt()), i.loanApproverGroup(), i.loanApprovedBy(),
                i.status() == ItemStatus.ON_LOAN && i.plannedReturnAt() != null && now.isAfter(i.plannedReturnAt()));
        DisposalView disposal = i.disposalType() == null ? null : new DisposalView(i.disposalType().name(),
                i.legalBasisDocNo(), i.disposalRequestedBy(), i.disposalApproverRole(), i.disposalApproverRoles(),
                i.disposalApprovalLevel(),
                i.disposalApprovedBy(), local(i.disposalDueAt()),
                i.disposalDueAt() != null && now.isAfter(i.disposalDueAt()),
                i.consentName() == null ? null : new ConsentView(i.consentName(), i.consentIdNumber(), i.consentMethod(),
                        i.consentDocumentNo(), local(i.consentedAt())));
        return new ItemView(i.id(), i.itemNo(), i.caseId(), i.name(), i.category().name(), i.quantity(), i.unit(),
                i.measure().name(), i.valuation(), i.evidenceUse(), i.description(), i.status().name(),
                i.status().label(), i.controllingAgencyId(), i.transferToAgencyId(),
                i.transferMode() == null ? null : i.transferMode().name(), i.source(), local(i.seizedAt()),
                i.ownerIdNumber() == null ? null : new OwnerView(i.ownerName(), i.ownerIdNumber()), i.sealedBy(),
                i.photoHashes(), i.held(), local(i.registrationDueAt()), local(i.measureDueAt()),
                i.measureSuspendedSeconds() == 0 ? null : java.time.Duration.ofSeconds(i.measureSuspendedSeconds()).toString(),
                local(i.handoverDueAt()),
                i.status() == ItemStatus.PENDING_HANDOVER && i.handoverDueAt() != null && now.isAfter(i.handoverDueAt()),
                i.zoneId(), i.location(), i.condition(), loan, disposal, local(i.createdAt()), local(i.updatedAt()),
                access.allowedActions(caller, i), provisionalDeadlines(i));
    }

    /** The open deadlines of an item computed on a year whose holiday notice is not entered yet. */
    private List<String> provisionalDeadlines(PropertyItem i) {
        List<String> fields = new java.util.ArrayList<>();
        if (i.status() == ItemStatus.PENDING_HANDOVER && calendar.restsOnProvisional(i.handoverDueAt())) {
            fields.add("handoverDueAt");
        }
        if (i.disposalDueAt() != null && i.disposalType() != null && (i.status() == ItemStatus.DISPOSAL_REQUESTED || i.status() == ItemStatus.DISPOSAL_APPROVED)
                && calendar.restsOnProvisional(i.disposalDueAt())) {
            fields.add("disposal.dueAt");
        }
        return fields;
    }

    CaseView propertyCase(PropertyCase c, List<ItemView> items) {
        return new CaseView(c.id(), c.agencyCaseNo(), c.caseName(), c.caseType(), c.handlingAgencyId(), c.officerIds(),
                c.stage().name(), c.stageDocumentNo(), local(c.stageChangedAt()), c.createdBy(), local(c.createdAt()),
                local(c.judgmentDeliveryDueAt()), local(c.judgmentDeliveredAt()), c.judgmentDeliveryDocNo(),
                c.judgmentDeliveryDueAt() != null && c.judgmentDeliveredAt() == null
                        && OffsetDateTime.now(clock).isAfter(c.judgmentDeliveryDueAt()), items);
    }

    LedgerView ledger(LedgerEntry e, boolean visible) {
        return new LedgerView(e.seq(), local(e.at()), e.eventType(), visible ? e.itemId() : null,
                visible ? e.actor() : null, e.fromStatus(), e.toStatus(), visible ? json(e.details()) : null,
                e.prevHash(), e.hash());
    }

    JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }
}
