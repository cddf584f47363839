package org.fengqiao.custody;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Zones {

    private final JdbcClient jdbc;

    Zones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Zone> all() {
        return jdbc.sql("select * from custody_zone order by sort_order, id").query(Zones::map).list();
    }

    public Optional<Zone> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from custody_zone where id = ?").param(id).query(Zones::map).optional();
    }

    void save(Zone zone, int sortOrder) {
        String locations = String.join(",", zone.locations() == null ? List.of() : zone.locations());
        int updated = jdbc.sql("update custody_zone set name = ?, type = ?, owner_agency_id = ?, locations = ?, sort_order = ? where id = ?")
                .params(zone.name(), zone.type().name(), zone.ownerAgencyId(), locations, sortOrder, zone.id()).update();
        if (updated == 0) {
            jdbc.sql("insert into custody_zone (id, name, type, owner_agency_id, locations, sort_order) values (?, ?, ?, ?, ?, ?)")
                    .params(zone.id(), zone.name(), zone.type().name(), zone.ownerAgencyId(), locations, sortOrder).update();
        }
    }

    static Zone map(ResultSet rs, int row) throws SQLException {
        String locations = rs.getString("locations");
        return new Zone(rs.getString("id"), rs.getString("name"), ZoneType.valueOf(rs.getString("type")),
                rs.getString("owner_agency_id"),
                locations == null || locations.isBlank() ? List.of() : Arrays.asList(locations.split(",")));
    }
}
