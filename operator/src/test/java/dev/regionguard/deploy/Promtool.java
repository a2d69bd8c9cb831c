package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' promtool, found on PATH (or at $PROMTOOL). Missing, it skips the test on a developer's
 * machine but fails it under CI ($CI set), where .ci/run installs it: a CI run must not pass
 * without having checked the alerts.
 */
final class Promtool {
    private final Path binary;

    private Promtool(Path binary) {
        this.binary = binary;
    }

    static Promtool require() {
        Optional<Path> found = locate(System.getenv("PROMTOOL"), System.getenv("PATH"));
        if (found.isPresent()) {
            return new Promtool(found.get());
        }
        String missing = "promtool is not installed (Debian package prometheus; .ci/run installs it)";
        if (isCi(System.getenv("CI"))) {
            fail(missing + ", and CI is set: the alert unit tests must run in CI");
        }
        Assumptions.abort(missing);
        throw new AssertionError("unreachable");
    }

    /** $PROMTOOL when it names an executable, else the first promtool on the PATH. */
    static Optional<Path> locate(String explicit, String path) {
        List<Path> candidates = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(Path.of(explicit));
        }
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "promtool"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** CI systems set CI to "true" (GitHub, GitLab) or "1"; "false" or empty means not CI. */
    static boolean isCi(String value) {
        return value != null && !value.isBlank() && !"false".equalsIgnoreCase(value) && !"0".equals(value);
    }

    /** Runs promtool with the arguments; the result holds its exit code and everything it printed. */
    Result run(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool did not finish within 120 s: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {}
}
