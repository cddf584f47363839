package org.fengqiao.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fengqiao.organisation.OrganisationLevel;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Persistence of {@link Appeal} and its history; updates are optimistic (version column). */
@Repository
public class Appeals {

    /** Filters of the appeal list; null means "any". */
    public record Filter(AppealStatus status, AppealType type, String departmentId, String gridId, Boolean overdue) {
    }

    /** Organisations the caller reaches (null: everything) and the caller's own user id (reporter). */
    record Scope(Collection<String> organisations, String userId) {
    }

    public record HistoryEntry(OffsetDateTime at, String actor, String action, AppealStatus fromStatus,
                               AppealStatus toStatus, Map<String, Object> details) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    Appeals(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    int nextTicketNumber(String day) {
        int updated = jdbc.sql("update appeal_ticket_sequence set last_value = last_value + 1 where day_no = ?")
                .param(day).update();
        if (updated == 0) {
            jdbc.sql("insert into appeal_ticket_sequence (day_no, last_value) values (?, 1)").param(day).update();
            return 1;
        }
        return jdbc.sql("select last_value from appeal_ticket_sequence where day_no = ?").param(day)
                .query(Integer.class).single();
    }

    void insert(Appeal a) {
        jdbc.sql("""
                insert into appeal (id, ticket_no, type, channel, grid_id, description, reporter_name, reporter_phone,
                    urgency, centre_id, status, version, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(a.id, a.ticketNo, a.type.name(), a.channel.name(), a.gridId, a.description, a.reporterName,
                        a.reporterPhone, a.urgency.name(), a.centreId, a.status.name(), a.createdBy, a.createdAt, a.updatedAt)
                .update();
    }

    void update(Appeal a) {
        int updated = jdbc.sql("""
                update appeal set status = :status, level = :level, lead_dept_id = :lead, assist_dept_ids = :assist,
                    time_limit = :timeLimit, due_at = :dueAt, notice_at = :noticeAt, reminded_due_at = :reminded,
                    noticed_due_at = :noticed, dispatched_at = :dispatchedAt, signed_at = :signedAt,
                    extension_days = :extDays, extension_reason = :extReason, extension_pending = :extPending,
                    extended = :extended, return_count = :returns, reopen_count = :reopens, feedback = :feedback,
                    feedback_at = :feedbackAt, satisfaction = :satisfaction, linked_dispute_id = :dispute,
                    closed_at = :closedAt, closed_on_time = :onTime, process_instance_id = :pid,
                    updated_at = :updatedAt, version = version + 1
                where id = :id and version = :version""")
                .param("status", a.status.name()).param("level", a.level == null ? null : a.level.name())
                .param("lead", a.leadDepartmentId)
                .param("assist", a.assistingDepartmentIds.isEmpty() ? null : String.join(",", a.assistingDepartmentIds))
                .param("timeLimit", a.timeLimit).param("dueAt", a.dueAt).param("noticeAt", a.noticeAt)
                .param("reminded", a.remindedDueAt).param("noticed", a.noticedDueAt)
                .param("dispatchedAt", a.dispatchedAt).param("signedAt", a.signedAt)
                .param("extDays", a.extensionDays).param("extReason", a.extensionReason)
                .param("extPending", a.extensionPending).param("extended", a.extended)
                .param("returns", a.returnCount).param("reopens", a.reopenCount).param("feedback", a.feedback)
                .param("feedbackAt", a.feedbackAt)
                .param("satisfaction", a.satisfaction == null ? null : a.satisfaction.name())
                .param("dispute", a.linkedDisputeId).param("closedAt", a.closedAt).param("onTime", a.closedOnTime)
                .param("pid", a.processInstanceId).param("updatedAt", a.updatedAt).param("id", a.id)
                .param("version", a.version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("appeal " + a.id + " was changed concurrently");
        }
        a.version++;
    }

    public Optional<Appeal> find(String id) {
        return jdbc.sql("select * from appeal where id = ?").param(id).query(Appeals::map).optional();
    }

    public Optional<Appeal> findByTicketNo(String ticketNo) {
        return jdbc.sql("select * from appeal where ticket_no = ?").param(ticketNo).query(Appeals::map).optional();
    }

    /** Open appeals with a handling or notice deadline still to come, due at or after {@code from}. */
    List<String> withOpenDeadlinesFrom(OffsetDateTime from, OffsetDateTime now) {
        return jdbc.sql("""
                select id from appeal
                 where status <> 'CLOSED' and due_at is not null
                   and ((due_at >= :from and due_at > :now) or (notice_at >= :from and notice_at > :now))
                 order by id""")
                .param("from", from).param("now", now).query(String.class).list();
    }

    void lock(String id) {
        jdbc.sql("select id from appeal where id = ? for update").param(id).query(String.class).optional();
    }

    List<Appeal> list(Filter filter, Scope scope, OffsetDateTime now, int page, int size) {
        Query q = where(filter, scope, now);
        return jdbc.sql("select * from appeal" + q.sql + " order by created_at desc, id limit :limit offset :offset")
                .params(q.params).param("limit", size).param("offset", (long) page * size)
                .query(Appeals::map).list();
    }

    long count(Filter filter, Scope scope, OffsetDateTime now) {
        Query q = where(filter, scope, now);
        return jdbc.sql("select count(*) from appeal" + q.sql).params(q.params).query(Long.class).single();
    }

    private record Query(String sql, Map<String, Object> params) {
    }

    private static Query where(Filter f, Scope scope, OffsetDateTime now) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.status() != null) {
            clauses.add("status = :status");
            params.put("status", f.status().name());
        }
        if (f.type() != null) {
            clauses.add("type = :type");
            params.put("type", f.type().name());
        }
        if (f.departmentId() != null) {
            clauses.add("(lead_dept_id = :dept or assist_dept_ids like :deptLike)");
            params.put("dept", f.departmentId());
            params.put("deptLike", "%" + f.departmentId() + "%");
        }
        if (f.gridId() != null) {
            clauses.add("grid_id = :grid");
            params.put("grid", f.gridId());
        }
        if (f.overdue() != null) {
            String overdue = "(status in ('DISPATCHED', 'IN_PROGRESS') and due_at < :now)";
            clauses.add(f.overdue() ? overdue : "not " + overdue);
            params.put("now", now);
        }
        if (scope.organisations() != null) {
            List<String> visible = new ArrayList<>(List.of("created_by = :me"));
            params.put("me", scope.userId());
            if (!scope.organisations().isEmpty()) {
                visible.add("centre_id in (:orgs)");
                visible.add("lead_dept_id in (:orgs)");
                params.put("orgs", scope.organisations());
                int i = 0;
                for (String org : scope.organisations()) {
                    visible.add("assist_dept_ids like :assist" + i);
                    params.put("assist" + i++, "%" + org + "%");
                    if (i > 50) {
                        break;
                    }
                }
            }
            clauses.add("(" + String.join(" or ", visible) + ")");
        }
        return new Query(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    void addHistory(String appealId, OffsetDateTime at, String actor, String action, AppealStatus from, AppealStatus to,
                    Map<String, Object> details) {
        jdbc.sql("insert into appeal_history (appeal_id, at, actor, action, from_status, to_status, details) values (?, ?, ?, ?, ?, ?, ?)")
                .params(appealId, at, actor, action, from == null ? null : from.name(), to == null ? null : to.name(),
                        json(details))
                .update();
    }

    List<HistoryEntry> history(String appealId) {
        return jdbc.sql("select * from appeal_history where appeal_id = ? order by id").param(appealId)
                .query((rs, n) -> new HistoryEntry(rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), status(rs.getString("from_status")), status(rs.getString("to_status")),
                        details(rs.getString("details"))))
                .list();
    }

    private static AppealStatus status(String s) {
        return s == null ? null : AppealStatus.valueOf(s);
    }

    private String json(Map<String, Object> details) {
        try {
            return mapper.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> details(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Appeal map(ResultSet rs, int row) throws SQLException {
        Appeal a = new Appeal();
        a.id = rs.getString("id");
        a.ticketNo = rs.getString("ticket_no");
        a.type = AppealType.valueOf(rs.getString("type"));
        a.channel = AppealChannel.valueOf(rs.getString("channel"));
        a.gridId = rs.getString("grid_id");
        a.description = rs.getString("description");
        a.reporterName = rs.getString("reporter_name");
        a.reporterPhone = rs.getString("reporter_phone");
        a.urgency = Urgency.valueOf(rs.getString("urgency"));
        a.centreId = rs.getString("centre_id");
        a.status = AppealStatus.valueOf(rs.getString("status"));
        String level = rs.getString("level");
        a.level = level == null ? null : OrganisationLevel.valueOf(level);
        a.leadDepartmentId = rs.getString("lead_dept_id");
        String assist = rs.getString("assist_dept_ids");
        a.assistingDepartmentIds = assist == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(assist.split(",")));
        a.timeLimit = rs.getString("time_limit");
        a.dueAt = rs.getObject("due_at", OffsetDateTime.class);
        a.noticeAt = rs.getObject("notice_at", OffsetDateTime.class);
        a.remindedDueAt = rs.getObject("reminded_due_at", OffsetDateTime.class);
        a.noticedDueAt = rs.getObject("noticed_due_at", OffsetDateTime.class);
        a.dispatchedAt = rs.getObject("dispatched_at", OffsetDateTime.class);
        a.signedAt = rs.getObject("signed_at", OffsetDateTime.class);
        a.extensionDays = (Integer) rs.getObject("extension_days");
        a.extensionReason = rs.getString("extension_reason");
        a.extensionPending = rs.getBoolean("extension_pending");
        a.extended = rs.getBoolean("extended");
        a.returnCount = rs.getInt("return_count");
        a.reopenCount = rs.getInt("reopen_count");
        a.feedback = rs.getString("feedback");
        a.feedbackAt = rs.getObject("feedback_at", OffsetDateTime.class);
        String satisfaction = rs.getString("satisfaction");
        a.satisfaction = satisfaction == null ? null : Satisfaction.valueOf(satisfaction);
        a.linkedDisputeId = rs.getString("linked_dispute_id");
        a.closedAt = rs.getObject("closed_at", OffsetDateTime.class);
        a.closedOnTime = (Boolean) rs.getObject("closed_on_time");
        a.processInstanceId = rs.getString("process_instance_id");
        a.version = rs.getInt("version");
        a.createdBy = rs.getString("created_by");
        a.createdAt = rs.getObject("created_at", OffsetDateTime.class);
        a.updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
        return a;
    }
}
