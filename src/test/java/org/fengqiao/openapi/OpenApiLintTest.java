package org.fengqiao.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fengqiao.support.FengqiaoTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code redocly lint} with the recommended rules ({@code src/test/openapi/redocly.yaml}) finds no
 * error in the served document. Needs node and {@code @redocly/cli} from
 * {@code src/test/openapi} ({@code npm ci} there; {@code .ci/run} installs both). Without them the
 * test is skipped with the reason printed, unless {@code FENGQIAO_REQUIRE_OPENAPI_LINT=true} or
 * {@code CI=true}, where it fails.
 */
@FengqiaoTest
class OpenApiLintTest {

    static final Path TOOL_DIR = Path.of("src/test/openapi");

    @Autowired MockMvc mvc;

    @Test
    void redoclyRecommendedRulesFindNoError() throws Exception {
        Path redocly = TOOL_DIR.resolve("node_modules/.bin/redocly");
        requireOrSkip(onPath("node"), "node is not installed");
        requireOrSkip(Files.isExecutable(redocly), "@redocly/cli is not installed (run npm ci in " + TOOL_DIR + ")");

        Path document = Path.of("target/openapi-lint/openapi.json");
        Files.createDirectories(document.getParent());
        Files.writeString(document, mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Path log = document.resolveSibling("redocly.log");
        ProcessBuilder lint = new ProcessBuilder(redocly.toAbsolutePath().toString(), "lint",
                document.toAbsolutePath().toString(), "--config", TOOL_DIR.resolve("redocly.yaml").toAbsolutePath().toString(),
                "--format=stylish", "--max-problems=200")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = lint.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("redocly: " + output.strip());
        assertThat(finished).as("redocly lint finished within 5 minutes").isTrue();
        assertThat(process.exitValue()).as("redocly lint of the served document:\n" + output).isZero();
    }

    static void requireOrSkip(boolean present, String reason) {
        if (present) {
            return;
        }
        if (Boolean.parseBoolean(System.getenv("FENGQIAO_REQUIRE_OPENAPI_LINT"))
                || Boolean.parseBoolean(System.getenv("CI"))) {
            throw new IllegalStateException(reason + " and FENGQIAO_REQUIRE_OPENAPI_LINT/CI is set");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(d -> new File(d, command).canExecute());
    }
}
