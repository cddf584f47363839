package org.fengqiao.custody;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PropertyItems {

    private static final String COLUMNS = """
            id, item_no, case_id, name, category, quantity, unit, measure, valuation, evidence_use, description, status,
            handling_scope, controlling_agency_id, controlling_scope, handover_due_at, handover_centre_id, zone_id,
            location, item_condition, loan_requested_by, loan_reason, planned_return_at, loan_approver_group,
            loan_approved_by, transfer_to_agency_id, transfer_to_scope, transfer_mode, disposal_type,
            legal_basis_doc_no, disposal_requested_by, disposal_approver_role, disposal_approver_group,
            disposal_approval_level, disposal_approved_by, disposal_due_at, disposal_approver_roles, held, seized_at,
            registration_due_at, source, owner_name, owner_id_number, sealed_by, photo_hashes, refunded_at, handover_clock_from,
            handover_exception, measure_due_at, measure_extended_by, measure_suspended_seconds, consent_name,
            consent_id_number, consent_method, consent_document_no, consented_at, created_at,
            updated_at,
            version""";

    private final JdbcClient jdbc;

    PropertyItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PropertyItem i) {
        jdbc.sql("insert into property_item (" + COLUMNS + ") values ("
                        + "?,".repeat(58) + "?)")
                .params(values(i)).update();
    }

    /** Saves a changed item; a concurrent change in between is refused (optimistic lock). */
    void update(PropertyItem i) {
        List<String> columns = List.of(COLUMNS.split(",\\s*"));
        List<Object> values = values(i);
        String set = String.join(", ", columns.subList(1, columns.size()).stream().map(c -> c.trim() + " = ?").toList());
        List<Object> params = new ArrayList<>(values.subList(1, values.size()));
        params.set(params.size() - 1, i.version + 1);
        params.add(i.id);
        params.add(i.version);
        int updated = jdbc.sql("update property_item set " + set + " where id = ? and version = ?").params(params).update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("property item " + i.id + " changed concurrently");
        }
        i.version++;
    }

    private static List<Object> values(PropertyItem i) {
        List<Object> v = new ArrayList<>();
        v.add(i.id); v.add(i.itemNo); v.add(i.caseId); v.add(i.name); v.add(name(i.category)); v.add(i.quantity);
        v.add(i.unit); v.add(name(i.measure)); v.add(i.valuation); v.add(i.evidenceUse); v.add(i.description);
        v.add(name(i.status)); v.add(i.handlingScope); v.add(i.controllingAgencyId); v.add(i.controllingScope);
        v.add(i.handoverDueAt); v.add(i.handoverCentreId); v.add(i.zoneId); v.add(i.location); v.add(i.condition);
        v.add(i.loanRequestedBy); v.add(i.loanReason); v.add(i.plannedReturnAt); v.add(i.loanApproverGroup);
        v.add(i.loanApprovedBy); v.add(i.transferToAgencyId); v.add(i.transferToScope); v.add(name(i.transferMode));
        v.add(name(i.disposalType)); v.add(i.legalBasisDocNo); v.add(i.disposalRequestedBy);
        v.add(i.disposalApproverRole); v.add(i.disposalApproverGroup); v.add(i.disposalApprovalLevel);
        v.add(i.disposalApprovedBy); v.add(i.disposalDueAt); v.add(i.disposalApproverRoles); v.add(i.held);
        v.add(i.seizedAt); v.add(i.registrationDueAt); v.add(i.source); v.add(i.ownerName); v.add(i.ownerIdNumber);
        v.add(i.sealedBy.isEmpty() ? null : String.join(",", i.sealedBy));
        v.add(i.photoHashes.isEmpty() ? null : String.join(",", i.photoHashes)); v.add(i.refundedAt); v.add(i.handoverClockFrom);
        v.add(name(i.handoverException)); v.add(i.measureDueAt); v.add(i.measureExtendedBy);
        v.add(i.measureSuspendedSeconds); v.add(i.consentName); v.add(i.consentIdNumber); v.add(i.consentMethod);
        v.add(i.consentDocumentNo); v.add(i.consentedAt); v.add(i.createdAt); v.add(i.updatedAt); v.add(i.version);
        return v;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    public Optional<PropertyItem> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from property_item where id = ?").param(id)
                .query(PropertyItems::map).optional();
    }

    public List<PropertyItem> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from property_item where id in (:ids)").param("ids", ids)
                .query(PropertyItems::map).list();
    }

    public List<PropertyItem> ofCase(String caseId) {
        return jdbc.sql("select " + COLUMNS + " from property_item where case_id = ? order by item_no").param(caseId)
                .query(PropertyItems::map).list();
    }

    public List<PropertyItem> inZone(String zoneId) {
        return jdbc.sql("select " + COLUMNS + " from property_item where zone_id = ? order by item_no").param(zoneId)
                .query(PropertyItems::map).list();
    }

    /**
     * Items with a hand-over or disposal deadline still to come, due at or after {@code from} (a
     * deadline due earlier counted no day from {@code from} on).
     */
    List<PropertyItem> withOpenDeadlinesFrom(OffsetDateTime from, OffsetDateTime now) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from property_item
                 where (status in ('PENDING_HANDOVER', 'HANDOVER_INSPECTION') and handover_due_at >= :from and handover_due_at > :now)
                    or (status in ('DISPOSAL_REQUESTED', 'DISPOSAL_APPROVED') and disposal_due_at >= :from and disposal_due_at > :now)
                    or (status not in ('DISPOSED', 'EXCEPTION_DAMAGED_OR_LOST') and measure_due_at >= :from and measure_due_at > :now)
                 order by id""")
                .param("from", from).param("now", now).query(PropertyItems::map).list();
    }

    /** The id of the item numbered {@code itemNo} (财物编号), if any. */
    public Optional<String> idOfItemNo(String itemNo) {
        return jdbc.sql("select id from property_item where item_no = ?").param(itemNo).query(String.class).optional();
    }

    /** The 财物编号 of the item {@code id}, if it is an item's id. */
    public Optional<String> itemNoOf(String id) {
        return jdbc.sql("select item_no from property_item where id = ?").param(id).query(String.class).optional();
    }

    public Optional<PropertyItem> findByItemNo(String itemNo) {
        return jdbc.sql("select " + COLUMNS + " from property_item where item_no = ?").param(itemNo)
                .query(PropertyItems::map).optional();
    }

    public record Page(List<PropertyItem> items, long total) {
    }

    /**
     * One page of the items a caller may see. {@code scopes == null} means every agency (custodians);
     * items in {@code hiddenZones} (专区 of other agencies) are left out.
     */
    public Page page(ItemStatus status, String caseId, Collection<String> scopes, Collection<String> hiddenZones,
                     int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (caseId != null) {
            where.append(" and case_id = :caseId");
            params.put("caseId", caseId);
        }
        if (scopes != null) {
            if (scopes.isEmpty()) {
                return new Page(List.of(), 0);
            }
            where.append(" and (handling_scope in (:scopes) or controlling_scope in (:scopes) or transfer_to_scope in (:scopes))");
            params.put("scopes", scopes);
        }
        if (!hiddenZones.isEmpty()) {
            where.append(" and (zone_id is null or zone_id not in (:hidden))");
            params.put("hidden", hiddenZones);
        }
        long total = jdbc.sql("select count(*) from property_item" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<PropertyItem> items = jdbc.sql("select " + COLUMNS + " from property_item" + where
                        + " order by created_at desc, item_no desc limit :limit offset :offset")
                .params(params).query(PropertyItems::map).list();
        return new Page(items, total);
    }

    public long countByStatus(ItemStatus status) {
        return jdbc.sql("select count(*) from property_item where status = ?").param(status.name())
                .query(Long.class).single();
    }

    private static List<String> csv(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
    }

    static PropertyItem map(ResultSet rs, int row) throws SQLException {
        PropertyItem i = new PropertyItem();
        i.id = rs.getString("id");
        i.itemNo = rs.getString("item_no");
        i.caseId = rs.getString("case_id");
        i.name = rs.getString("name");
        i.category = PropertyCategory.valueOf(rs.getString("category"));
        i.quantity = rs.getBigDecimal("quantity");
        i.unit = rs.getString("unit");
        i.measure = Measure.valueOf(rs.getString("measure"));
        i.valuation = rs.getBigDecimal("valuation");
        i.evidenceUse = rs.getBoolean("evidence_use");
        i.description = rs.getString("description");
        i.status = ItemStatus.valueOf(rs.getString("status"));
        i.handlingScope = rs.getString("handling_scope");
        i.controllingAgencyId = rs.getString("controlling_agency_id");
        i.controllingScope = rs.getString("controlling_scope");
        i.handoverDueAt = rs.getObject("handover_due_at", OffsetDateTime.class);
        i.handoverCentreId = rs.getString("handover_centre_id");
        i.zoneId = rs.getString("zone_id");
        i.location = rs.getString("location");
        i.condition = rs.getString("item_condition");
        i.loanRequestedBy = rs.getString("loan_requested_by");
        i.loanReason = rs.getString("loan_reason");
        i.plannedReturnAt = rs.getObject("planned_return_at", OffsetDateTime.class);
        i.loanApproverGroup = rs.getString("loan_approver_group");
        i.loanApprovedBy = rs.getString("loan_approved_by");
        i.transferToAgencyId = rs.getString("transfer_to_agency_id");
        i.transferToScope = rs.getString("transfer_to_scope");
        String mode = rs.getString("transfer_mode");
        i.transferMode = mode == null ? null : TransferMode.valueOf(mode);
        String disposal = rs.getString("disposal_type");
        i.disposalType = disposal == null ? null : DisposalType.valueOf(disposal);
        i.legalBasisDocNo = rs.getString("legal_basis_doc_no");
        i.disposalRequestedBy = rs.getString("disposal_requested_by");
        i.disposalApproverRole = rs.getString("disposal_approver_role");
        i.disposalApproverGroup = rs.getString("disposal_approver_group");
        i.disposalApprovalLevel = rs.getString("disposal_approval_level");
        i.disposalApprovedBy = rs.getString("disposal_approved_by");
        i.disposalDueAt = rs.getObject("disposal_due_at", OffsetDateTime.class);
        i.disposalApproverRoles = rs.getString("disposal_approver_roles");
        i.held = rs.getBoolean("held");
        i.seizedAt = rs.getObject("seized_at", OffsetDateTime.class);
        i.registrationDueAt = rs.getObject("registration_due_at", OffsetDateTime.class);
        i.source = rs.getString("source");
        i.ownerName = rs.getString("owner_name");
        i.ownerIdNumber = rs.getString("owner_id_number");
        i.sealedBy = csv(rs.getString("sealed_by"));
        i.photoHashes = csv(rs.getString("photo_hashes"));
        i.refundedAt = rs.getObject("refunded_at", OffsetDateTime.class);
        i.handoverClockFrom = rs.getObject("handover_clock_from", OffsetDateTime.class);
        i.measureDueAt = rs.getObject("measure_due_at", OffsetDateTime.class);
        i.measureExtendedBy = rs.getString("measure_extended_by");
        i.measureSuspendedSeconds = rs.getLong("measure_suspended_seconds");
        i.consentName = rs.getString("consent_name");
        i.consentIdNumber = rs.getString("consent_id_number");
        i.consentMethod = rs.getString("consent_method");
        i.consentDocumentNo = rs.getString("consent_document_no");
        i.consentedAt = rs.getObject("consented_at", OffsetDateTime.class);
        String exception = rs.getString("handover_exception");
        i.handoverException = exception == null ? null : HandoverException.valueOf(exception);
        i.createdAt = rs.getObject("created_at", OffsetDateTime.class);
        i.updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
        i.version = rs.getInt("version");
        return i;
    }
}
