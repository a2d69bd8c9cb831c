package dev.regionguard.failover;

import dev.regionguard.api.FailoverStep;
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
 * What the reconciler does with the state machine, with the protection and the RegionFailover's
 * status as the only persistent state. {@link #crashAt} kills it before the n-th operation (a status
 * write, a side effect, or the decision after one); a new FakeWiring on the same protection and status
 * is the restarted operator.
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

    Instant now = FakeProtection.T0;
    int crashAt = -1;
    int operations;
    final Map<FailoverStep, Integer> performed = new EnumMap<>(FailoverStep.class);
    final List<FailoverStep> performOrder = new ArrayList<>();
    final List<Milestone> milestones = new ArrayList<>();
    final List<Next> decisions = new ArrayList<>();
    int promotionsApplied;
    String publishedRegion;
    boolean unfenced;
    /** Results of side effects other than Validating and Promoting, which follow the protection. */
    Function<Next.Perform, StepResult> results = this::defaultResult;

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
                release(request, done);
                return done;
            }
        }
        throw new AssertionError("no end after 200 decisions: " + recorded.phase);
    }

    /** One decision and what follows it: a status write, or a side effect and the write of its result. */
    Next decide(FailoverRequest request) {
        Next next = machine.next(request, recorded, protection.view(now), now);
        decisions.add(next);
        if (next instanceof Next.Record record) {
            write(record);
        } else if (next instanceof Next.Perform perform) {
            operation();
            StepResult result = perform(request, perform);
            operation();
            Next.Record record = (Next.Record) machine.completed(request, recorded, perform.step(), result, now);
            decisions.add(record);
            write(record);
        }
        return next;
    }

    private void write(Next.Record record) {
        operation();
        recorded = record.status();
        milestones.addAll(record.milestones());
        now = now.plus(record.retryDelay().orElse(Duration.ofSeconds(1)));
    }

    private StepResult perform(FailoverRequest request, Next.Perform perform) {
        performed.merge(perform.step(), 1, Integer::sum);
        performOrder.add(perform.step());
        switch (perform.step()) {
            case Validating -> {
                if (protection.lock == null || protection.lock.equals(request.name())) {
                    protection.lock = request.name();
                    return StepResult.succeeded("failover lock taken");
                }
                return StepResult.failed("RegionFailover " + protection.lock + " holds the protection");
            }
            case Promoting -> {
                // compare-and-set on the protection's status, as the reconciler must do it
                RegionTopology current = protection.topology;
                if (current.epoch() == perform.after().epoch() - 1
                        && current.activeRegion().equals(perform.fromRegion())) {
                    protection.topology = perform.after();
                    promotionsApplied++;
                }
                return StepResult.succeeded(perform.toRegion() + " is the active region at epoch "
                        + perform.after().epoch());
            }
            default -> {
                return results.apply(perform);
            }
        }
    }

    private StepResult defaultResult(Next.Perform perform) {
        return switch (perform.step()) {
            case FinalSync -> StepResult.succeeded("synced " + perform.fromRegion() + " to " + perform.toRegion());
            case Fencing ->
                protection.health.get(perform.fromRegion()) == HealthState.Healthy
                        ? StepResult.succeeded("destinations paused")
                        : StepResult.failed("no answer within 5000ms");
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

    /** What the wiring does on Done, and on a deletion that releases. */
    void release(FailoverRequest request, Next.Done done) {
        if (request.name().equals(protection.lock)) {
            protection.lock = null;
        }
        if (done.historyEntry() != null) {
            protection.history = FailoverHistory.add(protection.history, done.historyEntry());
        }
        if (done.unfenceOldSide() && protection.topology.activeRegion().equals(done.fromRegion())) {
            unfenced = true;
        }
    }

    private void operation() {
        if (++operations == crashAt) {
            throw new Crash();
        }
    }
}
