package org.fengqiao.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of {@code src/test/browser}'s playwright scripts in Debian's chromium against the test
 * server, as every browser test does. Without chromium, node or {@code node_modules/playwright-core}
 * the test is skipped with the reason printed, unless {@code FENGQIAO_REQUIRE_BROWSER=true} (CI),
 * where it fails instead.
 */
final class BrowserScript {

    static final Path SCRIPT_DIR = Path.of("src/test/browser");
    static final Path ARTIFACTS = Path.of("target/browser-artifacts");
    static final Path SCREENSHOTS = Path.of("docs/screenshots");

    private BrowserScript() {
    }

    /** The chromium to use; skips (or fails in CI) when a piece of the browser setup is missing. */
    static String chromiumOrSkip() {
        String chromium = System.getenv().getOrDefault("FENGQIAO_CHROMIUM", "/usr/bin/chromium");
        requireOrSkip(new File(chromium).canExecute(), "chromium not found at " + chromium);
        requireOrSkip(onPath("node"), "node is not on the PATH");
        requireOrSkip(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "playwright-core not installed: run npm ci in " + SCRIPT_DIR);
        return chromium;
    }

    /**
     * Runs {@code script} with BASE_URL, ARTIFACTS (a folder of its own below target/browser-artifacts),
     * CHROMIUM, RESULT and {@code env}; asserts that it finished within {@code minutes} with exit code 0.
     *
     * @return the file the script wrote its result to (RESULT)
     */
    static Path run(String script, int port, String artifactsFolder, Map<String, String> env, int minutes)
            throws IOException, InterruptedException {
        String chromium = chromiumOrSkip();
        Path artifacts = ARTIFACTS.resolve(artifactsFolder);
        Files.createDirectories(artifacts);
        Path log = artifacts.resolve(script.replace(".js", ".log"));
        Path resultFile = artifacts.resolve("result.json");
        Files.deleteIfExists(resultFile);
        ProcessBuilder node = new ProcessBuilder("node", script).directory(SCRIPT_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().put("BASE_URL", "http://localhost:" + port);
        node.environment().put("ARTIFACTS", artifacts.toAbsolutePath().toString());
        node.environment().put("RESULT", resultFile.toAbsolutePath().toString());
        node.environment().put("CHROMIUM", chromium);
        node.environment().putAll(env);
        Process process = node.start();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("browser: " + output.strip());
        assertThat(finished).as("browser script finished within " + minutes + " minutes").isTrue();
        assertThat(process.exitValue()).as("browser script (screenshots in " + artifacts + "):\n" + output).isZero();
        return resultFile;
    }

    private static void requireOrSkip(boolean present, String reason) {
        if (present) {
            return;
        }
        if (Boolean.parseBoolean(System.getenv("FENGQIAO_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(reason + " and FENGQIAO_REQUIRE_BROWSER=true");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> new File(d, command).canExecute());
    }
}
