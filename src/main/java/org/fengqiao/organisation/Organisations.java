package org.fengqiao.organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisation rows and memberships. */
@Repository
class Organisations {

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Organisation> findAll() {
        return jdbc.sql("select id, code, name, type, level, parent_id, case_no_abbr, sort_order from organisation order by sort_order, id")
                .query((rs, n) -> new Organisation(rs.getString(1), rs.getString(2), rs.getString(3),
                        OrganisationType.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : OrganisationLevel.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7), rs.getInt(8)))
                .list();
    }

    void save(Organisation o) {
        int updated = jdbc.sql("update organisation set code = ?, name = ?, type = ?, level = ?, parent_id = ?, case_no_abbr = ?, sort_order = ? where id = ?")
                .params(o.code(), o.name(), o.type().name(), o.level() == null ? null : o.level().name(), o.parentId(),
                        o.caseNoAbbr(), o.sortOrder(), o.id())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into organisation (id, code, name, type, level, parent_id, case_no_abbr, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(o.id(), o.code(), o.name(), o.type().name(), o.level() == null ? null : o.level().name(),
                            o.parentId(), o.caseNoAbbr(), o.sortOrder())
                    .update();
        }
    }

    Set<String> membershipsOf(String userId) {
        return Set.copyOf(jdbc.sql("select org_id from organisation_member where user_id = ?")
                .param(userId).query(String.class).list());
    }

    List<String> membersOf(String orgId) {
        return jdbc.sql("select user_id from organisation_member where org_id = ? order by user_id")
                .param(orgId).query(String.class).list();
    }

    void addMember(String userId, String orgId) {
        Integer exists = jdbc.sql("select count(*) from organisation_member where user_id = ? and org_id = ?")
                .params(userId, orgId).query(Integer.class).single();
        if (exists == 0) {
            jdbc.sql("insert into organisation_member (user_id, org_id) values (?, ?)").params(userId, orgId).update();
        }
    }

    Optional<Organisation> findById(String id) {
        return findAll().stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
