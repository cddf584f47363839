package org.fengqiao.dispute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The records a case accumulates: sessions, agreements, judicial confirmations, performance,
 * return visits, dossier documents and the history timeline. Append-only from the domain's view.
 */
@Repository
public class DisputeRecords {

    public record SessionRecord(String id, OffsetDateTime heldAt, String place, String minutes,
                                boolean rightsNoticeDelivered, String recordedBy, OffsetDateTime recordedAt) {
    }

    public record AgreementRecord(String id, AgreementForm form, String terms, LocalDate performanceDeadline,
                                  BigDecimal amount, OffsetDateTime effectiveAt, String recordedBy,
                                  List<String> signedBy, Boolean sealed, OffsetDateTime signedAt) {
    }

    public record ConfirmationRecord(String id, String court, OffsetDateTime filedAt, OffsetDateTime reviewDueAt,
                                     CourtResult result, OffsetDateTime decidedAt, List<String> applicants,
                                     OffsetDateTime acceptedAt, String courtCaseNo, OffsetDateTime extendedAt,
                                     String extensionReason) {
    }

    public record DocumentRecord(String id, DocumentType type, String title, String fileName, long sizeBytes,
                                 String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
    }

    public record HistoryEntry(OffsetDateTime at, String actor, String action, DisputeStatus fromStatus,
                               DisputeStatus toStatus, Map<String, Object> details) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final DisputeFigures figures;

