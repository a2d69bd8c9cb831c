package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code SimulateCommand.main} in its own JVM, as a user runs it: exit codes and what lands on the terminal. */
class SimulateCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run main(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(), "-cp", System.getProperty("java.class.path"), SimulateCommand.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
        return new Run(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Run run = main("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: simulate").contains("--latency", "--instance", "--project");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aBadLatencyIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        Run run = main("--instance", "us-south=", "--latency", "abc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("--latency", "'abc'");
        assertThat(run.out()).isEmpty();
    }
}
