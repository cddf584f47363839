package org.fengqiao.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes one named section of {@code docs/benchmarks.md}, replacing that section from an earlier
 * run and leaving the others alone, so several benchmarks can share the results file.
 */
public final class BenchmarkReport {

    public static final Path FILE = Path.of("docs", "benchmarks.md");

    private BenchmarkReport() {
    }

    public static synchronized void writeSection(String heading, String body) {
        try {
            String existing = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8)
                    : "# Benchmarks\n\nFigures written by the benchmarks themselves (`./mvnw test -Dgroups=benchmark "
                    + "-DexcludedTestGroups=none`); each section is replaced by its benchmark's next run.\n";
            String marker = "\n## " + heading + "\n";
            String section = marker + "\n_Measured " + OffsetDateTime.now(ZoneOffset.ofHours(8))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " on " + machine() + "._\n\n" + body.strip() + "\n";
            int start = existing.indexOf(marker);
            String updated;
            if (start < 0) {
                updated = existing.stripTrailing() + "\n" + section;
            } else {
                int next = existing.indexOf("\n## ", start + marker.length());
                updated = existing.substring(0, start) + section + (next < 0 ? "" : existing.substring(next));
            }
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Runtime.getRuntime().availableProcessors() + " cores, " + (memory >> 30) + " GiB, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    public static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1_000_000.0;
    }
}
