package org.fengqiao.support;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A private in-memory H2 database carrying the product's own Flyway schema (common + h2), for fast
 * tests of domain and access rules that read tables but need no Spring context or engine — the
 * tests mutation testing runs (the {@code mutation} Maven profile).
 */
public final class MemoryDatabase {

    private MemoryDatabase() {
    }

    public static JdbcClient migrated() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        migrate(ds);
        return JdbcClient.create(ds);
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .placeholders(java.util.Map.of("runtimerole", "sa"))
                .load().migrate();
    }
}
