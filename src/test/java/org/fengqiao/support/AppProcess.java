package org.fengqiao.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as its own JVM (the test class path, {@code org.fengqiao.FengqiaoApplication}),
 * for tests and benchmarks that must kill it, restart it or measure it from outside.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application on {@code port} with extra {@code --key=value} arguments; output goes to {@code log}. */
    public static AppProcess start(int port, Path log, List<String> jvmOptions, List<String> arguments) throws IOException {
        return start(port, log, jvmOptions, arguments, null);
    }

    /** As above, in {@code workDir} (relative paths such as the default {@code ./data} resolve there), or here when null. */
    public static AppProcess start(int port, Path log, List<String> jvmOptions, List<String> arguments, Path workDir)
            throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "org.fengqiao.FengqiaoApplication", "--server.port=" + port));
        // the child JVM runs on the suite's time line, not on the machine's date
        command.add("--fengqiao.clock.start=" + TestClock.offsetNow());
        command.addAll(arguments);
        File out = log.toFile();
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        return new AppProcess(builder.start(), port, log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The file that receives the application's output. */
    public Path log() {
        return log;
    }

    public int port() {
        return port;
    }

    /** Waits until the readiness probe answers 200; fails if the JVM exits first. */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        Instant start = Instant.now();
        Instant until = start.plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new AssertionError("application exited during start-up, see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("application did not start within " + timeout + ", see " + log);
    }

    /** Resident set size of the JVM in KiB (Linux /proc), or -1 where unavailable. */
    public long residentKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
