package org.fengqiao.dispute;

import org.fengqiao.shared.StartupStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mediation report's read model (table {@code dispute_figures}): how many cases were received,
 * accepted, closed, mediated, successful, closed with a deadline and on time, and how many return
 * visits were made and satisfied, per day and per month, receiving centre, handling organisation
 * and category. A report over a million cases then sums a few thousand rows instead of scanning the
 * cases (docs/reporting.md).
 *
 * <p>Kept in step in the writing transaction: every insert or update of a case and every return
 * visit hands its change of contribution here; the deltas of one transaction are summed and applied
 * just before it commits, in key order, so two transactions never lock the same rows in opposite
 * orders. {@link #rebuild()} recomputes the table from the cases with the same rules (a database
 * that predates the table, bulk loads).
 */
@Component
@Order(19)
public class DisputeFigures implements StartupStep {

    /** Statuses with a final outcome and a closed_at: 办结. */
    public static final List<DisputeStatus> ENDED = List.of(DisputeStatus.CLOSED, DisputeStatus.ARCHIVED,
            DisputeStatus.REJECTED_NOT_ACCEPTED, DisputeStatus.TRANSFERRED_OUT);
    /** Outcomes of cases that ended without being mediated. */
    public static final List<Outcome> NOT_MEDIATED = List.of(Outcome.NOT_ACCEPTED, Outcome.TRANSFERRED);
    public static final List<Outcome> SUCCESS = List.of(Outcome.SUCCESS_WRITTEN, Outcome.SUCCESS_ORAL);
    public static final List<Satisfaction> SATISFIED = List.of(Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED);

    /** The counted measures, in the column order of the table. */
    public enum Measure {
        RECEIVED, ACCEPTED, CLOSED, MEDIATED, SUCCESSFUL, WITH_DUE, ON_TIME, VISITS, SATISFIED;

        public String column() {
            return name().toLowerCase();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DisputeFigures.class);
    private static final int MEASURES = Measure.values().length;
    private static final String COLUMNS = String.join(", ", Arrays.stream(Measure.values()).map(Measure::column).toList());
    private static final String KEY = "grain, starts_on, centre_id, org_id, category";
    private static final String INSERT = "insert into dispute_figures (" + KEY + ", " + COLUMNS + ") values ("
            + String.join(", ", Collections.nCopies(5 + MEASURES, "?")) + ")";
    /** PostgreSQL: one statement, safe against a concurrent insert of the same row. */
    private static final String UPSERT = INSERT + " on conflict (" + KEY + ") do update set " + String.join(", ",
            Arrays.stream(Measure.values()).map(m -> m.column() + " = dispute_figures." + m.column() + " + excluded." + m.column())
                    .toList());
    /** H2: the counts first, then the key. */
    private static final String ADD = "update dispute_figures set " + String.join(", ",
            Arrays.stream(Measure.values()).map(m -> m.column() + " = " + m.column() + " + ?").toList())
            + " where grain = ? and starts_on = ? and centre_id = ? and org_id = ? and category = ?";

    /** What of a case its figures depend on. */
    record Facts(String centreId, String orgId, DisputeCategory category, OffsetDateTime createdAt, boolean accepted,
                 DisputeStatus status, Outcome outcome, OffsetDateTime closedAt, OffsetDateTime dueAt) {

        static Facts of(DisputeCase c) {
            return new Facts(c.centreId, c.orgId, c.category, c.createdAt, c.mediationType != null, c.status, c.outcome,
                    c.closedAt, c.dueAt);
        }

        boolean sameDimensions(Facts o) {
            return Objects.equals(centreId, o.centreId) && Objects.equals(orgId, o.orgId)
                    && Objects.equals(category, o.category);
        }
    }

    /** One return visit: when, and whether the party was satisfied. */
    record Visit(OffsetDateTime at, boolean satisfied) {
    }

