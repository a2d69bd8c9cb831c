package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code SimulateCommand.main} in its own JVM, as a user runs it: exit codes and what lands on the terminal. */
class SimulateCommandTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private record Run(int exitCode, String out, String err) {}

    private static ProcessBuilder command(String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(), "-cp", System.getProperty("java.class.path"), SimulateCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static Run main(String... args) throws IOException, InterruptedException {
        Process process = command(args).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .as("exited")
                .isTrue();
        return new Run(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** What the command wrote, without the notices the JVM itself prints when JAVA_TOOL_OPTIONS & co. are set. */
    private static List<String> ownLines(String stream) {
        return stream.lines().filter(line -> !line.startsWith("Picked up ")).toList();
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Run run = main("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: simulate").contains("--latency", "--instance", "--project");
        assertThat(ownLines(run.err())).isEmpty();
    }

    @Test
    void aBadLatencyIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        Run run = main("--instance", "us-south=", "--latency", "abc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(ownLines(run.err())).singleElement().asString().contains("--latency", "'abc'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aServerOnAFreePortPrintsItsLoopbackUrlsAndServesUntilStopped() throws Exception {
        Process process = command("--port", "0", "--instance", "us-south=", "--project", "eu-de=")
                .start();
        try {
            process.getOutputStream().close();
            List<String> out = collect(process.getInputStream(), "stdout");
            List<String> err = collect(process.getErrorStream(), "stderr");

            String iam = await().atMost(DEADLINE)
                    .until(() -> lineStartingWith(out, "IAM: "), Optional::isPresent)
                    .orElseThrow();
            assertThat(process.isAlive()).as("still serving; stderr: %s", err).isTrue();

            assertLoopback(urlAfter(lineStartingWith(out, "us-south Event Notifications: ")));
            assertLoopback(urlAfter(lineStartingWith(out, "eu-de Code Engine: ")));
            assertLoopback(urlAfter(Optional.of(iam)));
        } finally {
            process.destroy();
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        }
        assertThat(process.isAlive()).as("stopped").isFalse();
    }

    /** Reads the stream on a daemon thread, so that no read can block the test beyond its deadline. */
    private static List<String> collect(InputStream stream, String name) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "simulate-" + name);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static Optional<String> lineStartingWith(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
    }

    /** The URL a line names after its label: the text from "http" up to the next blank. */
    private static URI urlAfter(Optional<String> line) {
        assertThat(line).as("printed line").isPresent();
        String text = line.orElseThrow();
        int start = text.indexOf("http://");
        assertThat(start).as("a URL in '%s'", text).isNotNegative();
        int end = text.indexOf(' ', start);
        return URI.create(end < 0 ? text.substring(start) : text.substring(start, end));
    }

    private static void assertLoopback(URI url) throws UnknownHostException {
        assertThat(url.getHost()).as("host of %s", url).isNotNull();
        assertThat(url.getPort())
                .as("port of %s (--port 0 picks a real one)", url)
                .isPositive();
        assertThat(InetAddress.getByName(url.getHost()).isLoopbackAddress())
                .as("%s is a loopback address", url)
                .isTrue();
    }
}
