package org.fengqiao.dispute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.fengqiao.organisation.OrganisationLevel;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Persistence of {@link DisputeCase} with its parties and mediators; updates are optimistic (version column). */
@Repository
public class DisputeCases {

    /** Filters of the case list; null means "any". */
    public record Filter(DisputeStatus status, DisputeCategory category, String orgId, Boolean overdue,
                         String centreId) {
    }

    /** Who may see what: organisations reached, and the user for cases where they are a mediator. */
    public record Scope(boolean everything, Collection<String> organisations, String userId, boolean court) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final DisputeFigures figures;

    DisputeCases(JdbcClient jdbc, ObjectMapper mapper, DisputeFigures figures) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.figures = figures;
    }

    void insert(DisputeCase c) {
        jdbc.sql("""
                insert into dispute_case (id, case_no, title, facts, claims, category, channel, source_ref, amount_involved,
                    centre_id, status, suggestion, version, created_by, created_at, updated_at, overdue)
                values (:id, :caseNo, :title, :facts, :claims, :category, :channel, :sourceRef, :amount,
                    :centreId, :status, :suggestion, 0, :createdBy, :createdAt, :updatedAt, false)""")
                .param("id", c.id).param("caseNo", c.caseNo).param("title", c.title).param("facts", c.facts)
                .param("claims", c.claims).param("category", c.category.name()).param("channel", c.channel.name())
                .param("sourceRef", c.sourceRef).param("amount", c.amountInvolved).param("centreId", c.centreId)
                .param("status", c.status.name()).param("suggestion", json(c.suggestion))
                .param("createdBy", c.createdBy).param("createdAt", c.createdAt).param("updatedAt", c.updatedAt)
                .update();
        int seq = 0;
        for (Party p : c.parties) {
            jdbc.sql("insert into dispute_party (id, case_id, seq, role, type, name, id_number, phone, address) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), c.id, seq++, p.role().name(), p.type().name(), p.name(),
                            p.idNumber(), p.phone(), p.address())
                    .update();
        }
        DisputeFigures.Facts stored = DisputeFigures.Facts.of(c);
        figures.caseChanged(c.id, null, stored);
        c.storedFacts = stored;
    }

    /** Saves the case's own fields and mediators; fails if someone else saved it since it was read. */
    void update(DisputeCase c) {
        int updated = jdbc.sql("""
                update dispute_case set status = :status, outcome = :outcome, mediation_type = :mediationType,
                    level = :level, min_level = :minLevel, org_id = :orgId, assignment_mode = :assignmentMode,
                    complexity = :complexity, risk_level = :riskLevel, time_limit_days = :timeLimitDays,
                    not_accept_reason = :notAcceptReason, reason_text = :reasonText, transfer_to = :transferTo,
                    respondent_consent = :consent, presiding_mediator_id = :presiding, selected_by = :selectedBy,
                    acceptance_due_at = :acceptanceDueAt, mediation_started_at = :startedAt, due_at = :dueAt,
                    warning_at = :warningAt, warned_due_at = :warnedDueAt, overdue = :overdue,
                    agreement_effective_at = :agreementEffectiveAt, agreement_form = :agreementForm,
                    performance_status = :performance, satisfaction = :satisfaction, closed_at = :closedAt,
                    archived_at = :archivedAt, volume_no = :volumeNo, retention_years = :retentionYears,
                    materials_return_due_at = :materialsDue, materials_returned_at = :materialsReturned,
                    risk_report_due_at = :riskReportDue, court_accepted_at = :courtAccepted,
                    court_review_extended_at = :courtExtended,
                    process_instance_id = :processInstanceId, updated_at = :updatedAt, version = version + 1
                where id = :id and version = :version""")
                .param("status", c.status.name()).param("outcome", name(c.outcome))
                .param("mediationType", name(c.mediationType)).param("level", name(c.level))
                .param("minLevel", name(c.minLevel)).param("orgId", c.orgId)
                .param("assignmentMode", name(c.assignmentMode)).param("complexity", name(c.complexity))
                .param("riskLevel", name(c.riskLevel)).param("timeLimitDays", c.timeLimitDays)
                .param("notAcceptReason", name(c.notAcceptReason)).param("reasonText", c.reasonText)
                .param("transferTo", c.transferTo).param("consent", name(c.respondentConsent))
                .param("presiding", c.presidingMediatorId).param("selectedBy", name(c.selectedBy))
                .param("acceptanceDueAt", c.acceptanceDueAt).param("startedAt", c.mediationStartedAt)
                .param("dueAt", c.dueAt).param("warningAt", c.warningAt).param("warnedDueAt", c.warnedDueAt)
                .param("overdue", c.overdue).param("agreementEffectiveAt", c.agreementEffectiveAt)
                .param("agreementForm", name(c.agreementForm)).param("performance", name(c.performanceStatus))
                .param("satisfaction", name(c.satisfaction)).param("closedAt", c.closedAt)
                .param("archivedAt", c.archivedAt).param("volumeNo", c.volumeNo)
                .param("materialsDue", c.materialsReturnDueAt).param("materialsReturned", c.materialsReturnedAt)
                .param("riskReportDue", c.riskReportDueAt).param("courtAccepted", c.courtAcceptedAt)
                .param("courtExtended", c.courtReviewExtendedAt)
                .param("retentionYears", c.retentionYears).param("processInstanceId", c.processInstanceId)
                .param("updatedAt", c.updatedAt).param("id", c.id).param("version", c.version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("dispute " + c.id + " was changed concurrently");
        }
        c.version++;
        DisputeFigures.Facts stored = DisputeFigures.Facts.of(c);
        figures.caseChanged(c.id, c.storedFacts, stored);
        c.storedFacts = stored;
        saveMediators(c);
    }

    private void saveMediators(DisputeCase c) {
        List<String> stored = jdbc.sql("select user_id from dispute_mediator where case_id = ? and active = true")
                .param(c.id).query(String.class).list();
        for (String user : stored) {
            if (!c.mediatorIds.contains(user)) {
                jdbc.sql("update dispute_mediator set active = false, presiding = false where case_id = ? and user_id = ?")
                        .params(c.id, user).update();
            }
        }
        for (String user : c.mediatorIds) {
            boolean presiding = user.equals(c.presidingMediatorId);
            int updated = jdbc.sql("update dispute_mediator set active = true, presiding = ? where case_id = ? and user_id = ?")
                    .params(presiding, c.id, user).update();
            if (updated == 0) {
                jdbc.sql("insert into dispute_mediator (case_id, user_id, presiding, active, assigned_at) values (?, ?, ?, true, ?)")
                        .params(c.id, user, presiding, c.updatedAt).update();
            }
        }
    }

    /** The id of the case with this 案号 (the process instances' business key). */
    public Optional<String> idOfCaseNo(String caseNo) {
        return jdbc.sql("select id from dispute_case where case_no = ?").param(caseNo).query(String.class).optional();
    }

    public Optional<DisputeCase> find(String id) {
        Optional<DisputeCase> found = jdbc.sql("select * from dispute_case where id = ?").param(id)
                .query(this::map).optional();
        found.ifPresent(c -> {
            c.parties = parties(c.id);
            c.mediatorIds = new ArrayList<>(jdbc.sql(
                    "select user_id from dispute_mediator where case_id = ? and active = true order by presiding desc, assigned_at, user_id")
                    .param(c.id).query(String.class).list());
        });
        return found;
    }

    /**
     * Cases with a deadline still to come that may rest on days from {@code from} on: a pending
     * acceptance or mediation due at or after {@code from}, and every case under performance
     * monitoring or judicial confirmation (their due dates are derived from records, checked one by one).
     */
    List<String> withOpenDeadlinesFrom(OffsetDateTime from, OffsetDateTime now) {
        return jdbc.sql("""
                select id from dispute_case
                 where (status = 'ASSIGNED_PENDING_ACCEPT' and acceptance_due_at >= :from and acceptance_due_at > :now)
                    or (status = 'IN_MEDIATION' and due_at >= :from and due_at > :now)
                    or status in ('PERFORMANCE_MONITORING', 'JUDICIAL_CONFIRMATION')
                    or (materials_return_due_at >= :from and materials_return_due_at > :now and materials_returned_at is null)
                    or (risk_report_due_at >= :from and risk_report_due_at > :now)
                 order by id""")
                .param("from", from).param("now", now).query(String.class).list();
    }

    /** Locks the row for the rest of the transaction (serialises concurrent actions on one case). */
    void lock(String id) {
        jdbc.sql("select id from dispute_case where id = ? for update").param(id).query(String.class).optional();
    }

    List<Party> parties(String caseId) {
        return jdbc.sql("select * from dispute_party where case_id = ? order by seq").param(caseId)
                .query((rs, n) -> new Party(rs.getString("id"), rs.getInt("seq"), PartyRole.valueOf(rs.getString("role")),
                        PartyType.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("id_number"),
                        rs.getString("phone"), rs.getString("address")))
                .list();
    }

    public List<DisputeCase> list(Filter filter, Scope scope, int page, int size) {
        Query q = where(filter, scope);
        List<DisputeCase> cases = jdbc.sql("select * from dispute_case" + q.sql + " order by created_at desc, id limit :limit offset :offset")
                .params(q.params).param("limit", size).param("offset", (long) page * size)
                .query(this::map).list();
        if (cases.isEmpty()) {
            return cases;
        }
        Map<String, List<String>> mediators = new LinkedHashMap<>();
        jdbc.sql("select case_id, user_id from dispute_mediator where active = true and case_id in (:ids) order by presiding desc, assigned_at, user_id")
                .param("ids", cases.stream().map(c -> c.id).toList())
                .query(rs -> {
                    mediators.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        cases.forEach(c -> c.mediatorIds = new ArrayList<>(mediators.getOrDefault(c.id, List.of())));
        return cases;
    }

    public long count(Filter filter, Scope scope) {
        Query q = where(filter, scope);
        return jdbc.sql("select count(*) from dispute_case" + q.sql).params(q.params).query(Long.class).single();
    }

    private record Query(String sql, Map<String, Object> params) {
    }

    private static Query where(Filter f, Scope scope) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.status() != null) {
            clauses.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.category() != null) {
            clauses.add("category = :category");
            params.put("category", f.category().name());
        }
        if (f.orgId() != null) {
            clauses.add("org_id = :orgId");
            params.put("orgId", f.orgId());
        }
        if (f.centreId() != null) {
            clauses.add("centre_id = :centreId");
            params.put("centreId", f.centreId());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            clauses.add("overdue = true");
        } else if (Boolean.FALSE.equals(f.overdue())) {
            clauses.add("overdue = false");
        }
        if (!scope.everything()) {
            List<String> visible = new ArrayList<>();
            if (!scope.organisations().isEmpty()) {
                visible.add("centre_id in (:orgs) or org_id in (:orgs)");
                params.put("orgs", scope.organisations());
            }
            visible.add("id in (select case_id from dispute_mediator where user_id = :scopeUser)");
            params.put("scopeUser", scope.userId());
            if (scope.court()) {
                visible.add("id in (select case_id from dispute_judicial_confirmation)");
            }
            clauses.add("(" + String.join(" or ", visible) + ")");
        }
        return new Query(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    private DisputeCase map(ResultSet rs, int row) throws SQLException {
        DisputeCase c = new DisputeCase();
        c.id = rs.getString("id");
        c.caseNo = rs.getString("case_no");
        c.title = rs.getString("title");
        c.facts = rs.getString("facts");
        c.claims = rs.getString("claims");
        c.category = DisputeCategory.valueOf(rs.getString("category"));
        c.channel = Channel.valueOf(rs.getString("channel"));
        c.sourceRef = rs.getString("source_ref");
        c.amountInvolved = rs.getBigDecimal("amount_involved");
        c.centreId = rs.getString("centre_id");
        c.status = DisputeStatus.valueOf(rs.getString("status"));
        c.outcome = value(rs.getString("outcome"), Outcome::valueOf);
        c.mediationType = value(rs.getString("mediation_type"), MediationType::valueOf);
        c.level = value(rs.getString("level"), OrganisationLevel::valueOf);
        c.minLevel = value(rs.getString("min_level"), OrganisationLevel::valueOf);
        c.orgId = rs.getString("org_id");
        c.assignmentMode = value(rs.getString("assignment_mode"), AssignmentMode::valueOf);
        c.complexity = value(rs.getString("complexity"), Complexity::valueOf);
        c.riskLevel = value(rs.getString("risk_level"), RiskLevel::valueOf);
        c.timeLimitDays = (Integer) rs.getObject("time_limit_days");
        c.suggestion = readSuggestion(rs.getString("suggestion"));
        c.notAcceptReason = value(rs.getString("not_accept_reason"), NotAcceptReason::valueOf);
        c.reasonText = rs.getString("reason_text");
        c.transferTo = rs.getString("transfer_to");
        c.respondentConsent = value(rs.getString("respondent_consent"), RespondentConsent::valueOf);
        c.presidingMediatorId = rs.getString("presiding_mediator_id");
        c.selectedBy = value(rs.getString("selected_by"), SelectedBy::valueOf);
        c.acceptanceDueAt = rs.getObject("acceptance_due_at", OffsetDateTime.class);
        c.mediationStartedAt = rs.getObject("mediation_started_at", OffsetDateTime.class);
        c.dueAt = rs.getObject("due_at", OffsetDateTime.class);
        c.warningAt = rs.getObject("warning_at", OffsetDateTime.class);
        c.warnedDueAt = rs.getObject("warned_due_at", OffsetDateTime.class);
        c.overdue = rs.getBoolean("overdue");
        c.agreementEffectiveAt = rs.getObject("agreement_effective_at", OffsetDateTime.class);
        c.agreementForm = value(rs.getString("agreement_form"), AgreementForm::valueOf);
        c.performanceStatus = value(rs.getString("performance_status"), PerformanceStatus::valueOf);
        c.satisfaction = value(rs.getString("satisfaction"), Satisfaction::valueOf);
        c.closedAt = rs.getObject("closed_at", OffsetDateTime.class);
        c.archivedAt = rs.getObject("archived_at", OffsetDateTime.class);
        c.materialsReturnDueAt = rs.getObject("materials_return_due_at", OffsetDateTime.class);
        c.materialsReturnedAt = rs.getObject("materials_returned_at", OffsetDateTime.class);
        c.riskReportDueAt = rs.getObject("risk_report_due_at", OffsetDateTime.class);
        c.courtAcceptedAt = rs.getObject("court_accepted_at", OffsetDateTime.class);
        c.courtReviewExtendedAt = rs.getObject("court_review_extended_at", OffsetDateTime.class);
        c.volumeNo = rs.getString("volume_no");
        c.retentionYears = (Integer) rs.getObject("retention_years");
        c.processInstanceId = rs.getString("process_instance_id");
        c.version = rs.getInt("version");
        c.createdBy = rs.getString("created_by");
        c.createdAt = rs.getObject("created_at", OffsetDateTime.class);
        c.updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
        c.storedFacts = DisputeFigures.Facts.of(c);
        return c;
    }

    private static <T> T value(String raw, Function<String, T> parse) {
        return raw == null ? null : parse.apply(raw);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TriageSuggestion readSuggestion(String json) {
        try {
            return json == null ? null : mapper.readValue(json, TriageSuggestion.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Next number of the per-abbreviation, per-year case-number sequence (row-locked). */
    int nextCaseNumber(String abbr, int year) {
        // create the year's row if missing (no exception path: a failed insert would abort a PostgreSQL transaction)
        jdbc.sql("insert into case_no_sequence (abbr, year_no, last_value) select ?, ?, 0 where not exists "
                        + "(select 1 from case_no_sequence where abbr = ? and year_no = ?)")
                .params(abbr, year, abbr, year).update();
        jdbc.sql("update case_no_sequence set last_value = last_value + 1 where abbr = ? and year_no = ?")
                .params(abbr, year).update();
        return jdbc.sql("select last_value from case_no_sequence where abbr = ? and year_no = ?").params(abbr, year)
                .query(Integer.class).single();
    }

}
