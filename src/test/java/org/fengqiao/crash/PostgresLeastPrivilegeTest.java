package org.fengqiao.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.fengqiao.support.AppProcess;
import org.fengqiao.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The postgres profile with two roles: Flyway migrates as the owner (every table, Camunda's
 * included), the application runs as a runtime role that may only INSERT into and SELECT from the
 * custody ledger. The application works; the runtime role cannot update, delete, truncate, drop or
 * disable the triggers, or create tables; TRUNCATE is refused by a trigger even for the owner.
 */
@Tag("postgres")
class PostgresLeastPrivilegeTest {

    static final String OWNER = "fq_lp_owner";
    static final String RUNTIME = "fq_lp_app";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRuntimeRoleMayOnlyInsertAndReadTheLedger() throws Exception {
        String url = PostgresDatabase.create("fq_lp");
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(url, PostgresDatabase.USER, ""); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + OWNER + "') then create role "
                    + OWNER + " login; end if; if not exists (select from pg_roles where rolname = '" + RUNTIME
                    + "') then create role " + RUNTIME + " login; end if; end $$");
            s.execute("alter database " + database + " owner to " + OWNER);
            s.execute("alter schema public owner to " + OWNER);
            s.execute("grant connect on database " + database + " to " + RUNTIME);
        }
        Path workDir = Files.createDirectories(Path.of("target", "least-privilege-" + System.nanoTime()).toAbsolutePath());
        int port = AppProcess.freePort();
        AppProcess app = AppProcess.start(port, workDir.resolve("app.log"), List.of("-Xmx768m"), List.of(
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + RUNTIME, "--spring.flyway.user=" + OWNER, "--logging.level.root=WARN"), workDir);
        try {
            app.awaitReady(Duration.ofSeconds(240));
            HttpResponse<String> pc = post(port, "officer1", "/api/property-cases", Map.of("agencyCaseNo", "LP-1",
                    "caseName", "最小权限测试案", "caseType", "CRIMINAL", "handlingAgencyId", "rz-police",
                    "officerIds", List.of("officer1", "officer2")));
            assertThat(pc.statusCode()).as(pc.body()).isEqualTo(201);
            String caseId = JSON.readTree(pc.body()).path("id").asText();
            HttpResponse<String> items = post(port, "officer1", "/api/property-cases/" + caseId + "/items", List.of(
                    Map.of("name", "手机", "category", "ELECTRONIC_DATA", "quantity", 1, "unit", "部", "measure", "SEIZE", "source", "嫌疑人随身",
                            "valuation", 1999, "evidenceUse", true)));
            assertThat(items.statusCode()).as(items.body()).isEqualTo(201);
            assertThat(post(port, "admin", "/api/custody-ledger/checkpoints", null).statusCode()).isEqualTo(201);
        } finally {
            app.kill();
        }

        try (Connection c = DriverManager.getConnection(url, RUNTIME, ""); Statement s = c.createStatement()) {
            for (String sql : List.of("update custody_ledger set actor = 'x'", "delete from custody_ledger",
                    "truncate custody_ledger", "update custody_ledger_checkpoint set tree_size = 0",
                    "delete from custody_ledger_checkpoint", "drop trigger custody_ledger_no_update on custody_ledger",
                    "alter table custody_ledger disable trigger all", "drop table custody_ledger",
                    "create table fq_intruder (i int)", "alter table act_ru_task add column x int")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql + ": " + e.getMessage()).isIn("42501"));
            }
            // what the application needs: read and append
            assertThat(s.executeQuery("select count(*) from custody_ledger").next()).isTrue();
            assertThat(s.executeQuery("select count(*) from act_ru_task").next()).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url, OWNER, ""); Statement s = c.createStatement()) {
            // the owner could drop the trigger, but TRUNCATE itself is refused by it
            assertThatThrownBy(() -> s.execute("truncate custody_ledger")).hasMessageContaining("append-only");
            assertThat(s.executeQuery("select 1 from pg_tables where tablename = 'act_ge_property' and tableowner = '" + OWNER + "'")
                    .next()).as("Camunda's tables belong to the owner role").isTrue();
        }
    }

    private HttpResponse<String> post(int port, String user, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
