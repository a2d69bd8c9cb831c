package dev.regionguard.tools.bench;

import static dev.regionguard.tools.bench.FailoverBenchmark.NAME;
import static dev.regionguard.tools.bench.FailoverBenchmark.NAMESPACE;
import static dev.regionguard.tools.bench.FailoverBenchmark.PRIMARY;
import static dev.regionguard.tools.bench.FailoverBenchmark.STANDBY;

import dev.regionguard.api.AcceptedRegionReference;
import dev.regionguard.api.AppHealthRef;
import dev.regionguard.api.CeProjectRef;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.DestinationSecretRef;
import dev.regionguard.api.EnInstanceRef;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.TemplateBodyRef;
import dev.regionguard.simulator.SeedManifest;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The protections the failover benchmark creates, with the Secrets and ConfigMaps they reference. */
final class BenchProtections {
    private BenchProtections() {}

    /** CE: 5 s probes on the given apps, failureThreshold 3, Automatic, cold standby. */
    static CodeEngineProtection codeEngine(
            KubernetesClient k8s, String primaryId, String standbyId, List<AppHealthRef> probed) {
        return codeEngine(k8s, NAME, primaryId, List.of(new CeStandby(STANDBY, standbyId)), probed);
    }

    static CodeEngineProtection codeEngine(
            KubernetesClient k8s, String name, String primaryId, List<CeStandby> standbys, List<AppHealthRef> probed) {
        apiKeySecret(k8s, name + "-ce-apikey");
        CodeEngineProtectionSpec spec = new CodeEngineProtectionSpec();
        spec.primary = new CeProjectRef(PRIMARY, primaryId);
        spec.standbys = standbys;
        spec.credentialsSecretRef = new SecretKeyRef(name + "-ce-apikey", "apikey");
        spec.standbyMode = CodeEngineStandbyMode.Cold;
        spec.apps = probed;
        spec.sync.interval = "30s";
        spec.healthCheck.interval = "5s";
        spec.healthCheck.timeout = "2s";
        spec.healthCheck.failureThreshold = 3;
        spec.failover.mode = FailoverMode.Automatic;
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        cep.setSpec(spec);
        return cep;
    }

    private static void apiKeySecret(KubernetesClient k8s, String name) {
        k8s.secrets()
                .inNamespace(NAMESPACE)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withStringData(Map.of("apikey", "bench-api-key"))
                        .build())
                .create();
    }

    /** EN: 5 s probes, failureThreshold 3, Automatic, endpoint published; the seeded material referenced. */
    static EventNotificationsProtection eventNotifications(
            KubernetesClient k8s, SeedManifest manifest, String primaryId, String standbyId) {
        return eventNotifications(k8s, NAME, manifest, primaryId, List.of(new EnStandby(STANDBY, standbyId)));
    }

    static EventNotificationsProtection eventNotifications(
            KubernetesClient k8s, String name, SeedManifest manifest, String primaryId, List<EnStandby> standbys) {
        apiKeySecret(k8s, name + "-apikey");
        EventNotificationsProtectionSpec spec = new EventNotificationsProtectionSpec();
        spec.primary = new EnInstanceRef(PRIMARY, primaryId);
        spec.standbys = standbys;
        spec.credentialsSecretRef = new SecretKeyRef(name + "-apikey", "apikey");
        spec.sync.interval = "30s";
        spec.healthCheck.interval = "5s";
        spec.healthCheck.timeout = "2s";
        spec.healthCheck.failureThreshold = 3;
        spec.failover.mode = FailoverMode.Automatic;
        spec.failover.endpointConfigMap = name + "-endpoint";
        spec.destinationSecrets = destinationSecrets(k8s, name, manifest);
        spec.templateBodies = templateBodies(k8s, name, manifest);
        // The seed holds the primary region's hosts (COS endpoints, Code Engine URLs) that the copy keeps;
        // unaccepted, they would make the standby not ready and no failover would be timed.
        spec.regionIndependence.acceptedReferences = List.of(new AcceptedRegionReference("*", null, null));
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        enp.setSpec(spec);
        return enp;
    }

    /** One Secret per destination with the seeded write-only values. */
    private static List<DestinationSecretRef> destinationSecrets(
            KubernetesClient k8s, String name, SeedManifest manifest) {
        manifest.destinationSecrets()
                .forEach((destination, values) -> k8s.secrets()
                        .inNamespace(NAMESPACE)
                        .resource(new SecretBuilder()
                                .withNewMetadata()
                                .withName(secretName(name, destination))
                                .endMetadata()
                                .withStringData(values)
                                .build())
                        .create());
        return manifest.destinationSecrets().keySet().stream()
                .sorted()
                .map(d -> new DestinationSecretRef(d, secretName(name, d)))
                .toList();
    }

    /** One ConfigMap with every seeded template body (and subject). */
    private static List<TemplateBodyRef> templateBodies(KubernetesClient k8s, String name, SeedManifest manifest) {
        Map<String, String> bodies = new HashMap<>();
        manifest.templateBodies().forEach((template, body) -> {
            bodies.put(template + ".body", body.body());
            if (body.subject() != null) {
                bodies.put(template + ".subject", body.subject());
            }
        });
        k8s.configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name + "-templates")
                        .endMetadata()
                        .withData(bodies)
                        .build())
                .create();
        return manifest.templateBodies().keySet().stream()
                .sorted()
                .map(t -> {
                    TemplateBodyRef ref = new TemplateBodyRef();
                    ref.template = t;
                    ref.configMapName = name + "-templates";
                    ref.bodyKey = t + ".body";
                    ref.subjectKey = t + ".subject";
                    return ref;
                })
                .toList();
    }

    private static String secretName(String name, String destination) {
        return (name + "-" + destination).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }
}