    DisputeRecords(JdbcClient jdbc, ObjectMapper mapper, DisputeFigures figures) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.figures = figures;
    }

    void addSession(String caseId, OffsetDateTime heldAt, String place, String minutes, boolean notice, String actor,
                    OffsetDateTime now) {
        jdbc.sql("insert into dispute_session (id, case_id, held_at, place, minutes, rights_notice_delivered, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), caseId, heldAt, place, minutes, notice, actor, now).update();
    }

    public List<SessionRecord> sessions(String caseId) {
        return jdbc.sql("select * from dispute_session where case_id = ? order by held_at, recorded_at").param(caseId)
                .query((rs, n) -> new SessionRecord(rs.getString("id"), rs.getObject("held_at", OffsetDateTime.class),
                        rs.getString("place"), rs.getString("minutes"), rs.getBoolean("rights_notice_delivered"),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    boolean rightsNoticeDelivered(String caseId) {
        return jdbc.sql("select count(*) from dispute_session where case_id = ? and rights_notice_delivered = true")
                .param(caseId).query(Long.class).single() > 0;
    }

    void addAgreement(String caseId, AgreementForm form, String terms, LocalDate deadline, BigDecimal amount,
                      OffsetDateTime effectiveAt, List<String> signedBy, Boolean sealed, OffsetDateTime signedAt,
                      String actor, OffsetDateTime now) {
        jdbc.sql("update dispute_agreement set superseded = true where case_id = ?").param(caseId).update();
        jdbc.sql("insert into dispute_agreement (id, case_id, form, terms, performance_deadline, amount, effective_at, signed_by, sealed, signed_at, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), caseId, form.name(), terms, deadline, amount, effectiveAt,
                        signedBy == null ? null : json(signedBy), sealed, signedAt, actor, now)
                .update();
    }

    private String json(List<String> names) {
        try {
            return mapper.writeValueAsString(names);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> names(String json) {
        if (json == null) {
            return null;
        }
        try {
            return List.of(mapper.readValue(json, String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void supersedeAgreements(String caseId) {
        jdbc.sql("update dispute_agreement set superseded = true where case_id = ?").param(caseId).update();
    }

    public Optional<AgreementRecord> currentAgreement(String caseId) {
        return jdbc.sql("select * from dispute_agreement where case_id = ? and superseded = false").param(caseId)
                .query((rs, n) -> new AgreementRecord(rs.getString("id"), AgreementForm.valueOf(rs.getString("form")),
                        rs.getString("terms"), rs.getObject("performance_deadline", LocalDate.class),
                        rs.getBigDecimal("amount"), rs.getObject("effective_at", OffsetDateTime.class),
                        rs.getString("recorded_by"), names(rs.getString("signed_by")),
                        (Boolean) rs.getObject("sealed"), rs.getObject("signed_at", OffsetDateTime.class)))
                .optional();
    }

    boolean anyAgreement(String caseId) {
        return jdbc.sql("select count(*) from dispute_agreement where case_id = ?").param(caseId)
                .query(Long.class).single() > 0;
    }

    void fileConfirmation(String caseId, String court, OffsetDateTime filedAt, OffsetDateTime reviewDueAt,
                          List<String> applicants, String actor) {
        jdbc.sql("insert into dispute_judicial_confirmation (id, case_id, court, filed_at, review_due_at, applicants, filed_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), caseId, court, filedAt, reviewDueAt, json(applicants), actor).update();
    }

    void moveReviewDue(String confirmationId, OffsetDateTime reviewDueAt) {
        jdbc.sql("update dispute_judicial_confirmation set review_due_at = ? where id = ?")
                .params(reviewDueAt, confirmationId).update();
    }

    /** D13: the pending application accepted; its review is due 15 days later. */
    void acceptConfirmation(String caseId, OffsetDateTime acceptedAt, String courtCaseNo, OffsetDateTime reviewDueAt,
                            String actor) {
        jdbc.sql("update dispute_judicial_confirmation set accepted_at = ?, court_case_no = ?, accepted_by = ?, review_due_at = ? where case_id = ? and result is null")
                .params(acceptedAt, courtCaseNo, actor, reviewDueAt, caseId).update();
    }

    /** D13: the pending application's review extended once. */
    void extendConfirmation(String caseId, OffsetDateTime at, String reason, String actor) {
        jdbc.sql("update dispute_judicial_confirmation set extended_at = ?, extension_reason = ?, extended_by = ? where case_id = ? and result is null")
                .params(at, reason, actor, caseId).update();
    }

    void decideConfirmation(String caseId, CourtResult result, OffsetDateTime at, String actor) {
        jdbc.sql("update dispute_judicial_confirmation set result = ?, decided_at = ?, decided_by = ? where case_id = ? and result is null")
                .params(result.name(), at, actor, caseId).update();
    }

    public Optional<ConfirmationRecord> latestConfirmation(String caseId) {
        return jdbc.sql("select * from dispute_judicial_confirmation where case_id = ? order by filed_at desc")
                .param(caseId)
                .query((rs, n) -> new ConfirmationRecord(rs.getString("id"), rs.getString("court"),
                        rs.getObject("filed_at", OffsetDateTime.class), rs.getObject("review_due_at", OffsetDateTime.class),
                        rs.getString("result") == null ? null : CourtResult.valueOf(rs.getString("result")),
                        rs.getObject("decided_at", OffsetDateTime.class), names(rs.getString("applicants")),
                        rs.getObject("accepted_at", OffsetDateTime.class), rs.getString("court_case_no"),
                        rs.getObject("extended_at", OffsetDateTime.class), rs.getString("extension_reason")))
                .list().stream().findFirst();
    }

    void addRiskReport(String caseId, RiskLevel level, ReportedTo to, String description, String actor, OffsetDateTime at,
                       OffsetDateTime dueAt) {
        jdbc.sql("insert into dispute_risk_report (id, case_id, risk_level, reported_to, description, reported_by, reported_at, due_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), caseId, level.name(), to.name(), description, actor, at, dueAt).update();
    }

    void deliverRiskReport(String caseId, OffsetDateTime deliveredAt, String receivedBy, String actor) {
        jdbc.sql("update dispute_risk_report set delivered_at = ?, received_by = ?, delivered_by = ? where case_id = ? and delivered_at is null")
                .params(deliveredAt, receivedBy, actor, caseId).update();
    }

    /** The report step's start (the open report's time), for recomputing its due date. */
    public Optional<OffsetDateTime> openRiskReportAt(String caseId) {
        return jdbc.sql("select reported_at from dispute_risk_report where case_id = ? and delivered_at is null order by reported_at desc")
                .param(caseId).query(OffsetDateTime.class).list().stream().findFirst();
    }

    void addPerformance(String caseId, PerformanceStatus status, String evidence, String actor, OffsetDateTime now) {
        jdbc.sql("insert into dispute_performance (id, case_id, status, evidence, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), caseId, status.name(), evidence, actor, now).update();
    }

    void addReturnVisit(DisputeCase c, Satisfaction satisfaction, PerformanceStatus performance, String notes,
                        String actor, OffsetDateTime now) {
        jdbc.sql("insert into dispute_return_visit (id, case_id, satisfaction, performance_status, notes, visitor, visited_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), c.id, satisfaction.name(),
                        performance == null ? null : performance.name(), notes, actor, now).update();
        figures.visitAdded(DisputeFigures.Facts.of(c), now, satisfaction);
    }

    boolean anyReturnVisit(String caseId) {
        return jdbc.sql("select count(*) from dispute_return_visit where case_id = ?").param(caseId)
                .query(Long.class).single() > 0;
    }

    String addDocument(String caseId, DocumentType type, String title, String fileName, byte[] content, String sha256,
                       String actor, OffsetDateTime now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into dispute_document (id, case_id, type, title, file_name, content, size_bytes, sha256, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, caseId, type.name(), title, fileName, content, (long) content.length, sha256, actor, now)
                .update();
        return id;
    }

    public List<DocumentRecord> documents(String caseId) {
        return jdbc.sql("select id, type, title, file_name, size_bytes, sha256, uploaded_by, uploaded_at from dispute_document where case_id = ? order by uploaded_at, id")
                .param(caseId)
                .query((rs, n) -> new DocumentRecord(rs.getString("id"), DocumentType.valueOf(rs.getString("type")),
                        rs.getString("title"), rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    void addHistory(String caseId, OffsetDateTime at, String actor, String action, DisputeStatus from, DisputeStatus to,
                    Map<String, Object> details) {
        jdbc.sql("insert into dispute_history (case_id, at, actor, action, from_status, to_status, details) values (?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, at, actor, action, from == null ? null : from.name(), to == null ? null : to.name(),
                        json(details))
                .update();
    }

    public List<HistoryEntry> history(String caseId) {
        return jdbc.sql("select * from dispute_history where case_id = ? order by id").param(caseId)
                .query((rs, n) -> new HistoryEntry(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("from_status") == null ? null : DisputeStatus.valueOf(rs.getString("from_status")),
                        rs.getString("to_status") == null ? null : DisputeStatus.valueOf(rs.getString("to_status")),
                        readMap(rs.getString("details"))))
                .list();
    }

    private String json(Map<String, Object> details) {
        try {
            return details == null || details.isEmpty() ? null : mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> readMap(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
