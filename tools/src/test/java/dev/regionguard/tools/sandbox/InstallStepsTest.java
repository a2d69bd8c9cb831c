package dev.regionguard.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.tools.testing.Kubectl;
import dev.regionguard.tools.testing.ReadmeCommands;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Running it on a cluster" steps with the real kubectl, as far as a cluster without
 * image registry and Helm allows: against the sandbox (simulator, embedded API with the CRDs, the
 * operator standing in for the Deployment), every kubectl line of steps 3 to 5 runs as written. The
 * API key the user created must survive the samples, and both sample protections must become Ready.
 */
class InstallStepsTest {
    private static final Path ROOT = Path.of(System.getProperty("regionguard.projectRoot", ".."));
    private static final String KEY = "install-steps-key";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path work;

    @Test
    void theReadmeStepsProtectBothSamplesAndKeepTheUsersApiKey() throws Exception {
        assumeTrue(Kubectl.installed(), "kubectl is not installed on this machine");
        List<String> steps = clusterSteps(Files.readString(ROOT.resolve("README.md")));
        assertThat(steps)
                .as("the README's cluster steps")
                .anyMatch(c -> c.startsWith("kubectl get crd"))
                .anyMatch(c -> c.contains("create secret generic ibmcloud-apikey"))
                .anyMatch(c -> c.contains("05-eventnotificationsprotection-orders-notifications.yaml"))
                .anyMatch(c -> c.contains("06-codeengineprotection-orders-app.yaml"))
                .noneMatch(c -> c.contains("01-secret-ibmcloud-apikey.yaml") || c.matches(".*-f config/samples/? *$"));

        Path kubeconfig = work.resolve("kubeconfig");
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Options(
                        UserSteps.SAMPLES, List.of("us-south", "us-east", "eu-de"), 0, 0, kubeconfig));
                KubernetesClient user = UserSteps.clientFrom(kubeconfig)) {
            for (String step : steps) {
                Kubectl.Result result =
                        Kubectl.run(asJson(step), ROOT, kubeconfig, work, Map.of("IBMCLOUD_API_KEY", KEY));
                assertThat(result.exitCode()).as(step + "\n" + result.output()).isZero();
                if (step.startsWith("kubectl get crd")) {
                    assertThat(result.output().lines()).as(result.output()).hasSize(4);
                }
            }

            Secret key = user.secrets()
                    .inNamespace("default")
                    .withName("ibmcloud-apikey")
                    .get();
            assertThat(new String(Base64.getDecoder().decode(key.getData().get("apikey")), StandardCharsets.UTF_8))
                    .isEqualTo(KEY);
            // "plus one Secret per destination secret your protection names": the user's own, here with
            // the content of the samples' placeholders (the simulator takes any value)
            Kubectl.Result destinations = Kubectl.run(
                    "kubectl apply -f config/samples/02-secret-pagerduty-oncall-keys.yaml"
                            + " -f config/samples/03-secret-orders-webhook-headers.yaml",
                    ROOT,
                    kubeconfig,
                    work,
                    Map.of());
            assertThat(destinations.exitCode()).as(destinations.output()).isZero();
            awaitReady(user, EventNotificationsProtection.class);
            awaitReady(user, CodeEngineProtection.class);
        }
    }

    /**
     * kubectl creates built-in kinds (a Secret) with protobuf, which the embedded API cannot read: the
     * same object goes through {@code --dry-run=client -o yaml | kubectl apply -f -}, which sends JSON.
     */
    private static String asJson(String step) {
        return step.contains(" create secret ")
                ? step + " --dry-run=client -o yaml | kubectl apply --validate=false -f -"
                : step;
    }

    /**
     * The kubectl lines of the section, in order, without the ones only a real cluster can run: the
     * operator's Deployment (the sandbox runs the operator in-process), server-side apply (the
     * embedded API has none) and placeholders such as {@code <registry>}.
     */
    static List<String> clusterSteps(String readme) {
        return ReadmeCommands.kubectlLines(
                readme,
                "## Running it on a cluster",
                line -> !line.contains("-n regionguard")
                        && !line.contains("--server-side")
                        && !line.contains("<")
                        && !line.endsWith(" -w"));
    }

    private static ProtectionStatus status(
            KubernetesClient user, Class<? extends CustomResource<?, ? extends ProtectionStatus>> kind) {
        var protection = user.resources(kind).inNamespace("default").list().getItems().stream()
                .findFirst()
                .orElse(null);
        return protection == null ? null : protection.getStatus();
    }

    private static void awaitReady(
            KubernetesClient user, Class<? extends CustomResource<?, ? extends ProtectionStatus>> kind) {
        try {
            await().atMost(TIMEOUT).until(() -> ready(status(user, kind)));
        } catch (ConditionTimeoutException e) {
            ProtectionStatus status = status(user, kind);
            throw new AssertionError(
                    kind.getSimpleName() + " not Ready: "
                            + (status == null ? "no status" : Serialization.asYaml(status)),
                    e);
        }
    }

    private static boolean ready(ProtectionStatus status) {
        return status != null && Conditions.isTrue(status.conditions, Conditions.READY);
    }
}
