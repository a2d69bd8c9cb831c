package dev.regionguard.tools.sandbox;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.HealthState;
import dev.regionguard.tools.demo.SampleFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** What a user does with a kubeconfig: a client from the file, the API-key Secret, the EN sample protection. */
public final class UserSteps {
    public static final Path SAMPLES =
            Path.of(System.getProperty("regionguard.projectRoot", "..")).resolve("config/samples");
    public static final String PROTECTION = "orders-notifications";

    private UserSteps() {}

    public static KubernetesClient clientFrom(Path kubeconfig) throws IOException {
        return new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
                .build();
    }

    /** As the sandbox's guide says: the API-key Secret, then the samples that hold no Secret of that name. */
    public static void protectTheSample(KubernetesClient user) {
        user.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("ibmcloud-apikey")
                        .withNamespace("default")
                        .endMetadata()
                        .withData(Map.of(
                                "apikey",
                                Base64.getEncoder().encodeToString("sandbox-key".getBytes(StandardCharsets.UTF_8))))
                        .build())
                .create();
        for (HasMetadata object : protectionSamples()) {
            user.resource(object).create();
        }
    }

    /** What a user in a hurry edits after applying the samples: quicker passes and probes than the sample's. */
    public static void quicken(KubernetesClient user) {
        // a merge patch: the stored object holds only what kubectl applied, no schema defaults
        user.resources(EventNotificationsProtection.class)
                .inNamespace("default")
                .withName(PROTECTION)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"sync\":{\"interval\":\"2s\"},"
                                + "\"healthCheck\":{\"interval\":\"1s\",\"timeout\":\"500ms\"}}}");
    }

    private static void quicken(EventNotificationsProtection enp) {
        enp.getSpec().sync.interval = "2s";
        enp.getSpec().healthCheck.interval = "1s";
        enp.getSpec().healthCheck.timeout = "500ms";
    }

    /** The Event Notifications sample and what it references, with quicker passes than the sample's. */
    private static List<HasMetadata> protectionSamples() {
        return SampleFiles.read(SAMPLES).stream()
                .filter(o -> !(o instanceof Secret
                        && "ibmcloud-apikey".equals(o.getMetadata().getName())))
                .filter(o -> !(o instanceof CodeEngineProtection))
                .peek(o -> {
                    if (o instanceof EventNotificationsProtection enp) {
                        quicken(enp);
                    }
                })
                .toList();
    }

    public static EventNotificationsProtection protection(KubernetesClient user) {
        return user.resources(EventNotificationsProtection.class)
                .inNamespace("default")
                .withName(PROTECTION)
                .get();
    }

    /** Ready, and every region probed Healthy: what on-call checks before a failover would be accepted. */
    public static boolean ready(KubernetesClient user) {
        EventNotificationsProtection enp = protection(user);
        return enp != null
                && enp.getStatus() != null
                && Conditions.isTrue(enp.getStatus().conditions, Conditions.READY)
                && enp.getStatus().regions.size() == 2
                && enp.getStatus().regions.stream().allMatch(r -> r.state == HealthState.Healthy);
    }
}
