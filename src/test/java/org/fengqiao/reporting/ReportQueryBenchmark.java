package org.fengqiao.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.fengqiao.dispute.DisputeFigures;
import org.fengqiao.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Not a unit test: generates 1,000,000 dispute cases (with return visits) and 200,000 custody items
 * (with 600,000 ledger entries) into a fresh in-memory H2 database and a throw-away PostgreSQL database,
 * migrated by the application's own Flyway scripts, then times the report queries (the very
 * statements of {@link MediationStatistics} and {@link CustodyStatistics}, no HTTP) warm, as the
 * median of several runs, and writes the figures into docs/benchmarks.md under its own heading.
 *
 * <p>Run: {@code ./mvnw test -Dgroups=benchmark -DexcludedTestGroups=none -Dtest=ReportQueryBenchmark}.
 * The generated data lives in memory and in the dropped PostgreSQL database, never in the repository.
 */
@Tag("benchmark")
class ReportQueryBenchmark {

    static final int CASES = Integer.getInteger("benchmark.cases", 1_000_000);
    static final int ITEMS = Integer.getInteger("benchmark.items", 200_000);
    static final int WARMUP = 3;
    static final int RUNS = 9;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 11, 1);
    static final int DAYS = 730;
    static final OffsetDateTime NOW = FIRST_DAY.plusDays(DAYS).atStartOfDay(ZONE).toOffsetDateTime();
    static final String HEADING = "## Report queries over 1,000,000 cases";

    static final String[] CATEGORIES = {"NEIGHBOR", "NEIGHBOR", "NEIGHBOR", "MARRIAGE_FAMILY", "MARRIAGE_FAMILY",
            "DEBT", "DEBT", "LABOR", "LABOR", "PROPERTY_LAND", "DAMAGES", "TRAFFIC", "MEDICAL", "CONSUMER",
            "PROPERTY_MANAGEMENT", "LAND_EXPROPRIATION", "OTHER"};
    static final String[] ITEM_STATUSES = {"IN_STORAGE", "IN_STORAGE", "IN_STORAGE", "IN_STORAGE", "IN_STORAGE",
            "DISPOSED", "DISPOSED", "PENDING_HANDOVER", "ON_LOAN", "REGISTERED_NOT_HELD", "HANDOVER_INSPECTION",
            "LOAN_REQUESTED", "IN_TRANSFER", "DISPOSAL_REQUESTED", "DISPOSAL_APPROVED", "EXCEPTION_DAMAGED_OR_LOST"};

    record Timing(String query, long rows, double medianMs, double minMs, double maxMs) {
    }

    record Result(String database, String version, double loadSeconds, double rebuildSeconds, int figureRows,
                  String loadAverage, List<Timing> timings) {
    }

    /** A synthetic city: 6 counties × 12 towns, each town a centre with a committee and 5 villages. */
    static final class Tree {
        final List<String> towns = new ArrayList<>();
        final Map<String, Set<String>> subtrees = new LinkedHashMap<>();

        Tree() {
            for (int c = 0; c < 6; c++) {
                String county = "b-c" + c;
                Set<String> countyTree = new HashSet<>(List.of(county, county + "-rmtj"));
                for (int t = 0; t < 12; t++) {
                    String town = county + "-t" + t;
                    towns.add(town);
                    Set<String> townTree = new HashSet<>(List.of(town, town + "-tw"));
                    for (int v = 0; v < 5; v++) {
                        townTree.add(town + "-v" + v);
                    }
                    subtrees.put(town, townTree);
                    countyTree.addAll(townTree);
                }
                subtrees.put(county, countyTree);
            }
        }
    }

    @Test
    void reportQueriesOverAMillionCases() throws Exception {
        List<Result> results = new ArrayList<>();
        // in memory: an H2 file store took over 8 minutes for the load alone on this machine
        String databases = System.getProperty("benchmark.databases", "h2,postgresql");
        if (databases.contains("h2")) {
            String h2Url = "jdbc:h2:mem:report-benchmark;DB_CLOSE_DELAY=-1";
            results.add(run("H2 (in memory)", h2Url, "sa", "h2"));
            try (Connection c = java.sql.DriverManager.getConnection(h2Url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        }
        if (databases.contains("postgresql")) {
            String pgUrl = PostgresDatabase.create("fq_bench") + "?reWriteBatchedInserts=true";
            try {
                results.add(run("PostgreSQL", pgUrl, PostgresDatabase.USER, "postgresql"));
            } finally {
                dropPostgres(pgUrl);
            }
        }
        writeReport(results);
    }

    private Result run(String name, String url, String user, String vendor) throws Exception {
        Flyway.configure().dataSource(url, user, "")
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        Tree tree = new Tree();
        long t0 = System.nanoTime();
        try (Connection c = new DriverManagerDataSource(url, user, "").getConnection()) {
            c.setAutoCommit(false);
            generateCases(c, tree);
            generateCustody(c, tree);
            c.commit();
            try (Statement s = c.createStatement()) {
                if (vendor.equals("postgresql")) {
                    c.setAutoCommit(true);
                    s.execute("vacuum analyze");
                } else {
                    s.execute("analyze");
                    c.commit();
                }
            }
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: generated in %.1f s%n", name, loadSeconds);
        // the rows went in behind the application's back: fill its read model as start-up would
        long t1 = System.nanoTime();
        int figureRows;
        DriverManagerDataSource plain = new DriverManagerDataSource(url, user, "");
        figureRows = DisputeFigures.on(plain, ZONE).rebuild();
        try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
            s.execute(vendor.equals("postgresql") ? "vacuum analyze dispute_figures" : "analyze");
        }
        double rebuildSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("%s: dispute_figures rebuilt, %d rows in %.1f s%n", name, figureRows, rebuildSeconds);

        List<Timing> timings = new ArrayList<>();
        String version;
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true);
        try {
            try (Connection c = ds.getConnection()) {
                DatabaseMetaData md = c.getMetaData();
                version = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
            }
            JdbcClient jdbc = JdbcClient.create((DataSource) ds);
            touch = () -> {
                jdbc.sql("insert into dispute_figures values ('X', date '1900-01-01', '-', '-', '-', 0, 0, 0, 0, 0, 0, 0, 0, 0)")
                        .update();
                jdbc.sql("delete from dispute_figures where grain = 'X'").update();
            };
            MediationStatistics mediation = new MediationStatistics(jdbc);
            CustodyStatistics custody = new CustodyStatistics(jdbc);
            LocalDate lastDay = FIRST_DAY.plusDays(DAYS - 1);
            java.util.function.IntFunction<ReportPeriod> all = n -> shifted(ReportPeriod.allTime(), n);
            java.util.function.IntFunction<ReportPeriod> year = n -> shifted(
                    ReportPeriod.of(lastDay.minusYears(1).plusDays(1), lastDay, ZONE), n);
            java.util.function.IntFunction<ReportPeriod> month = n -> shifted(
                    ReportPeriod.of(lastDay.withDayOfMonth(1), lastDay, ZONE), n);
            // not aligned to months: day rows at both ends (the worst case of the read model)
            java.util.function.IntFunction<ReportPeriod> rolling = n -> ReportPeriod.of(lastDay.minusDays(364 + 15),
                    lastDay.minusDays(15), ZONE);
            java.util.function.IntFunction<ReportPeriod> quarter = n -> ReportPeriod.of(lastDay.minusDays(89 + 10),
                    lastDay.minusDays(10), ZONE);
            Set<String> county = tree.subtrees.get("b-c2");
            Set<String> town = tree.subtrees.get("b-c2-t5");
            timings.add(time("mediation · city (all cases) · all time", n -> received(mediation.byCategory(all.apply(n), null))));
            timings.add(time("mediation · city · last 12 months", n -> received(mediation.byCategory(year.apply(n), null))));
            timings.add(time("mediation · city · last month", n -> received(mediation.byCategory(month.apply(n), null))));
            timings.add(time("mediation · city · 365 days from mid-month to mid-month",
                    n -> received(mediation.byCategory(rolling.apply(n), null))));
            timings.add(time("mediation · one county (" + county.size() + " organisations) · all time",
                    n -> received(mediation.byCategory(all.apply(n), county))));
            timings.add(time("mediation · one county · last 12 months", n -> received(mediation.byCategory(year.apply(n), county))));
            timings.add(time("mediation · one county · 90 days from mid-month to mid-month",
                    n -> received(mediation.byCategory(quarter.apply(n), county))));
            timings.add(time("mediation · one town (" + town.size() + " organisations) · last 12 months",
                    n -> received(mediation.byCategory(year.apply(n), town))));
            timings.add(time("custody · all agencies · all time",
                    n -> custody.figures(all.apply(n), NOW, null, List.of()).items()));
            timings.add(time("custody · one agency · last 12 months",
                    n -> custody.figures(year.apply(n), NOW, Set.of("b-police-1"), List.of("zone-restricted")).items()));
        } finally {
            ds.destroy();
        }
        timings.forEach(t -> System.out.printf("%s | %s | %d | %.1f ms%n", name, t.query(), t.rows(), t.medianMs()));
        return new Result(name, version, loadSeconds, rebuildSeconds, figureRows, loadAverage(), timings);
    }

    private static ReportPeriod shifted(ReportPeriod p, int n) {
        return new ReportPeriod(p.from(), p.to(), p.start(), p.end().minusNanos(n * 1000L));
    }

    private static long received(Map<String, MediationFigures> byCategory) {
        return MediationStatistics.total(byCategory).received();
    }

    /** Untimed, before every run: a write to the read model, so H2 cannot reuse an earlier result. */
    private static Runnable touch = () -> { };

    /**
     * Each run gets its own parameters where it can (the period's end moved by a few microseconds,
     * far from any row) and the read model is written to before it: H2 hands back the cached result
     * of an identical query over unchanged tables, which would time nothing.
     */
    private static Timing time(String query, java.util.function.IntFunction<Long> run) {
        long rows = 0;
        int n = 0;
        for (int i = 0; i < WARMUP; i++) {
            touch.run();
            rows = run.apply(++n);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            touch.run();
            long t = System.nanoTime();
            run.apply(++n);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(Comparator.naturalOrder());
        return new Timing(query, rows, ms.get(RUNS / 2), ms.get(0), ms.get(RUNS - 1));
    }

    // --- data --------------------------------------------------------------------------------------

    private static void generateCases(Connection c, Tree tree) throws SQLException {
        Random rnd = new Random(42);
        String caseSql = """
                insert into dispute_case (id, case_no, title, category, channel, centre_id, status, outcome,
                    mediation_type, org_id, due_at, closed_at, overdue, version, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 1, 'bench', ?, ?)""";
        String visitSql = "insert into dispute_return_visit (id, case_id, satisfaction, visitor, visited_at)"
                + " values (?, ?, ?, 'visitor', ?)";
        try (PreparedStatement cases = c.prepareStatement(caseSql); PreparedStatement visits = c.prepareStatement(visitSql)) {
            int pendingVisits = 0;
            for (int i = 0; i < CASES; i++) {
                String id = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
                OffsetDateTime created = NOW.minusSeconds((long) (rnd.nextDouble() * DAYS * 86_400L));
                double where = rnd.nextDouble();
                String town = tree.towns.get(rnd.nextInt(tree.towns.size()));
                String countyOfTown = town.substring(0, town.indexOf("-t"));
                String centre = where < 0.8 ? town : where < 0.95 ? countyOfTown : "b";
                String committee = centre.equals(town) ? (rnd.nextBoolean() ? town + "-tw" : town + "-v" + rnd.nextInt(5))
                        : centre.equals(countyOfTown) ? countyOfTown + "-rmtj" : "b-rmtj";
                long ageDays = java.time.Duration.between(created, NOW).toDays();
                double s = rnd.nextDouble();
                String status;
                String outcome = null;
                boolean accepted = true;
                OffsetDateTime closed = created.plusHours(24 + rnd.nextInt(24 * 55));
                OffsetDateTime due = rnd.nextDouble() < 0.92 ? created.plusDays(33) : null;
                if (closed.isAfter(NOW) || (ageDays < 60 && s < 0.25)) {
                    status = new String[] {"TRIAGE", "CONSENT_PENDING", "IN_MEDIATION", "IN_MEDIATION",
                            "PERFORMANCE_MONITORING", "RETURN_VISIT"}[rnd.nextInt(6)];
                    accepted = !status.equals("TRIAGE");
                    closed = null;
                } else if (s < 0.02) {
                    status = rnd.nextBoolean() ? "REJECTED_NOT_ACCEPTED" : "ARCHIVED";
                    outcome = "NOT_ACCEPTED";
                    accepted = false;
                    due = null;
                } else if (s < 0.03) {
                    status = "TRANSFERRED_OUT";
                    outcome = "TRANSFERRED";
                    accepted = false;
                    due = null;
                } else {
                    status = ageDays > 180 && rnd.nextDouble() < 0.6 ? "ARCHIVED" : "CLOSED";
                    double o = rnd.nextDouble();
                    outcome = o < 0.84 ? "SUCCESS_WRITTEN" : o < 0.93 ? "SUCCESS_ORAL" : o < 0.97 ? "FAILED"
                            : o < 0.99 ? "REFUSED_BY_PARTY" : "WITHDRAWN";
                }
                int p = 1;
                cases.setString(p++, id);
                cases.setString(p++, "B-" + i);
                cases.setString(p++, "纠纷 " + i);
                cases.setString(p++, CATEGORIES[rnd.nextInt(CATEGORIES.length)]);
                cases.setString(p++, rnd.nextInt(4) == 0 ? "GRID_REPORT" : "PARTY_APPLICATION");
                cases.setString(p++, centre);
                cases.setString(p++, status);
                cases.setString(p++, outcome);
                cases.setString(p++, accepted ? "PEOPLES" : null);
                cases.setString(p++, accepted ? committee : null);
                cases.setObject(p++, accepted ? due : null);
                cases.setObject(p++, closed);
                cases.setObject(p++, created);
                cases.setObject(p++, closed != null ? closed : created);
                cases.addBatch();
                if (closed != null && accepted && rnd.nextDouble() < 0.7) {
                    double v = rnd.nextDouble();
                    visits.setString(1, new UUID(rnd.nextLong(), rnd.nextLong()).toString());
                    visits.setString(2, id);
                    visits.setString(3, v < 0.9 ? "SATISFIED" : v < 0.98 ? "BASICALLY_SATISFIED" : "DISSATISFIED");
                    visits.setObject(4, closed.minusHours(2));
                    visits.addBatch();
                    pendingVisits++;
                }
                if ((i + 1) % 5_000 == 0) {
                    cases.executeBatch();
                    if (pendingVisits > 0) {
                        visits.executeBatch();
                        pendingVisits = 0;
                    }
                    c.commit();
                }
            }
            cases.executeBatch();
            if (pendingVisits > 0) {
                visits.executeBatch();
            }
            c.commit();
        }
    }

    private static void generateCustody(Connection c, Tree tree) throws SQLException {
        Random rnd = new Random(7);
        int caseCount = ITEMS / 20;
        try (PreparedStatement zone = c.prepareStatement("insert into custody_zone (id, name, type, owner_agency_id)"
                + " values ('zone-restricted', '专区', 'RESTRICTED', 'b-ccdi')");
             PreparedStatement cases = c.prepareStatement("""
                     insert into property_case (id, case_seq, agency_case_no, case_name, case_type, handling_agency_id,
                         handling_scope, officer_ids, created_by, created_at) values (?, ?, ?, ?, 'CRIMINAL', ?, ?, 'o1', 'o1', ?)""")) {
            zone.executeUpdate();
            for (int i = 0; i < caseCount; i++) {
                String agency = "b-police-" + rnd.nextInt(8);
                cases.setString(1, "pc-" + i);
                cases.setLong(2, i + 1);
                cases.setString(3, "公(刑)字 " + i);
                cases.setString(4, "案件 " + i);
                cases.setString(5, agency);
                cases.setString(6, agency);
                cases.setObject(7, NOW.minusDays(rnd.nextInt(DAYS)));
                cases.addBatch();
                if ((i + 1) % 5_000 == 0) {
                    cases.executeBatch();
                }
            }
            cases.executeBatch();
        }
        String itemSql = """
                insert into property_item (id, item_no, case_id, name, category, quantity, unit, measure, evidence_use,
                    status, handling_scope, controlling_agency_id, controlling_scope, handover_due_at, zone_id,
                    planned_return_at, created_at, updated_at, version)
                values (?, ?, ?, '物品', 'GENERAL', 1, '件', 'SEIZE', true, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""";
        String ledgerSql = """
                insert into custody_ledger (seq, at, event_type, item_id, actor, from_status, to_status, details, prev_hash, hash)
                values (?, ?, 'STATUS_CHANGED', ?, 'o1', null, ?, '{}', '', '')""";
        long seq = 0;
        try (PreparedStatement items = c.prepareStatement(itemSql); PreparedStatement ledger = c.prepareStatement(ledgerSql)) {
            for (int i = 0; i < ITEMS; i++) {
                String id = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
                int caseNo = rnd.nextInt(caseCount);
                String agency = "b-police-" + (caseNo % 8);
                OffsetDateTime created = NOW.minusSeconds((long) (rnd.nextDouble() * DAYS * 86_400L));
                String status = ITEM_STATUSES[rnd.nextInt(ITEM_STATUSES.length)];
                int p = 1;
                items.setString(p++, id);
                items.setString(p++, "CW-" + i);
                items.setString(p++, "pc-" + caseNo);
                items.setString(p++, status);
                items.setString(p++, agency);
                items.setString(p++, agency);
                items.setString(p++, agency);
                items.setObject(p++, created.plusDays(3));
                items.setString(p++, rnd.nextInt(50) == 0 ? "zone-restricted" : null);
                items.setObject(p++, status.equals("ON_LOAN") ? created.plusDays(rnd.nextInt(400)) : null);
                items.setObject(p++, created);
                items.setObject(p++, created);
                items.addBatch();
                for (int e = 0; e < 3; e++) {
                    ledger.setLong(1, ++seq);
                    ledger.setObject(2, created.plusHours(e * 30L));
                    ledger.setString(3, id);
                    ledger.setString(4, status);
                    ledger.addBatch();
                }
                if ((i + 1) % 5_000 == 0) {
                    items.executeBatch();
                    ledger.executeBatch();
                    c.commit();
                }
            }
            items.executeBatch();
            ledger.executeBatch();
        }
    }

    // --- report ------------------------------------------------------------------------------------

    private static void writeReport(List<Result> results) throws IOException {
        StringBuilder md = new StringBuilder(HEADING).append("\n\n");
        md.append("Generated by `ReportQueryBenchmark` (tag `benchmark`; run with\n")
                .append("`./mvnw test -Dgroups=benchmark -DexcludedTestGroups=none -Dtest=ReportQueryBenchmark`).\n")
                .append("Data: ").append(String.format("%,d", CASES)).append(" dispute cases over ").append(DAYS)
                .append(" days (17 categories weighted, 6 counties × 12 towns, ~80 % received at towns; ~3 % refused\n")
                .append("or transferred at triage, the recent ones still open, the rest closed or archived with ~93 %\n")
                .append("success), a return visit for ~70 % of mediated closed cases, ")
                .append(String.format("%,d", ITEMS)).append(" custody items with ")
                .append(String.format("%,d", ITEMS * 3)).append(" ledger entries. Loaded by JDBC batches into a fresh\n")
                .append("database migrated by the application's Flyway scripts, then analysed; the mediation report's\n")
                .append("read model `dispute_figures` is then filled from the cases by `DisputeFigures.rebuild()` (what\n")
                .append("start-up does for a database whose cases predate it; in the running application every write\n")
                .append("keeps it in step). Timings are the statements of `MediationStatistics` (one to six index-range\n")
                .append("queries over the read model) / `CustodyStatistics` (2 queries) over one JDBC connection, no HTTP: ").append(WARMUP)
                .append(" warm-up runs, then the median (min–max) of ").append(RUNS).append(" runs, each after an untimed\n")
                .append("write to the read model (H2 would otherwise return a cached result). Why a query misses 500 ms and what would\n")
                .append("fix it: docs/reporting.md, \"Performance\". The machine is shared with other builds; its load\n")
                .append("average during the run is given per database.\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (`nproc`), ")
                .append(memory()).append(" RAM, Java ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append("), max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(".\n");
        Map<String, String> subsections = new LinkedHashMap<>();
        Path file = Path.of("docs", "benchmarks.md");
        String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int start = existing.indexOf(HEADING);
        String oldSection = "";
        if (start >= 0) {
            int next = existing.indexOf("\n## ", start + HEADING.length());
            oldSection = next < 0 ? existing.substring(start) : existing.substring(start, next + 1);
            for (String part : oldSection.split("\n### ")) {
                if (part.startsWith(HEADING)) {
                    continue;
                }
                subsections.put(part.substring(0, part.indexOf(" — ")), "\n### " + part.stripTrailing() + "\n");
            }
        }
        for (Result r : results) {
            StringBuilder sub = new StringBuilder();
            sub.append("\n### ").append(r.database()).append(" — ").append(r.version()).append("\n\n")
                    .append(String.format("Generation and load: %.0f s; read model rebuilt from the cases: %,d rows in %.0f s;"
                            + " load average while timing: %s.%n%n", r.loadSeconds(), r.figureRows(), r.rebuildSeconds(),
                            r.loadAverage()))
                    .append("| query | cases / items received in period | median ms | min–max ms | < 500 ms |\n")
                    .append("|---|---:|---:|---:|---|\n");
            for (Timing t : r.timings()) {
                sub.append(String.format("| %s | %,d | %.0f | %.0f–%.0f | %s |%n", t.query(), t.rows(), t.medianMs(),
                        t.minMs(), t.maxMs(), t.medianMs() < 500 ? "yes" : "**no** (+" + Math.round(t.medianMs() - 500) + " ms)"));
            }
            subsections.put(r.database(), sub.toString());
            Files.writeString(Path.of("target", "benchmark-" + r.database().split(" ")[0] + ".md"), sub.toString());
        }
        subsections.values().forEach(md::append);
        String updated = start < 0 ? existing.stripTrailing() + "\n\n" + md
                : existing.substring(0, start) + md.toString().stripTrailing() + "\n\n"
                        + existing.substring(start + oldSection.length()).stripLeading();
        Files.writeString(file, updated);
        System.out.println(md);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " (1 min), " + parts[1] + " (5 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    private static void dropPostgres(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        try (Connection c = java.sql.DriverManager.getConnection(PostgresDatabase.url("test"), PostgresDatabase.USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
        } catch (SQLException e) {
            System.out.println("could not drop " + name + ": " + e.getMessage());
        }
    }
}
