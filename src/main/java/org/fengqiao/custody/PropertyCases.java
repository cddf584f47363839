package org.fengqiao.custody;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PropertyCases {

    private final JdbcClient jdbc;

    PropertyCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PropertyCase c) {
        jdbc.sql("""
                insert into property_case (id, case_seq, agency_case_no, case_name, case_type, handling_agency_id,
                                           handling_scope, officer_ids, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.caseSeq(), c.agencyCaseNo(), c.caseName(), c.caseType().name(), c.handlingAgencyId(),
                        c.handlingScope(), String.join(",", c.officerIds()), c.createdBy(), c.createdAt())
                .update();
    }

    public Optional<PropertyCase> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from property_case where id = ?").param(id).query(PropertyCases::map).optional();
    }

    /** The cases handled by these agencies (scopes), newest first; all cases for {@code null}. */
    public java.util.List<PropertyCase> ofScopes(java.util.Collection<String> scopes, int limit) {
        if (scopes != null && scopes.isEmpty()) {
            return java.util.List.of();
        }
        String where = scopes == null ? "" : " where handling_scope in (:scopes)";
        var statement = jdbc.sql("select * from property_case" + where + " order by case_seq desc fetch first "
                + Math.max(1, limit) + " rows only");
        if (scopes != null) {
            statement = statement.param("scopes", scopes);
        }
        return statement.query(PropertyCases::map).list();
    }

    public Optional<PropertyCase> findByAgencyCaseNo(String agencyCaseNo) {
        return jdbc.sql("select * from property_case where agency_case_no = ? order by case_seq")
                .param(agencyCaseNo).query(PropertyCases::map).list().stream().findFirst();
    }

    /** Records the stage of the proceedings (C17); answers whether the row was changed. */
    void updateStage(String id, ProceedingsStage stage, String documentNo, OffsetDateTime at) {
        jdbc.sql("update property_case set stage = ?, stage_document_no = ?, stage_changed_at = ? where id = ?")
                .params(stage.name(), documentNo, at, id).update();
    }

    /** C7: the judgment is due from the court by then. */
    void updateJudgmentDeliveryDue(String id, OffsetDateTime dueAt) {
        jdbc.sql("update property_case set judgment_delivery_due_at = ? where id = ?").params(dueAt, id).update();
    }

    /** C7: the judgment arrived. */
    void updateJudgmentDelivered(String id, OffsetDateTime deliveredAt, String documentNo) {
        jdbc.sql("update property_case set judgment_delivered_at = ?, judgment_delivery_doc_no = ? where id = ?")
                .params(deliveredAt, documentNo, id).update();
    }

    /** Next value of a named counter; the row lock serialises concurrent callers. */
    long next(String counter) {
        if (jdbc.sql("update custody_counter set counter_value = counter_value + 1 where name = ?").param(counter).update() == 0) {
            jdbc.sql("insert into custody_counter (name, counter_value) values (?, 1)").param(counter).update();
        }
        return jdbc.sql("select counter_value from custody_counter where name = ?").param(counter).query(Long.class).single();
    }

    static PropertyCase map(ResultSet rs, int row) throws SQLException {
        return new PropertyCase(rs.getString("id"), rs.getLong("case_seq"), rs.getString("agency_case_no"),
                rs.getString("case_name"), CaseType.valueOf(rs.getString("case_type")),
                rs.getString("handling_agency_id"), rs.getString("handling_scope"),
                Arrays.asList(rs.getString("officer_ids").split(",")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), ProceedingsStage.valueOf(rs.getString("stage")),
                rs.getString("stage_document_no"), rs.getObject("stage_changed_at", OffsetDateTime.class),
                rs.getObject("judgment_delivery_due_at", OffsetDateTime.class),
                rs.getObject("judgment_delivered_at", OffsetDateTime.class), rs.getString("judgment_delivery_doc_no"));
    }
}
