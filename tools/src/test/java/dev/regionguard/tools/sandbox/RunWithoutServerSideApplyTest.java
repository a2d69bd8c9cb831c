package dev.regionguard.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.Protections;
import dev.regionguard.embedded.EmbeddedKubernetes;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.tools.demo.SampleFiles;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regionguard run}, as its own process with only a kubeconfig file and the environment, against
 * the embedded Kubernetes API, which rejects server-side apply: it says so in one line and reconciles
 * the sample protection to Ready all the same.
 */
class RunWithoutServerSideApplyTest {
    @TempDir
    Path work;

    @Test
    void runReconcilesTheSampleOnAnApiWithoutServerSideApply() throws Exception {
        EventNotificationsProtection sample = SampleFiles.read(UserSteps.SAMPLES).stream()
                .filter(EventNotificationsProtection.class::isInstance)
                .map(EventNotificationsProtection.class::cast)
                .findFirst()
                .orElseThrow();
        try (IbmCloudSimulator sim = IbmCloudSimulator.builder()
                        .regions("us-south", "us-east")
                        .build()
                        .start();
                EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES)) {
            sim.createEventNotificationsInstance("us-south", sample.getSpec().primary.instanceId);
            sim.createEventNotificationsInstance(
                    "us-east", sample.getSpec().standbys.get(0).instanceId);
            Path kubeconfig = Files.writeString(work.resolve("kubeconfig"), kubernetes.kubeconfig());
            Path log = work.resolve("run.log");
            ProcessBuilder command = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "dev.regionguard.tools.cli.Main",
                            "run")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            command.environment().put("KUBECONFIG", kubeconfig.toString());
            command.environment().put("REGIONGUARD_IAM_URL", sim.iamUrl());
            command.environment().put("REGIONGUARD_EN_ENDPOINT_TEMPLATE", sim.eventNotificationsTemplate());
            command.environment().put("REGIONGUARD_CE_ENDPOINT_TEMPLATE", sim.codeEngineTemplate());
            command.environment().put("REGIONGUARD_HTTP_PORT", String.valueOf(freePort()));
            Process run = command.start();
            try (KubernetesClient user = UserSteps.clientFrom(kubeconfig)) {
                UserSteps.protectTheSample(user);
                try {
                    await().atMost(Duration.ofSeconds(120)).until(() -> UserSteps.ready(user) || !run.isAlive());
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError(
                            "not Ready: " + Serialization.asYaml(UserSteps.protection(user)) + "\nrun's output:\n"
                                    + read(log),
                            e);
                }
                assertThat(run.isAlive()).as(() -> read(log)).isTrue();
                assertThat(UserSteps.ready(user)).isTrue();
                assertThat(read(log)).contains("does not take server-side apply");
            } finally {
                run.destroy();
                run.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