    /** A row of the table: grain 'D' (a day) or 'M' (a month), starting on {@code period}. */
    record Key(String grain, LocalDate period, String centreId, String orgId, String category) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::grain).thenComparing(Key::period)
                .thenComparing(Key::centreId).thenComparing(Key::orgId).thenComparing(Key::category);
    }

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final boolean postgres;
    private final Object pendingKey = new Object();

    @Autowired
    DisputeFigures(DataSource dataSource, Clock clock) {
        this(dataSource, clock.getZone());
    }

    private DisputeFigures(DataSource dataSource, ZoneId zone) {
        this.template = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(template);
        this.zone = zone;
        this.postgres = isPostgres(dataSource);
    }

    /** For bulk tools outside the application (the report benchmark): the same rules on any data source. */
    public static DisputeFigures on(DataSource dataSource, ZoneId zone) {
        return new DisputeFigures(dataSource, zone);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }

    /** At start-up, before the demo seeds: fills the table of a database whose cases predate it. */
    @Override
    public void run() {
        if (!anyRow("dispute_figures") && anyRow("dispute_case")) {
            int rows = rebuild();
            LOG.info("dispute_figures filled from the existing cases: {} rows", rows);
        }
    }

    private boolean anyRow(String table) {
        return jdbc.sql("select 1 from " + table + " limit 1").query(Integer.class).optional().isPresent();
    }

    /** A case was stored ({@code before} null) or changed from {@code before} to {@code after}. */
    void caseChanged(String caseId, Facts before, Facts after) {
        if (after.equals(before)) {
            return;
        }
        List<Visit> visits = before == null || before.sameDimensions(after) ? List.of() : visits(caseId);
        Map<Key, long[]> delta = new HashMap<>();
        if (before != null) {
            contribute(before, visits, -1, delta);
        }
        contribute(after, visits, 1, delta);
        apply(delta);
    }

    /** A return visit was recorded for a case. */
    void visitAdded(Facts of, OffsetDateTime at, Satisfaction satisfaction) {
        Map<Key, long[]> delta = new HashMap<>();
        visit(of, new Visit(at, SATISFIED.contains(satisfaction)), 1, delta);
        apply(delta);
    }

    private void contribute(Facts f, List<Visit> visits, int sign, Map<Key, long[]> into) {
        long[] received = row(into, f, f.createdAt());
        received[Measure.RECEIVED.ordinal()] += sign;
        if (f.accepted()) {
            received[Measure.ACCEPTED.ordinal()] += sign;
        }
        if (f.closedAt() != null && ENDED.contains(f.status())) {
            long[] closed = row(into, f, f.closedAt());
            closed[Measure.CLOSED.ordinal()] += sign;
            if (f.outcome() != null && !NOT_MEDIATED.contains(f.outcome())) {
                closed[Measure.MEDIATED.ordinal()] += sign;
            }
            if (SUCCESS.contains(f.outcome())) {
                closed[Measure.SUCCESSFUL.ordinal()] += sign;
            }
            if (f.dueAt() != null) {
                closed[Measure.WITH_DUE.ordinal()] += sign;
                if (!f.closedAt().isAfter(f.dueAt())) {
                    closed[Measure.ON_TIME.ordinal()] += sign;
                }
            }
        }
        visits.forEach(v -> visit(f, v, sign, into));
    }

    private void visit(Facts f, Visit v, int sign, Map<Key, long[]> into) {
        long[] row = row(into, f, v.at());
        row[Measure.VISITS.ordinal()] += sign;
        if (v.satisfied()) {
            row[Measure.SATISFIED.ordinal()] += sign;
        }
    }

    /** The day row of {@code at} (its month row follows when applied): the counts to add to. */
    private long[] row(Map<Key, long[]> into, Facts f, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(zone).toLocalDate();
        return into.computeIfAbsent(new Key("D", day, f.centreId(), f.orgId() == null ? "" : f.orgId(), f.category().name()),
                k -> new long[MEASURES]);
    }

    /** Day rows plus the month rows they roll up into, summed per key. */
    private static Map<Key, long[]> withMonths(Map<Key, long[]> days) {
        Map<Key, long[]> all = new TreeMap<>(Key.ORDER);
        days.forEach((k, counts) -> {
            if (isZero(counts)) {
                return;
            }
            merge(all, k, counts);
            merge(all, new Key("M", k.period().withDayOfMonth(1), k.centreId(), k.orgId(), k.category()), counts);
        });
        return all;
    }

    private static boolean isZero(long[] counts) {
        return Arrays.stream(counts).allMatch(n -> n == 0);
    }

    private static void merge(Map<Key, long[]> into, Key key, long[] counts) {
        long[] row = into.computeIfAbsent(key, k -> new long[MEASURES]);
        for (int i = 0; i < MEASURES; i++) {
            row[i] += counts[i];
        }
    }

    /** Within a transaction: collected and applied just before commit; else at once. */
    private void apply(Map<Key, long[]> delta) {
        if (delta.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(withMonths(delta));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Key, long[]> pending = (Map<Key, long[]>) TransactionSynchronizationManager.getResource(pendingKey);
        if (pending == null) {
            Map<Key, long[]> collected = new HashMap<>();
            TransactionSynchronizationManager.bindResource(pendingKey, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(withMonths(collected));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
                }
            });
            pending = collected;
        }
        Map<Key, long[]> into = pending;
        delta.forEach((k, counts) -> merge(into, k, counts));
    }

    private void write(Map<Key, long[]> rows) {
        rows.forEach((key, counts) -> {
            if (isZero(counts)) {
                return;
            }
            if (postgres) {
                jdbc.sql(UPSERT).params(values(key, counts)).update();
                return;
            }
            // H2: a failed statement leaves the transaction usable, so a lost insert race retries as an update
            if (add(key, counts) == 0) {
                try {
                    jdbc.sql(INSERT).params(values(key, counts)).update();
                } catch (DuplicateKeyException raced) {
                    add(key, counts);
                }
            }
        });
    }

    private int add(Key key, long[] counts) {
        List<Object> params = new ArrayList<>();
        for (long n : counts) {
            params.add(n);
        }
        params.addAll(List.of(key.grain(), key.period(), key.centreId(), key.orgId(), key.category()));
        return jdbc.sql(ADD).params(params).update();
    }

    private static List<Object> values(Key key, long[] counts) {
        List<Object> params = new ArrayList<>(List.of(key.grain(), key.period(), key.centreId(), key.orgId(), key.category()));
        for (long n : counts) {
            params.add(n);
        }
        return params;
    }

    private List<Visit> visits(String caseId) {
        return jdbc.sql("select visited_at, satisfaction from dispute_return_visit where case_id = ?").param(caseId)
                .query((rs, n) -> new Visit(rs.getObject(1, OffsetDateTime.class), satisfied(rs.getString(2))))
                .list();
    }

    private static boolean satisfied(String satisfaction) {
        return SATISFIED.contains(Satisfaction.valueOf(satisfaction));
    }

    /** Everything the table should hold, computed from the cases and their return visits. */
    Map<Key, long[]> computeAll() {
        Map<Key, long[]> days = new HashMap<>();
        Map<String, Facts> cases = new HashMap<>();
        jdbc.sql("select id, centre_id, org_id, category, created_at, mediation_type, status, outcome, closed_at, due_at"
                + " from dispute_case").query(rs -> {
            String outcome = rs.getString("outcome");
            Facts f = new Facts(rs.getString("centre_id"), rs.getString("org_id"), DisputeCategory.valueOf(rs.getString("category")),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getString("mediation_type") != null,
                    DisputeStatus.valueOf(rs.getString("status")), outcome == null ? null : Outcome.valueOf(outcome),
                    rs.getObject("closed_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class));
            contribute(f, List.of(), 1, days);
            cases.put(rs.getString("id"), f);
        });
        jdbc.sql("select case_id, visited_at, satisfaction from dispute_return_visit").query(rs -> {
            Facts f = cases.get(rs.getString(1));
            visit(f, new Visit(rs.getObject(2, OffsetDateTime.class), satisfied(rs.getString(3))), 1, days);
        });
        return withMonths(days);
    }

    /** Replaces the table's contents by {@link #computeAll()}; answers the number of rows written. */
    public int rebuild() {
        Map<Key, long[]> rows = computeAll();
        jdbc.sql("delete from dispute_figures").update();
        List<Object[]> batch = new ArrayList<>();
        rows.forEach((key, counts) -> batch.add(values(key, counts).toArray()));
        for (int from = 0; from < batch.size(); from += 5_000) {
            template.batchUpdate(INSERT, batch.subList(from, Math.min(batch.size(), from + 5_000)));
        }
        return batch.size();
    }

    /** Rows whose stored counts differ from what the cases say (empty when the table is right). */
    public List<String> differences() {
        Map<Key, long[]> expected = computeAll();
        Map<Key, long[]> stored = new TreeMap<>(Key.ORDER);
        jdbc.sql("select " + KEY + ", " + COLUMNS + " from dispute_figures").query(rs -> {
            long[] counts = new long[MEASURES];
            for (int i = 0; i < MEASURES; i++) {
                counts[i] = rs.getLong(6 + i);
            }
            stored.put(new Key(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                    rs.getString(5)), counts);
        });
        List<String> differences = new ArrayList<>();
        long[] zero = new long[MEASURES];
        Set<Key> keys = new TreeSet<>(Key.ORDER);
        keys.addAll(expected.keySet());
        keys.addAll(stored.keySet());
        for (Key key : keys) {
            long[] want = expected.getOrDefault(key, zero);
            long[] have = stored.getOrDefault(key, zero);
            if (!Arrays.equals(want, have)) {
                differences.add(key + ": expected " + Arrays.toString(want) + " stored " + Arrays.toString(have));
            }
        }
        return differences;
    }
}
