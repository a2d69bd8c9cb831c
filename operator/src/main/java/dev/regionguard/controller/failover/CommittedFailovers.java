package dev.regionguard.controller.failover;

import dev.regionguard.api.FailoverInProgress;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.failover.FailoverHistory;
import dev.regionguard.failover.FailoverLock;
import dev.regionguard.failover.FailoverStateMachine;
import dev.regionguard.failover.Next;
import dev.regionguard.failover.RegionTopology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the RegionFailovers of one protection mean for it. A failover commits by recording Promoting
 * as succeeded in its own status; the protection applies every committed failover newer than its own
 * epoch, in epoch order. Deleting old RegionFailovers therefore never reverts anything: the
 * protection's status keeps the epoch they set.
 */
public final class CommittedFailovers {
    private static final FailoverStateMachine MACHINE = new FailoverStateMachine();
    private static final Comparator<RegionFailover> CREATION = Comparator.comparing(
                    (RegionFailover r) -> r.getMetadata().getCreationTimestamp() == null
                            ? ""
                            : r.getMetadata().getCreationTimestamp())
            .thenComparing(r -> r.getMetadata().getName());

    private CommittedFailovers() {}

    /** The topology after every committed failover above the base epoch, each applied once and in order. */
    public static RegionTopology apply(RegionTopology base, List<RegionFailover> failovers) {
        // epoch order; two commits of one epoch (a lock lost to a stale cache) resolve as the lock does:
        // the earliest created wins, the other changes nothing
        List<RegionFailoverStatus> committed = failovers.stream()
                .filter(r -> {
                    RegionFailoverStatus s = r.getStatus();
                    return s != null
                            && s.epoch != null
                            && s.toRegion != null
                            && s.plan != null
                            && FailoverStateMachine.isCommitted(s)
                            && s.epoch > base.epoch();
                })
                .sorted(Comparator.comparing((RegionFailover r) -> r.getStatus().epoch)
                        .thenComparing(CREATION))
                .map(RegionFailover::getStatus)
                .toList();
        RegionTopology topology = base;
        for (RegionFailoverStatus s : committed) {
            if (s.epoch != topology.epoch() + 1
                    || !topology.regions().contains(s.toRegion)
                    || s.toRegion.equals(topology.activeRegion())) {
                continue; // not the next commit of this topology: a stale or foreign record changes nothing
            }
            topology = s.plan.type == FailoverType.Relocate
                    ? topology.afterRelocate(s.toRegion)
                    : topology.afterFailover(s.toRegion);
        }
        return topology;
    }

    /** The failover that may run now: the earliest created one that is not final (the lock). */
    public static Optional<RegionFailover> holder(List<RegionFailover> failovers) {
        return failovers.stream().filter(r -> !isFinal(r)).min(CREATION);
    }

    /** status.failover of the protection: the running failover, once it has started. */
    public static FailoverInProgress inProgress(List<RegionFailover> failovers) {
        return failovers.stream()
                .filter(r -> r.getStatus() != null && r.getStatus().phase != null && !isFinal(r))
                .min(CREATION)
                .map(r -> FailoverLock.of(FailoverRequests.of(r), r.getStatus()))
                .orElse(null);
    }

    /** The history with every finished failover added, oldest first so the newest ends in front. */
    public static List<FailoverRecord> history(List<FailoverRecord> previous, List<RegionFailover> failovers) {
        List<FailoverRecord> history = previous == null ? new ArrayList<>() : new ArrayList<>(previous);
        List<RegionFailover> finished = failovers.stream()
                .filter(CommittedFailovers::isFinal)
                .sorted(Comparator.comparing((RegionFailover r) ->
                                r.getStatus().completionTime == null ? "" : r.getStatus().completionTime)
                        .thenComparing(r -> r.getMetadata().getName()))
                .toList();
        for (RegionFailover rfo : finished) {
            Next next = MACHINE.next(FailoverRequests.of(rfo), rfo.getStatus(), null, Instant.EPOCH);
            if (next instanceof Next.Done done && done.historyEntry() != null) {
                history = FailoverHistory.add(history, done.historyEntry());
            }
        }
        return history;
    }

    public static boolean isFinal(RegionFailover rfo) {
        return rfo.getStatus() != null
                && rfo.getStatus().phase != null
                && rfo.getStatus().phase.isFinal();
    }
}
