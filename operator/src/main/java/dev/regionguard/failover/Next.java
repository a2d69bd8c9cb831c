package dev.regionguard.failover;

import dev.regionguard.api.FailoverPlan;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.RegionFailoverStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the wiring does next for a RegionFailover. */
public sealed interface Next {

    /**
     * Write this status to the RegionFailover, then emit the milestones, then decide again. Nothing
     * else happens before the write succeeds: every step is recorded before it acts.
     *
     * @param retryAfter when set, a step attempt failed: decide again after this delay, not at once
     */
    record Record(RegionFailoverStatus status, List<Milestone> milestones, Duration retryAfter) implements Next {
        public Record {
            milestones = List.copyOf(milestones);
        }

        public Optional<Duration> retryDelay() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /**
     * Perform the recorded, running step, idempotently, then pass its result to {@link
     * FailoverStateMachine#completed} and write the status that returns. After a crash the same step
     * is performed again, so performing it twice must be harmless.
     *
     * @param attempt    1 for the first attempt of this step
     * @param after      the protection's topology once the switch is done (what Promoting writes)
     * @param plan       what the failover changes (endpoint and ConfigMap for Redirecting)
     */
    record Perform(
            FailoverStep step,
            int attempt,
            FailoverType type,
            String fromRegion,
            String toRegion,
            RegionTopology after,
            FailoverPlan plan)
            implements Next {}

    /**
     * The RegionFailover is final: its fences were undone (Unfencing) before it ended, when it stopped
     * before the commit. The protection's reconciler mirrors the rest: it clears status.failover and adds
     * historyEntry (when not null) to its failover history.
     */
    record Done(FailoverRecord historyEntry) implements Next {}
}
