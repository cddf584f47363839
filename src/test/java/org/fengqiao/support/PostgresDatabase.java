package org.fengqiao.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL database on the machine's server (127.0.0.1:5432, trust auth, admin
 * database {@code test}). Where the server is unreachable the calling test is skipped with the
 * reason printed, unless {@code FENGQIAO_REQUIRE_POSTGRES=true}, in which case it fails.
 */
public final class PostgresDatabase {

    public static final String HOST = System.getenv().getOrDefault("FENGQIAO_PG_HOST", "127.0.0.1");
    public static final String PORT = System.getenv().getOrDefault("FENGQIAO_PG_PORT", "5432");
    public static final String USER = System.getenv().getOrDefault("FENGQIAO_PG_USER", "postgres");

    private PostgresDatabase() {
    }

    /** Creates a fresh database and returns its JDBC URL; skips (or fails in CI) when PostgreSQL is absent. */
    public static String create(String prefix) {
        String name = prefix + "_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(url("test"), USER, "");
             Statement s = c.createStatement()) {
            dropLeftovers(s, prefix);
            s.execute("create database " + name);
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable at " + HOST + ":" + PORT + " (" + e.getMessage() + ")";
            if (Boolean.parseBoolean(System.getenv("FENGQIAO_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(reason + " and FENGQIAO_REQUIRE_POSTGRES=true", e);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        return url(name);
    }

    /** Databases of earlier runs whose contexts are gone (a database still in use is left alone). */
    private static void dropLeftovers(Statement s, String prefix) throws SQLException {
        java.util.List<String> old = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = s.executeQuery("select datname from pg_database where datname like '" + prefix + "\\_%'")) {
            while (rs.next()) {
                old.add(rs.getString(1));
            }
        }
        for (String db : old) {
            try {
                s.execute("drop database if exists " + db);
            } catch (SQLException inUse) {
                // another JVM's context still uses it
            }
        }
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }
}
