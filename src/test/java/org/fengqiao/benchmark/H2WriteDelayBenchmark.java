package org.fengqiao.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cost of {@code WRITE_DELAY=0} on the default H2 file database: small transactions shaped
 * like a custody action (update one head row, insert one 400-byte row, commit), one client, on a
 * file database in a fresh directory, with H2's default write delay (500 ms) and with 0. Prints
 * the figures for docs/benchmarks.md ("Durability of the H2 default").
 */
@Tag("benchmark")
class H2WriteDelayBenchmark {

    @Test
    void commitsPerSecondWithAndWithoutWriteDelay() throws Exception {
        int n = Integer.getInteger("fengqiao.bench.commits", 20_000);
        for (int round = 0; round < 2; round++) {
            for (String delay : new String[] {"", ";WRITE_DELAY=0"}) {
                Path dir = Files.createTempDirectory(Path.of("target"), "h2-write-delay");
                try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + delay, "sa", "")) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create table head (id int primary key, last_seq bigint)");
                        s.execute("insert into head values (1, 0)");
                        s.execute("create table entry (seq bigint primary key, details varchar(1000))");
                    }
                    c.setAutoCommit(false);
                    String details = "x".repeat(400);
                    try (PreparedStatement up = c.prepareStatement("update head set last_seq = ? where id = 1");
                         PreparedStatement ins = c.prepareStatement("insert into entry values (?, ?)")) {
                        long start = System.nanoTime();
                        for (int i = 1; i <= n; i++) {
                            up.setLong(1, i);
                            up.executeUpdate();
                            ins.setLong(1, i);
                            ins.setString(2, details);
                            ins.executeUpdate();
                            c.commit();
                        }
                        double seconds = (System.nanoTime() - start) / 1e9;
                        System.out.printf("H2 write delay %-16s round %d: %,d commits in %.2f s = %,.0f commits/s, %.3f ms per commit%n",
                                delay.isEmpty() ? "default (500 ms)" : "0", round + 1, n, seconds, n / seconds, seconds * 1000 / n);
                    }
                }
            }
        }
    }
}
