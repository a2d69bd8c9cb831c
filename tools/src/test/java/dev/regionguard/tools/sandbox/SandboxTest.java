package dev.regionguard.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.tools.testing.Kubectl;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox used as a user would: only through the kubeconfig file it writes, the kubectl lines its
 * guide prints (run with the real kubectl, as pasted) and HTTP to the simulator's control API. The
 * sample protection becomes Ready; an outage of its primary region and
 * a RegionFailover move it to the standby.
 */
class SandboxTest {
    private static final Path SAMPLES = UserSteps.SAMPLES;
    private static final Path ROOT = Path.of(System.getProperty("regionguard.projectRoot", ".."));
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path work;

    @Test
    void protectsTheSampleAndFailsOverThroughKubeconfigAndControlApi() throws Exception {
        Path kubeconfig = work.resolve("kubeconfig");
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Options(
                SAMPLES.toAbsolutePath(), List.of("us-south", "us-east", "eu-de"), 0, 0, kubeconfig))) {
            String guide = guide(sandbox);
            String simulator = simulatorUrl(guide);
            assertThat(guide)
                    .contains("export KUBECONFIG=" + kubeconfig.toAbsolutePath())
                    .contains("curl -X POST " + simulator + "/_sim/regions/us-south/down")
                    .contains("5b2c0d4e-8f1a-4c3b-9d2e-7a6f1e0c3b21")
                    .doesNotContain("01-secret-ibmcloud-apikey.yaml");

            try (KubernetesClient user = UserSteps.clientFrom(kubeconfig)) {
                assumeTrue(Kubectl.installed(), "kubectl is not installed on this machine");
                for (String command : guideCommands(guide, "1. ", "3. ")) {
                    Kubectl.Result result = Kubectl.run(command, ROOT, kubeconfig, work, Map.of());
                    assertThat(result.exitCode())
                            .as(command + "\n" + result.output())
                            .isZero();
                }
                UserSteps.quicken(user);
                awaitOrExplain(
                        () -> UserSteps.ready(user),
                        () -> "protection not Ready; " + statusOf(UserSteps.protection(user)));

                controlApi(simulator, "POST", "/_sim/regions/us-south/down");
                try (InputStream failover =
                        Files.newInputStream(SAMPLES.resolve("failover/orders-notifications-failover.yaml"))) {
                    user.load(failover).create();
                }
                awaitOrExplain(
                        () -> phase(user) != null && phase(user).isFinal(),
                        () -> "failover not finished; " + statusOf(failover(user)));
                assertThat(phase(user)).as(() -> statusOf(failover(user))).isEqualTo(FailoverPhase.Succeeded);
                // the committed RegionFailover is the record; the protection's status follows on its next pass
                awaitOrExplain(
                        () -> "us-east".equals(UserSteps.protection(user).getStatus().activeRegion),
                        () -> "us-east not active; " + statusOf(UserSteps.protection(user)));
            }
        }
    }

    private static String guide(Sandbox sandbox) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sandbox.describe(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The kubectl lines of the guide between two of its numbered steps, as a user would paste them
     * (a line ending in a backslash continues on the next).
     */
    static List<String> guideCommands(String guide, String fromStep, String toStep) {
        String section = guide.substring(guide.indexOf("\n" + fromStep), guide.indexOf("\n" + toStep));
        List<String> commands = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : section.split("\n")) {
            String trimmed = line.trim();
            if (pending.length() == 0 && !trimmed.startsWith("kubectl ")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1);
            } else {
                commands.add(pending.append(trimmed).toString());
                pending.setLength(0);
            }
        }
        return commands;
    }

    /** Waits for a condition; on timeout the failure says what the resource's status was then. */
    private static void awaitOrExplain(Callable<Boolean> condition, Supplier<String> explanation) {
        try {
            await().atMost(TIMEOUT).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(explanation.get(), e);
        }
    }

    private static RegionFailover failover(KubernetesClient user) {
        return user.resources(RegionFailover.class)
                .inNamespace("default")
                .withName("orders-notifications-inc-4711")
                .get();
    }

    private static String statusOf(HasMetadata resource) {
        return resource == null
                ? "absent"
                : Serialization.asYaml(resource)
                        .lines()
                        .dropWhile(line -> !line.startsWith("status:"))
                        .collect(Collectors.joining("\n"));
    }

    private static FailoverPhase phase(KubernetesClient user) {
        RegionFailover failover = failover(user);
        return failover == null || failover.getStatus() == null ? null : failover.getStatus().phase;
    }

    /** The simulator's URL as the guide prints it: the user's only way to learn it. */
    private static String simulatorUrl(String guide) {
        Matcher m = Pattern.compile("IBM Cloud simulator: (http://\\S+)").matcher(guide);
        assertThat(m.find()).as(guide).isTrue();
        return m.group(1);
    }

    private static void controlApi(String simulator, String method, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(simulator + path))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
    }
}
