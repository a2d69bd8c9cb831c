package dev.regionguard.controller.witness;

import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionObservation;
import dev.regionguard.api.RegionObservationSpec;
import dev.regionguard.api.RegionObservationStatus;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.api.Timestamps;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.List;

/** Writes a witness's view of one protection: its RegionObservation, created on first use. */
final class Observations {
    static final String VANTAGE_LABEL = "regionguard.dev/vantage";

    private final KubernetesClient client;
    private final String vantage;

    Observations(KubernetesClient client, String vantage) {
        this.client = client;
        this.vantage = vantage;
    }

    void write(HasMetadata protection, ProtectionKind kind, List<RegionStatus> regions, Instant observedAt) {
        String namespace = protection.getMetadata().getNamespace();
        String name = RegionObservation.nameOf(kind, protection.getMetadata().getName(), vantage);
        var resources = client.resources(RegionObservation.class).inNamespace(namespace);
        RegionObservation current = resources.withName(name).get();
        if (current == null) {
            current = resources.resource(newObservation(protection, kind, name)).create();
        }
        RegionObservationStatus status = new RegionObservationStatus();
        status.observedAt = Timestamps.format(observedAt);
        status.regions = regions;
        current.setStatus(status);
        resources.resource(current).updateStatus();
    }

    private RegionObservation newObservation(HasMetadata protection, ProtectionKind kind, String name) {
        RegionObservation observation = new RegionObservation();
        // owned by the protection (no controller, no deletion block: a witness may not set those), so
        // it goes when the protection goes
        observation.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(protection.getMetadata().getNamespace())
                .addToLabels(VANTAGE_LABEL, vantage)
                .addToLabels(
                        RegionObservation.PROTECTION_LABEL,
                        protection.getMetadata().getName())
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(protection.getApiVersion())
                        .withKind(protection.getKind())
                        .withName(protection.getMetadata().getName())
                        .withUid(protection.getMetadata().getUid())
                        .build())
                .build());
        RegionObservationSpec spec = new RegionObservationSpec();
        spec.protectionRef = new ProtectionRef(kind, protection.getMetadata().getName());
        spec.vantage = vantage;
        observation.setSpec(spec);
        return observation;
    }
}
