package org.fengqiao.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fengqiao.support.AppProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up time and resident memory of the default configuration (what {@code ./mvnw
 * spring-boot:run} starts: H2 file database, demo seeds, webapps, job executor) measured from
 * outside the JVM: three cold starts on a fresh database directory and one warm start on the
 * database the first one created. Writes docs/benchmarks.md. Not a unit test.
 */
@Tag("benchmark")
class StartupBenchmark {

    @Test
    void startUpTimeAndResidentMemory() throws Exception {
        List<String> rows = new ArrayList<>();
        double worst = 0;
        Path first = null;
        for (int run = 1; run <= 4; run++) {
            boolean warm = run == 4;
            Path data = warm ? first : Files.createTempDirectory("fengqiao-startup");
            if (first == null) {
                first = data;
            }
            int port = AppProcess.freePort();
            try (AppProcess app = AppProcess.start(port, Path.of("target", "startup-" + run + ".log"), List.of(),
                    List.of("--spring.datasource.url=jdbc:h2:file:" + data.resolve("fengqiao").toAbsolutePath()))) {
                Duration ready = app.awaitReady(Duration.ofSeconds(240));
                Thread.sleep(3000); // let the demo seeds and first job acquisition settle
                long rss = app.residentKiB();
                double seconds = ready.toMillis() / 1000.0;
                worst = Math.max(worst, seconds);
                rows.add(String.format("| %s | %.1f s | %d MiB |", warm ? "warm (existing database)" : "cold #" + run,
                        seconds, rss / 1024));
            }
        }
        StringBuilder body = new StringBuilder();
        body.append("Default configuration (`./mvnw spring-boot:run`: H2 file database, demo seeds, Tasklist/Cockpit/Admin, ")
                .append("job executor), started as `java -cp … org.fengqiao.FengqiaoApplication` without JVM options; time from ")
                .append("process start to the readiness probe answering 200 (Maven's own start, ~5 s, not included); resident ")
                .append("memory (VmRSS) 3 s after readiness.\n\n| run | start-up | resident memory |\n|---|---|---|\n");
        rows.forEach(r -> body.append(r).append('\n'));
        body.append(String.format("%nTarget: start-up under 20 s — %s (slowest %.1f s).%n", worst < 20 ? "met" : "missed", worst));
        BenchmarkReport.writeSection("Start-up time and memory", body.toString());
    }
}
