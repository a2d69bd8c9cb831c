package dev.regionguard.testing;

import dev.regionguard.api.AcceptedRegionReference;
import dev.regionguard.api.DestinationSecretRef;
import dev.regionguard.api.EnInstanceRef;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.SyncMode;
import dev.regionguard.api.TemplateBodyRef;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.eventnotifications.EventNotificationsClient;
import dev.regionguard.simulator.SeedManifest;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A protected pair of simulated EN instances with everything a protection of it needs in
 * Kubernetes: the API key Secret, one Secret per destination with write-only values, a ConfigMap
 * with the template bodies.
 */
public final class EnFixture {
    public static final String PRIMARY = "us-south";
    public static final String STANDBY = "us-east";
    public static final String API_KEY = "test-api-key";

    public final OperatorHarness harness;
    public final String name;
    public final String primaryId;
    public final String standbyId;
    public final SeedManifest manifest;
    public final EventNotificationsClient primary;
    public final EventNotificationsClient standby;

    public EnFixture(OperatorHarness harness, String name, int entities) {
        this.harness = harness;
        this.name = name;
        this.primaryId = harness.simulator().createEventNotificationsInstance(PRIMARY);
        this.standbyId = harness.simulator().createEventNotificationsInstance(STANDBY);
        this.manifest = harness.simulator().seedEventNotifications(PRIMARY, primaryId, entities, name.hashCode());
        var clients = SimulatorClients.eventNotifications(harness.simulator(), HttpSettings.defaults());
        this.primary = clients.forInstance(PRIMARY, primaryId, new ApiKey(API_KEY));
        this.standby = clients.forInstance(STANDBY, standbyId, new ApiKey(API_KEY));
        harness.secret(name + "-apikey", Map.of("apikey", API_KEY));
    }

    /** Secrets and ConfigMap for the write-only material, except for the destinations named. */
    public void material(String... destinationsWithout) {
        List<String> left = List.of(destinationsWithout);
        manifest.destinationSecrets().forEach((destination, values) -> {
            if (!left.contains(destination)) {
                harness.secret(secretName(destination), values);
            }
        });
        Map<String, String> bodies = new HashMap<>();
        manifest.templateBodies().forEach((template, body) -> {
            bodies.put(template + ".body", body.body());
            if (body.subject() != null) {
                bodies.put(template + ".subject", body.subject());
            }
        });
        harness.configMap(name + "-templates", bodies);
    }

    public EventNotificationsProtection protection(SyncMode mode, String interval) {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        EventNotificationsProtectionSpec spec = new EventNotificationsProtectionSpec();
        spec.primary = new EnInstanceRef(PRIMARY, primaryId);
        spec.standbys = List.of(new EnStandby(STANDBY, standbyId));
        spec.credentialsSecretRef = new SecretKeyRef(name + "-apikey", "apikey");
        spec.sync.mode = mode;
        spec.sync.interval = interval;
        // The seeds hold the primary region's hosts (COS endpoints, Code Engine URLs) that the copy
        // keeps: accepted here so that a test about something else can fail over; the audit's own
        // tests build their spec without this.
        spec.regionIndependence.acceptedReferences = List.of(new AcceptedRegionReference("*", null, null));
        spec.destinationSecrets = manifest.destinationSecrets().keySet().stream()
                .sorted()
                .map(d -> new DestinationSecretRef(d, secretName(d)))
                .toList();
        spec.templateBodies = manifest.templateBodies().keySet().stream()
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
        enp.setSpec(spec);
        return enp;
    }

    public String secretName(String destination) {
        return (name + "-" + destination).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** Names of a collection, sorted: the part of the configuration both sides must share. */
    public static TreeSet<String> names(EventNotificationsClient client, EnKind kind) {
        return client.list(kind).stream()
                .map(n -> n.path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean standbyMatchesPrimary() {
        for (EnKind kind :
                List.of(EnKind.SOURCE, EnKind.DESTINATION, EnKind.TEMPLATE, EnKind.TOPIC, EnKind.SUBSCRIPTION)) {
            if (!names(primary, kind).equals(names(standby, kind))) {
                return false;
            }
        }
        return true;
    }
}
