package dev.regionguard.controller.failover;

import dev.regionguard.api.FailoverType;
import dev.regionguard.api.FenceRecord;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.failover.Next;
import dev.regionguard.failover.StepResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Performs the step the state machine decided, through the protection's port. Never throws: an
 * unexpected exception becomes a failed attempt of the step (the step's own reason, e.g.
 * {@code RedirectFailed}), which the state machine retries a bounded number of times with back-off.
 */
final class FailoverSteps {
    /** Marks the endpoint ConfigMaps RegionGuard created; it never writes one without it. */
    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

    static final String MANAGED_BY = "regionguard";

    StepResult perform(
            Next.Perform perform,
            FailoverPort port,
            HasMetadata protection,
            RegionFailover rfo,
            KubernetesClient client) {
        try {
            return switch (perform.step()) {
                case Validating -> StepResult.succeeded("no earlier RegionFailover of the protection is running");
                case FinalSync -> port.finalSync(protection, perform.fromRegion(), perform.toRegion());
                case Fencing -> fence(perform, port, protection, rfo.getStatus());
                case Promoting ->
                    StepResult.succeeded( // recording it is the commit
                            perform.toRegion() + " is the active region at epoch "
                                    + perform.after().epoch());
                case Redirecting -> redirect(perform, port, protection, rfo, client);
                case Verifying ->
                    perform.type() == FailoverType.Drill
                            ? port.prove(protection, perform.toRegion())
                            : StepResult.verification(port.probe(protection, perform.toRegion()));
                case Unfencing -> unfence(port, protection, rfo.getStatus());
            };
        } catch (RuntimeException e) {
            return StepResult.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The fence of region recorded in status, if any (recorded before fencing, kept across attempts). */
    static Optional<FenceRecord> recordedFence(RegionFailoverStatus status, String region) {
        return status.fenced == null
                ? Optional.empty()
                : status.fenced.stream().filter(f -> region.equals(f.region)).findFirst();
    }

    private static StepResult fence(
            Next.Perform perform, FailoverPort port, HasMetadata protection, RegionFailoverStatus status) {
        if (recordedFence(status, perform.fromRegion()).isEmpty()) { // what it would change could not be read
            return StepResult.skipped(perform.fromRegion() + " could not be read: not fenced");
        }
        return port.fence(protection, perform.fromRegion());
    }

    private static StepResult unfence(FailoverPort port, HasMetadata protection, RegionFailoverStatus status) {
        List<FenceRecord> pending = status.fenced == null
                ? List.of()
                : status.fenced.stream().filter(f -> !f.isUndone()).toList();
        StringBuilder done = new StringBuilder();
        for (FenceRecord fence : pending) {
            StepResult result = port.unfence(protection, fence);
            if (result.outcome() == StepResult.Outcome.FAILED) {
                return result;
            }
            done.append(done.isEmpty() ? "" : "; ").append(result.message());
        }
        return StepResult.succeeded(done.isEmpty() ? "no fence to undo" : done.toString());
    }

    /**
     * What stops a step before it changes anything, read from the API server (the cache may lag): before
     * Fencing and Promoting, an earlier RegionFailover of the protection that is still running (the lock);
     * before Promoting and Redirecting, an endpoint ConfigMap RegionGuard did not create, so that the
     * failover stops before the commit, where its fences are undone. Empty: go on.
     */
    Optional<StepResult> refusal(Next.Perform perform, RegionFailover rfo, KubernetesClient client) {
        try {
            return switch (perform.step()) {
                case Fencing -> lockHeldElsewhere(rfo, client);
                case Promoting -> lockHeldElsewhere(rfo, client).or(() -> foreignConfigMap(perform, rfo, client));
                case Redirecting -> foreignConfigMap(perform, rfo, client);
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.of(
                    StepResult.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static Optional<StepResult> lockHeldElsewhere(RegionFailover rfo, KubernetesClient client) {
        ProtectionRef ref = rfo.getSpec().protectionRef;
        List<RegionFailover> ofProtection = client
                .resources(RegionFailover.class)
                .inNamespace(rfo.getMetadata().getNamespace())
                .list()
                .getItems()
                .stream()
                .filter(r -> FailoverRequests.refersTo(r, ref.kind, ref.name))
                .toList();
        return CommittedFailovers.holder(ofProtection)
                .map(r -> r.getMetadata().getName())
                .filter(holder -> !holder.equals(rfo.getMetadata().getName()))
                .map(holder -> StepResult.refused(
                        "FailoverInProgress",
                        "RegionFailover " + holder + " of the same protection was created earlier and is still"
                                + " running; only one runs at a time"));
    }

    private static Optional<StepResult> foreignConfigMap(
            Next.Perform perform, RegionFailover rfo, KubernetesClient client) {
        String name = perform.plan().endpointConfigMap;
        if (name == null) {
            return Optional.empty();
        }
        ConfigMap existing = client.configMaps()
                .inNamespace(rfo.getMetadata().getNamespace())
                .withName(name)
                .get();
        if (existing == null || isOurs(existing)) {
            return Optional.empty();
        }
        return Optional.of(StepResult.refused(
                "EndpointConfigMapNotOwned",
                "ConfigMap " + name + " exists and was not created by RegionGuard (no label " + MANAGED_BY_LABEL + "="
                        + MANAGED_BY + "); it is never overwritten: rename spec.failover.endpointConfigMap or"
                        + " delete that ConfigMap"));
    }

    private static boolean isOurs(ConfigMap configMap) {
        Map<String, String> labels = configMap.getMetadata().getLabels();
        return labels != null && MANAGED_BY.equals(labels.get(MANAGED_BY_LABEL));
    }

    private static StepResult redirect(
            Next.Perform perform,
            FailoverPort port,
            HasMetadata protection,
            RegionFailover rfo,
            KubernetesClient client) {
        Map<String, String> data =
                port.activate(protection, perform.toRegion(), perform.after().epoch());
        String configMap = perform.plan().endpointConfigMap;
        if (configMap == null) {
            return StepResult.skipped(
                    "no endpoint ConfigMap named in spec.failover; " + perform.toRegion() + " activated");
        }
        String namespace = rfo.getMetadata().getNamespace();
        client.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(configMap)
                        .withNamespace(namespace)
                        .addToLabels(
                                RegionFailover.PROTECTION_LABEL,
                                protection.getMetadata().getName())
                        .addToLabels(MANAGED_BY_LABEL, MANAGED_BY)
                        .addToOwnerReferences(new OwnerReferenceBuilder()
                                .withApiVersion(protection.getApiVersion())
                                .withKind(protection.getKind())
                                .withName(protection.getMetadata().getName())
                                .withUid(protection.getMetadata().getUid())
                                .build())
                        .endMetadata()
                        .withData(data)
                        .build())
                .createOr(c -> c.update());
        return StepResult.succeeded("ConfigMap " + configMap + ": " + perform.toRegion() + " (" + data.get("endpoint")
                + ") at epoch " + perform.after().epoch());
    }
}
