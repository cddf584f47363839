package org.fengqiao.reporting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.fengqiao.dispute.DisputeFigures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes dispute rows straight into the tables: a fixture of a few thousand cases in a period and
 * under centres no other test uses, so the figures are exact. Rows written this way bypass the
 * application, so {@link #figuresRebuilt()} recomputes the report's read model before the test reads.
 */
final class ReportRows {

    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private final JdbcClient jdbc;
    private final DisputeFigures figures;
    private int seq;

    ReportRows(JdbcClient jdbc, DisputeFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    /** Recomputes {@code dispute_figures} from the case tables, these rows included. */
    void figuresRebuilt() {
        figures.rebuild();
    }

    static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 10, 0, 0, 0, CST);
    }

    /** One case; answers its id. {@code mediationType} non-null marks a case triage accepted. */
    String insertCase(String centreId, String orgId, String category, String status, String outcome,
                      String mediationType, OffsetDateTime createdAt, OffsetDateTime closedAt, OffsetDateTime dueAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into dispute_case (id, case_no, title, category, channel, centre_id, status, outcome,
                    mediation_type, org_id, due_at, closed_at, version, created_by, created_at, updated_at)
                values (:id, :no, :title, :category, 'PARTY_APPLICATION', :centre, :status, :outcome,
                    :mediationType, :org, :due, :closed, 0, 'report-fixture', :created, :created)""")
                .param("id", id).param("no", "RPT-" + centreId + "-" + (++seq) + "-" + id.substring(0, 8))
                .param("title", "统计样例 " + seq).param("category", category).param("centre", centreId)
                .param("status", status).param("outcome", outcome).param("mediationType", mediationType)
                .param("org", orgId).param("due", dueAt).param("closed", closedAt).param("created", createdAt)
                .update();
        return id;
    }

    void insertVisit(String caseId, String satisfaction, OffsetDateTime visitedAt) {
        jdbc.sql("""
                insert into dispute_return_visit (id, case_id, satisfaction, visitor, visited_at)
                values (:id, :case, :satisfaction, 'visitor', :at)""")
                .param("id", UUID.randomUUID().toString()).param("case", caseId).param("satisfaction", satisfaction)
                .param("at", visitedAt).update();
    }
}
