package dev.regionguard.tools.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real kubectl, run as a user would from the repository root, against one kubeconfig. */
public final class Kubectl {
    private Kubectl() {}

    public record Result(int exitCode, String output) {}

    /**
     * Runs one command line through bash, so that pipes and {@code $VARIABLES} work as in the README.
     *
     * @param home a fresh HOME: kubectl's discovery cache must not leak between API servers
     */
    public static Result run(String command, Path root, Path kubeconfig, Path home, Map<String, String> env)
            throws IOException, InterruptedException {
        // The embedded API serves no OpenAPI document for kubectl's client-side validation.
        String line = command.matches("kubectl (create|apply) .*-f .*") && !command.contains("--validate")
                ? command + " --validate=false"
                : command;
        ProcessBuilder pb =
                new ProcessBuilder("bash", "-c", line).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", home.toString());
        pb.environment().putAll(env);
        Process process = pb.start();
        if (!process.waitFor(330, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    public static boolean installed() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
