package dev.regionguard.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.tools.demo.SampleFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox used as a user would: only through the kubeconfig file it writes and HTTP to the
 * simulator's control API. The sample protection becomes Ready; an outage of its primary region and
 * a RegionFailover move it to the standby.
 */
class SandboxTest {
    private static final Path SAMPLES =
            Path.of(System.getProperty("regionguard.projectRoot", "..")).resolve("config/samples");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path work;

    @Test
    void protectsTheSampleAndFailsOverThroughKubeconfigAndControlApi() throws Exception {
        Path kubeconfig = work.resolve("kubeconfig");
        try (Sandbox sandbox = Sandbox.start(
                new Sandbox.Options(SAMPLES, List.of("us-south", "us-east", "eu-de"), 0, 0, kubeconfig))) {
            String guide = guide(sandbox);
            String simulator = simulatorUrl(guide);
            assertThat(guide)
                    .contains("export KUBECONFIG=" + kubeconfig.toAbsolutePath())
                    .contains("curl -X POST " + simulator + "/_sim/regions/us-south/down")
                    .contains("5b2c0d4e-8f1a-4c3b-9d2e-7a6f1e0c3b21")
                    .doesNotContain("01-secret-ibmcloud-apikey.yaml");

            try (KubernetesClient user = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
                    .build()) {
                user.resource(apiKeySecret()).create();
                for (HasMetadata object : protectionSamples()) {
                    user.resource(object).create();
                }
                await().atMost(TIMEOUT).until(() -> ready(user));

                controlApi(simulator, "POST", "/_sim/regions/us-south/down");
                try (InputStream failover =
                        Files.newInputStream(SAMPLES.resolve("failover/orders-notifications-failover.yaml"))) {
                    user.load(failover).create();
                }
                await().atMost(TIMEOUT).until(() -> phase(user) == FailoverPhase.Succeeded);
                EventNotificationsProtection after = protection(user);
                assertThat(after.getStatus().activeRegion).isEqualTo("us-east");
            }
        }
    }

    private static String guide(Sandbox sandbox) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sandbox.describe(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** As the README says: kubectl create secret generic ibmcloud-apikey --from-literal=apikey=... */
    private static Secret apiKeySecret() {
        return new SecretBuilder()
                .withNewMetadata()
                .withName("ibmcloud-apikey")
                .withNamespace("default")
                .endMetadata()
                .withData(Map.of("apikey", base64("sandbox-key")))
                .build();
    }

    /** The Event Notifications sample and what it references, with quicker passes than the sample's. */
    private static List<HasMetadata> protectionSamples() {
        return SampleFiles.read(SAMPLES).stream()
                .filter(o -> !(o instanceof Secret
                        && "ibmcloud-apikey".equals(o.getMetadata().getName())))
                .filter(o -> !(o instanceof dev.regionguard.api.CodeEngineProtection))
                .peek(o -> {
                    if (o instanceof EventNotificationsProtection enp) {
                        enp.getSpec().sync.interval = "2s";
                        enp.getSpec().healthCheck.interval = "1s";
                        enp.getSpec().healthCheck.timeout = "500ms";
                    }
                })
                .toList();
    }

    private static boolean ready(KubernetesClient user) {
        EventNotificationsProtection enp = protection(user);
        return enp != null
                && enp.getStatus() != null
                && Conditions.isTrue(enp.getStatus().conditions, Conditions.READY);
    }

    private static EventNotificationsProtection protection(KubernetesClient user) {
        return user.resources(EventNotificationsProtection.class)
                .inNamespace("default")
                .withName("orders-notifications")
                .get();
    }

    private static FailoverPhase phase(KubernetesClient user) {
        RegionFailover failover = user.resources(RegionFailover.class)
                .inNamespace("default")
                .withName("orders-notifications-inc-4711")
                .get();
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

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
