package dev.regionguard.tools.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regionguard.api.RegionFailover;
import dev.regionguard.tools.sandbox.Sandbox;
import dev.regionguard.tools.sandbox.UserSteps;
import dev.regionguard.tools.testing.Kubectl;
import dev.regionguard.tools.testing.Kubectl.Result;
import dev.regionguard.tools.testing.ReadmeCommands;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every kubectl command of the README's on-call runbook, in order, from another "shell" against
 * the sandbox (simulator, embedded Kubernetes API, operator), after the user steps the sandbox's
 * guide gives. A command that fails, or a README change that breaks one, fails this test.
 */
class RunbookTest {
    private static final Path ROOT = Path.of(System.getProperty("regionguard.projectRoot", ".."));
    private static Sandbox sandbox;
    private static KubernetesClient user;
    private static Path kubeconfig;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws IOException {
        kubeconfig = work.resolve("kubeconfig");
        sandbox = Sandbox.start(
                new Sandbox.Options(UserSteps.SAMPLES, List.of("us-south", "us-east", "eu-de"), 0, 0, kubeconfig));
        user = UserSteps.clientFrom(kubeconfig);
        UserSteps.protectTheSample(user);
    }

    @AfterAll
    static void stop() {
        user.close();
        sandbox.close();
    }

    @Test
    void everyRunbookCommandWorks() throws Exception {
        assumeTrue(Kubectl.installed(), "kubectl is not installed on this machine");
        List<String> commands = runbookCommands(Files.readString(ROOT.resolve("README.md")));
        assertThat(commands).as("commands found in the runbook").hasSizeGreaterThan(10);
        await().atMost(Duration.ofSeconds(90)).until(() -> UserSteps.ready(user));
        for (String command : commands) {
            Result result =
                    command.startsWith("kubectl wait ") ? waitFor(command, kubeconfig) : run(command, kubeconfig);
            assertThat(result.exitCode())
                    .as(() -> command + "\n" + result.output() + "\n" + state())
                    .isZero();
        }
    }

    /** What the resources say, for a failure message. */
    private static String state() {
        return Serialization.asYaml(user.resources(RegionFailover.class)
                        .inNamespace("default")
                        .list())
                + Serialization.asYaml(UserSteps.protection(user).getStatus());
    }

    /** The kubectl lines of the README's "On-call runbook" section, in order. */
    static List<String> runbookCommands(String readme) {
        return ReadmeCommands.kubectlLines(readme, "## On-call runbook", line -> true);
    }

    private static final Pattern TIMEOUT = Pattern.compile("--timeout=(\\d+)s");

    /**
     * The embedded API cannot stream watches (kubectl's watch is a long GET; the mock server only
     * watches over WebSocket), so {@code kubectl wait} only sees its first check: run it with a short
     * timeout, again and again, within the timeout the runbook gives it.
     */
    private static Result waitFor(String command, Path kubeconfig) {
        Matcher m = TIMEOUT.matcher(command);
        Duration budget = m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : Duration.ofSeconds(30);
        String quick = TIMEOUT.matcher(command).replaceAll("--timeout=1s");
        AtomicReference<Result> last = new AtomicReference<>(new Result(-1, "never ran"));
        try {
            await().atMost(budget).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(run(quick, kubeconfig));
                return last.get().exitCode() == 0;
            });
        } catch (ConditionTimeoutException e) {
            // reported by the caller with the last output
        }
        return last.get();
    }

    private static Result run(String command, Path kubeconfig) throws IOException, InterruptedException {
        return Kubectl.run(command, ROOT, kubeconfig, work, Map.of());
    }
}
