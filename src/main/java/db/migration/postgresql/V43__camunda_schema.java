package db.migration.postgresql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL: Camunda's tables are created by Flyway, as the owner role, from the engine's own
 * scripts ({@code org/camunda/bpm/engine/db/create/activiti.postgres.create.*.sql}, the order the
 * engine uses), so that the runtime role needs no DDL right ({@code camunda.bpm.database.schema-update:
 * false} in the postgres profile). A database whose Camunda tables already exist (created by the
 * engine before this migration) is left as it is.
 */
public class V43__camunda_schema extends BaseJavaMigration {

    static final String[] PARTS = {"engine", "history", "identity", "case.engine", "case.history", "decision.engine",
            "decision.history"};

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            try (ResultSet rs = s.executeQuery("select to_regclass('act_ge_property') is not null")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            for (String part : PARTS) {
                for (String statement : statements(read("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"))) {
                    s.execute(statement);
                }
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = V43__camunda_schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Camunda script " + resource + " not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits as the engine does: comment lines dropped, a statement ends with a line ending in ';'. */
    static java.util.List<String> statements(String script) {
        java.util.List<String> statements = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().trim();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }
}
