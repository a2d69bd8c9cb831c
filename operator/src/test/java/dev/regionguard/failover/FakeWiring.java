package dev.regionguard.failover;

import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FenceRecord;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.health.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code RegionFailoverReconciler} does with the state machine, and only that: Validating and
 * Promoting perform nothing (the lock and the epoch guard are {@code CommittedFailovers}', applied by
 * {@link FakeProtection#view} and {@link FakeProtection#mirrorCommits}), a fence is recorded in status
 * before it is made, a deletion before the commit records the abort and runs on until final. The
 * protection, the RegionFailovers and {@link #oldRegionFenced} (the world) are the only persistent
 * state. {@link #crashAt} kills it before the n-th operation (a status write, a side effect, or the
 * decision after one); a new FakeWiring on the same protection and status is the restarted operator.
 */
final class FakeWiring {
    static final class Crash extends RuntimeException {
        Crash() {
            super(null, null, false, false);
        }
    }

    final FailoverStateMachine machine = new FailoverStateMachine();
    final FakeProtection protection;
    /** The RegionFailover's status as stored in the API server. */
    RegionFailoverStatus recorded;
    /** When this RegionFailover was created (it decides who holds the lock). */
    Instant created = FakeProtection.T0;

    Instant now = FakeProtection.T0;
    int crashAt = -1;
    int operations;
    final Map<FailoverStep, Integer> performed = new EnumMap<>(FailoverStep.class);
    final List<FailoverStep> performOrder = new ArrayList<>();
    final List<Milestone> milestones = new ArrayList<>();
    final List<Next> decisions = new ArrayList<>();
    int promotionsApplied;
    String publishedRegion;
    /** Results of side effects other than Validating, which performs nothing in production. */
    Function<Next.Perform, StepResult> results = this::defaultResult;
    /**
     * What production's {@code FailoverSteps.refusal} finds before a step changes anything (an earlier
     * RegionFailover on the API server, a foreign endpoint ConfigMap); null: nothing, go on.
     */
    Function<Next.Perform, StepResult> refusals = p -> null;

    FakeWiring(FakeProtection protection) {
        this.protection = protection;
    }

    FakeWiring(FakeProtection protection, RegionFailoverStatus recorded) {
        this(protection);
        this.recorded = recorded;
    }

    /** Reconciles until the RegionFailover is final and the protection released. */
    Next.Done run(FailoverRequest request) {
        for (int guard = 0; guard < 200; guard++) {
            Next next = decide(request);
            if (next instanceof Next.Done done) {
                operation();
                release(done);
                return done;
            }
        }
        throw new AssertionError("no end after 200 decisions: " + recorded.phase);
    }

    /** One decision and what follows it: a status write, or a side effect and the write of its result. */
    Next decide(FailoverRequest request) {
        protection.putFailover(request.name(), created, recorded); // it exists before its first status write
        Next next = machine.next(request, recorded, protection.view(now), now);
        decisions.add(next);
        if (next instanceof Next.Record record) {
            write(request, record);
        } else if (next instanceof Next.Perform perform) {
            StepResult refused = refusals.apply(perform); // production: read from the API server first
            if (refused == null && perform.step() == FailoverStep.Fencing) {
                recordFence(request, perform.fromRegion());
            }
            operation();
            StepResult result = refused == null ? perform(perform) : refused;
            operation();
            Next.Record record = (Next.Record) machine.completed(request, recorded, perform.step(), result, now);
            decisions.add(record);
            write(request, record);
        }
        return next;
    }

    /**
     * What the reconciler's cleanup does when the RegionFailover is deleted: release at once, or record the
     * abort (before the commit) and run until final. Returns the deletion decided.
     */
    Deletion delete(FailoverRequest request) {
        Deletion deletion = machine.onDeletion(recorded);
        if (deletion.release()) {
            return deletion;
        }
        if (deletion.abort()) {
            write(request, (Next.Record) machine.abort(request, recorded, now));
        }
        run(request);
        return deletion;
    }

    /** The RegionFailover that holds the protection's lock now. */
    String holder() {
        return protection.holder();
    }

    private void recordFence(FailoverRequest request, String region) {
        RegionFailoverStatus withFence =
                machine.fenceToRecord(recorded, new FenceRecord(region, Map.of("source.s1", "true")));
        if (withFence != null) {
            write(request, new Next.Record(withFence, List.of(), null));
        }
    }

    private void write(FailoverRequest request, Next.Record record) {
        operation();
        recorded = record.status();
        protection.putFailover(request.name(), created, recorded);
        if (protection.mirrorCommits()) {
            promotionsApplied++;
        }
        milestones.addAll(record.milestones());
        now = now.plus(record.retryDelay().orElse(Duration.ofSeconds(1)));
    }

    private StepResult perform(Next.Perform perform) {
        performed.merge(perform.step(), 1, Integer::sum);
        performOrder.add(perform.step());
        return switch (perform.step()) {
            case Validating -> StepResult.succeeded("no earlier RegionFailover of the protection is running");
            default -> {
                StepResult result = results.apply(perform);
                if (result.outcome() == StepResult.Outcome.SUCCEEDED && perform.step() == FailoverStep.Fencing) {
                    protection.oldRegionFenced = true;
                } else if (result.outcome() == StepResult.Outcome.SUCCEEDED
                        && perform.step() == FailoverStep.Unfencing) {
                    protection.oldRegionFenced = false;
                }
                yield result;
            }
        };
    }

    private StepResult defaultResult(Next.Perform perform) {
        return switch (perform.step()) {
            case FinalSync -> StepResult.succeeded("synced " + perform.fromRegion() + " to " + perform.toRegion());
            case Fencing ->
                protection.health.get(perform.fromRegion()) == HealthState.Healthy
                        ? StepResult.succeeded("destinations paused")
                        : StepResult.failed("no answer within 5000ms");
            case Unfencing -> StepResult.succeeded("restored 1 API sources on " + perform.fromRegion());
            // production's Promoting writes nothing (recording it is the commit); it fails only when it refuses
            case Promoting ->
                StepResult.succeeded(perform.toRegion() + " is the active region at epoch "
                        + perform.after().epoch());
            case Redirecting -> {
                publishedRegion = perform.toRegion();
                yield StepResult.succeeded(
                        "ConfigMap " + perform.plan().endpointConfigMap + " names " + perform.toRegion());
            }
            case Verifying ->
                StepResult.verification(
                        switch (protection.health.get(perform.toRegion())) {
                            case Healthy -> ProbeOutcome.success(Duration.ofMillis(90));
                            case Unknown -> ProbeOutcome.ofError(ErrorCategory.AUTHENTICATION, "401");
                            case Unhealthy -> ProbeOutcome.ofError(ErrorCategory.SERVER, "503 Service Unavailable");
                        });
            default -> throw new IllegalStateException(perform.step().name());
        };
    }

    /** What the protection's reconciler does once the RegionFailover is final: its history. */
    private void release(Next.Done done) {
        if (done.historyEntry() != null) {
            protection.history = FailoverHistory.add(protection.history, done.historyEntry());
        }
    }

    private void operation() {
        if (++operations == crashAt) {
            throw new Crash();
        }
    }
}
