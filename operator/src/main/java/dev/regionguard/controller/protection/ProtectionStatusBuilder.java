package dev.regionguard.controller.protection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.ProtectionSpec;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.controller.failover.CommittedFailovers;
import dev.regionguard.failover.FailoverReadiness;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.failover.VantageQuorum;
import dev.regionguard.health.RegionStatuses;
import dev.regionguard.spec.SyncSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place that assembles a protection's next status: the sync part from the pass result
 * ({@link SyncStatusReport}), the service's part read after a pass, and the topology, region health
 * and failovers mirrored from what the pass observed; or, after an unexpected error, the previous
 * status with Ready=False. Pure: it reads nothing itself.
 */
final class ProtectionStatusBuilder<P extends CustomResource<? extends ProtectionSpec, S>, S extends ProtectionStatus> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 200;
    private final ProtectedService<P, S> service;

    ProtectionStatusBuilder(ProtectedService<P, S> service) {
        this.service = service;
    }

    /**
     * @param result null when no pass ran: the previous status carries over
     * @param extras the service's part, read after a pass
     */
    S build(
            P protection,
            S previous,
            PassResult result,
            Consumer<S> extras,
            Observation seen,
            ProtectionRuntimes.Runtime runtime,
            VantageQuorum quorum,
            Instant now) {
        S next = result == null ? copy(previous) : synced(protection, previous, result, seen, now);
        if (result != null) {
            Condition independent = RegionIndependence.report(
                    next,
                    previous,
                    result instanceof PassResult.Synced,
                    runtime.regionReferences(),
                    protection.getSpec().regionIndependenceSpec());
            next.conditions = new ArrayList<>(next.conditions); // after the sync's: the order stays stable
            next.conditions.addAll(Conditions.merge(
                    previous.conditions,
                    List.of(independent),
                    protection.getMetadata().getGeneration(),
                    now));
        }
        extras.accept(next);
        stampServiceConditions(next, previous, protection, now);
        if (seen.topology() != null) {
            mirrorFailovers(next, previous, seen, runtime, now);
            Condition verified = verified(next, previous, seen, runtime);
            replace(next, previous, Conditions.STANDBY_VERIFIED, verified, protection, now);
            reportFailoverReady(next, previous, seen, runtime, protection, now);
            reportQuorum(next, previous, quorum, seen.topology().activeRegion(), protection, now);
        }
        return next;
    }

    /** FailoverReady, before Quorum: whether a failover without force would be accepted now, and why not. */
    private static void reportFailoverReady(
            ProtectionStatus next,
            ProtectionStatus previous,
            Observation seen,
            ProtectionRuntimes.Runtime runtime,
            HasMetadata protection,
            Instant now) {
        SyncSettings sync = seen.settings() == null ? null : seen.settings().sync();
        if (sync == null) { // the spec is blocked: Ready says why; the last verdict keeps its place
            replace(
                    next,
                    previous,
                    Conditions.FAILOVER_READY,
                    Conditions.find(next.conditions, Conditions.FAILOVER_READY),
                    protection,
                    now);
            return;
        }
        FailoverReadiness.Verdict verdict = FailoverReadiness.evaluate(
                seen.topology(),
                AutomaticFailover.readiness(
                        seen.topology(), next, runtime.health(next.regions, now), sync.interval(), now),
                CommittedFailovers.holder(seen.failovers())
                        .map(r -> r.getMetadata().getName())
                        .orElse(null));
        replace(
                next,
                previous,
                Conditions.FAILOVER_READY,
                Conditions.of(Conditions.FAILOVER_READY, verdict.ready(), verdict.reason(), verdict.message()),
                protection,
                now);
    }

    /** StandbyVerified after the standbys' last proofs are filled in; null without spec.verification. */
    private static Condition verified(
            ProtectionStatus next, ProtectionStatus previous, Observation seen, ProtectionRuntimes.Runtime runtime) {
        return StandbyProver.report(
                next,
                previous,
                seen.settings() == null ? null : seen.settings().verification(),
                runtime,
                seen.topology().fencedRegions());
    }

    /**
     * Puts the condition of this type after the others (its place in the order, as long as each is
     * replaced in order), keeping its transition time; removes it when desired is null.
     */
    private static void replace(
            ProtectionStatus next,
            ProtectionStatus previous,
            String type,
            Condition desired,
            HasMetadata protection,
            Instant now) {
        List<Condition> conditions = new ArrayList<>(next.conditions);
        conditions.removeIf(c -> type.equals(c.type));
        if (desired != null) {
            conditions.addAll(Conditions.merge(
                    previous.conditions,
                    List.of(desired),
                    protection.getMetadata().getGeneration(),
                    now));
        }
        next.conditions = conditions;
    }

    /** Conditions the service's part added (unstamped) get the generation and keep their transition time. */
    private static void stampServiceConditions(
            ProtectionStatus next, ProtectionStatus previous, HasMetadata protection, Instant now) {
        List<Condition> conditions = new ArrayList<>(next.conditions.size());
        for (Condition condition : next.conditions) {
            conditions.add(
                    condition.lastTransitionTime != null
                            ? condition
                            : Conditions.merge(
                                            previous.conditions,
                                            List.of(condition),
                                            protection.getMetadata().getGeneration(),
                                            now)
                                    .get(0));
        }
        next.conditions = conditions;
    }

    /** Each vantage point's view and the Quorum condition (last); neither without a quorum. */
    private static void reportQuorum(
            ProtectionStatus next,
            ProtectionStatus previous,
            VantageQuorum quorum,
            String activeRegion,
            HasMetadata protection,
            Instant now) {
        next.vantagePoints = new ArrayList<>();
        Condition desired = null;
        if (quorum != null) {
            VantageQuorum.Verdict verdict = quorum.onActive(activeRegion);
            boolean present = verdict.outcome() != VantageQuorum.Outcome.NoQuorum;
            desired =
                    Conditions.of(Conditions.QUORUM, present, verdict.outcome().name(), verdict.message());
            next.vantagePoints = new ArrayList<>(quorum.vantagePoints());
        }
        replace(next, previous, Conditions.QUORUM, desired, protection, now);
    }

    /** The previous status with Ready=False naming the error; never a stack trace. */
    S failed(P protection, S previous, Exception error, Instant now) {
        S next = copy(previous);
        List<Condition> desired = new ArrayList<>();
        desired.add(Conditions.of(Conditions.READY, false, "ReconcileFailed", describe(error)));
        for (String type : List.of(
                Conditions.STANDBYS_IN_SYNC,
                Conditions.CREDENTIALS_VALID,
                Conditions.REGION_INDEPENDENT,
                Conditions.STANDBY_VERIFIED,
                Conditions.FAILOVER_READY,
                Conditions.QUORUM)) {
            Condition old = Conditions.find(previous.conditions, type);
            if (old != null) {
                desired.add(new Condition(old.type, old.status, old.reason, old.message));
            }
        }
        next.conditions = Conditions.merge(
                previous.conditions, desired, protection.getMetadata().getGeneration(), now);
        return next;
    }

    private S synced(P protection, S previous, PassResult result, Observation seen, Instant now) {
        S next = service.newStatus();
        SyncSettings settings = seen.settings().sync();
        boolean deletesExpected = settings == null || settings.deletesAllowed();
        Integer baseline = result instanceof PassResult.Synced synced
                ? PassOutcomes.nextBaseline(previous.primaryInventory, synced.outcome())
                : previous.primaryInventory;
        List<StandbyRef> refs = seen.sides() == null
                ? List.of()
                : seen.sides().targets().stream().map(service::standbyRef).toList();
        return new SyncStatusReport(previous, protection.getMetadata().getGeneration(), now, refs, deletesExpected)
                .build(next, result, baseline);
    }

    /** The topology, region health, running failover and history, mirrored into status (changes only). */
    private static void mirrorFailovers(
            ProtectionStatus next,
            ProtectionStatus previous,
            Observation seen,
            ProtectionRuntimes.Runtime runtime,
            Instant now) {
        RegionTopology topology = seen.topology();
        next.activeRegion = topology.activeRegion();
        next.epoch = topology.epoch();
        next.fencedRegions = new ArrayList<>(topology.fencedRegions());
        next.pendingFences = seen.ledger() == null
                ? previous.pendingFences
                : new ArrayList<>(seen.ledger().pendingFences());
        RegionStatuses.Update regions =
                RegionStatuses.update(previous.regions, topology.roles(), runtime.health(previous.regions, now), now);
        next.regions = regions.changed() ? regions.regions() : previous.regions;
        next.failover = CommittedFailovers.inProgress(seen.failovers());
        next.failoverHistory = CommittedFailovers.history(previous.failoverHistory, seen.failovers());
    }

    @SuppressWarnings("unchecked")
    private S copy(S previous) {
        return (S) JSON.convertValue(previous, service.newStatus().getClass());
    }

    private static String describe(Throwable thrown) {
        Throwable error = thrown;
        // JOSDK wraps what a reconcile throws; a wrapper that only repeats its cause says nothing more
        while (error.getCause() != null && error.getCause().toString().equals(error.getMessage())) {
            error = error.getCause();
        }
        String message = error.getMessage() == null
                ? ""
                : error.getMessage().lines().findFirst().orElse("");
        String text = error.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
