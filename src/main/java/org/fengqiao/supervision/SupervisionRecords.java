package org.fengqiao.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.calendar.WorkingCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores and lists 督办 records; joins the caller's transaction so a timer's record and its effect land together. */
@Service
public class SupervisionRecords {

    public static final String SYSTEM = "system";

    /** Filters of the supervision list; null means "any". */
    public record Filter(Boolean open, String targetType, String targetId) {
    }

    private static final String RANK = "case level when 'REMINDER' then 1 when 'NOTICE' then 2 when 'BULLETIN' then 3 else 4 end";

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final SupervisionSettings settings;

    SupervisionRecords(JdbcClient jdbc, WorkingCalendar calendar, SupervisionSettings settings) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** When a supervision issued at {@code issuedAt} must be answered (fengqiao.supervision.response-limit). */
    public OffsetDateTime responseDueFrom(OffsetDateTime issuedAt) {
        return calendar.deadline(issuedAt, settings.responseLimit());
    }

    public List<Supervision> list(Filter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        return jdbc.sql("select * from supervision" + where + " order by issued_at desc, id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(SupervisionRecords::map).list();
    }

    public long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from supervision" + where(filter, params)).params(params)
                .query(Long.class).single();
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (Boolean.TRUE.equals(f.open())) {
            clauses.add("closed_at is null");
        } else if (Boolean.FALSE.equals(f.open())) {
            clauses.add("closed_at is not null");
        }
        if (f.targetType() != null) {
            clauses.add("target_type = :targetType");
            params.put("targetType", f.targetType());
        }
        if (f.targetId() != null) {
            clauses.add("target_id = :targetId");
            params.put("targetId", f.targetId());
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /** Records the answer and closes the supervision; false if it was already closed. */
    @Transactional
    public boolean respond(String id, String response, String by, OffsetDateTime at) {
        return jdbc.sql("""
                update supervision set response = ?, responded_by = ?, responded_at = ?, closed_at = ?
                where id = ? and closed_at is null""")
                .params(response, by, at, at, id).update() == 1;
    }

    /**
     * Open supervisions whose response deadline has passed, that were not escalated yet and that no
     * open supervision of a higher level on the same target has overtaken.
     */
    public List<Supervision> unansweredPastDeadline(OffsetDateTime now) {
        return jdbc.sql("select * from supervision s where s.closed_at is null and s.escalated_to is null"
                        + " and s.response_due_at is not null and s.response_due_at < :now and s.level <> 'LISTED'"
                        + " and not exists (select 1 from supervision h where h.target_type = s.target_type"
                        + " and h.target_id = s.target_id and h.closed_at is null and h.id <> s.id and "
                        + RANK.replace("level", "h.level") + " > " + RANK.replace("level", "s.level") + ")"
                        + " order by s.response_due_at, s.id")
                .param("now", now).query(SupervisionRecords::map).list();
    }

    /** Marks {@code id} as superseded by {@code escalatedTo} (it stays open until the target closes or someone answers). */
    @Transactional
    public void markEscalated(String id, String escalatedTo, OffsetDateTime at) {
        jdbc.sql("update supervision set escalated_to = ?, escalated_at = ? where id = ?").params(escalatedTo, at, id).update();
    }

    public String escalatedTo(String id) {
        return jdbc.sql("select escalated_to from supervision where id = ?").param(id).query(String.class).optional().orElse(null);
    }

    /**
     * Raises a supervision whose response deadline is {@code responseLimit} counted from
     * {@code issuedAt} through the working-day calendar; the limit is kept, so that the deadline is
     * recomputed when a year's calendar is entered ({@link SupervisionDeadlineRecomputation}).
     */
    @Transactional
    public Supervision raiseCounted(String targetType, String targetId, String targetRef, SupervisionLevel level,
                                    String reason, String triggeredBy, String issuedBy, OffsetDateTime issuedAt,
                                    TimeLimit responseLimit) {
        Supervision s = raise(targetType, targetId, targetRef, level, reason, triggeredBy, issuedBy, issuedAt,
                calendar.deadline(issuedAt, responseLimit));
        jdbc.sql("update supervision set response_limit = ? where id = ?")
                .params(responseLimit.amount() + " " + responseLimit.unit().name(), s.id()).update();
        return s;
    }

    /** {@link #raiseCounted} with the supervision's own response limit (fengqiao.supervision.response-limit). */
    @Transactional
    public Supervision raiseWithResponseLimit(String targetType, String targetId, String targetRef, SupervisionLevel level,
                                              String reason, String triggeredBy, String issuedBy, OffsetDateTime issuedAt) {
        return raiseCounted(targetType, targetId, targetRef, level, reason, triggeredBy, issuedBy, issuedAt,
                settings.responseLimit());
    }

    /** An open, not escalated supervision with a counted response deadline to come, due at or after {@code from}. */
    record Counted(String id, String targetType, String targetId, SupervisionLevel level, OffsetDateTime issuedAt,
                   OffsetDateTime responseDueAt, TimeLimit responseLimit) {
    }

    List<Counted> countedOpenFrom(OffsetDateTime from, OffsetDateTime now) {
        return jdbc.sql("""
                select id, target_type, target_id, level, issued_at, response_due_at, response_limit from supervision
                 where closed_at is null and escalated_to is null and response_limit is not null
                   and response_due_at >= :from and response_due_at > :now
                 order by id""")
                .param("from", from).param("now", now)
                .query((rs, n) -> {
                    String[] limit = rs.getString("response_limit").trim().split("\\s+");
                    return new Counted(rs.getString("id"), rs.getString("target_type"), rs.getString("target_id"),
                            SupervisionLevel.valueOf(rs.getString("level")), rs.getObject("issued_at", OffsetDateTime.class),
                            rs.getObject("response_due_at", OffsetDateTime.class),
                            new TimeLimit(Integer.parseInt(limit[0]), DeadlineUnit.valueOf(limit[1])));
                }).list();
    }

    /**
     * A target's deadline that open supervisions point at as their response deadline (e.g. a
     * warning before the mediation deadline) moved: they point at the new one. Answers how many moved.
     */
    @Transactional
    public int followTargetDeadline(String targetType, String targetId, OffsetDateTime old, OffsetDateTime due) {
        return jdbc.sql("""
                update supervision set response_due_at = ?
                 where target_type = ? and target_id = ? and closed_at is null and response_limit is null
                   and response_due_at = ?""")
                .params(due, targetType, targetId, old).update();
    }

    void moveResponseDue(String id, OffsetDateTime due) {
        jdbc.sql("update supervision set response_due_at = ? where id = ?").params(due, id).update();
    }

    @Transactional
    public Supervision raise(String targetType, String targetId, String targetRef, SupervisionLevel level, String reason,
                             String triggeredBy, String issuedBy, OffsetDateTime issuedAt, OffsetDateTime responseDueAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into supervision (id, target_type, target_id, target_ref, level, reason, triggered_by, issued_by,
                                         issued_at, response_due_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, targetType, targetId, targetRef, level.name(), reason, triggeredBy, issuedBy, issuedAt,
                        responseDueAt)
                .update();
        return find(id);
    }

    public Supervision find(String id) {
        return jdbc.sql("select * from supervision where id = ?").param(id).query(SupervisionRecords::map).single();
    }

    public List<Supervision> forTarget(String targetType, String targetId) {
        return jdbc.sql("select * from supervision where target_type = ? and target_id = ? order by issued_at, id")
                .params(targetType, targetId).query(SupervisionRecords::map).list();
    }

    public long countForTarget(String targetType, String targetId, SupervisionLevel level) {
        return jdbc.sql("select count(*) from supervision where target_type = ? and target_id = ? and level = ?")
                .params(targetType, targetId, level.name()).query(Long.class).single();
    }

    @Transactional
    public void closeOpen(String targetType, String targetId, OffsetDateTime at) {
        jdbc.sql("update supervision set closed_at = ? where target_type = ? and target_id = ? and closed_at is null")
                .params(at, targetType, targetId).update();
    }

    static Supervision map(ResultSet rs, int row) throws SQLException {
        return new Supervision(rs.getString("id"), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("target_ref"), SupervisionLevel.valueOf(rs.getString("level")), rs.getString("reason"),
                rs.getString("triggered_by"), rs.getString("issued_by"),
                rs.getObject("issued_at", OffsetDateTime.class), rs.getObject("response_due_at", OffsetDateTime.class),
                rs.getString("response"), rs.getString("responded_by"),
                rs.getObject("responded_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("escalated_to"), rs.getObject("escalated_at", OffsetDateTime.class));
    }
}
