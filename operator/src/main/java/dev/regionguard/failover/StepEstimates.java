package dev.regionguard.failover;

import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.RegionFailoverStatus;
import dev.regionguard.api.StepDuration;
import dev.regionguard.api.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each step of a failover took and is expected to take. An estimate is the median over the
 * protection's newest recorded failovers of the same type that succeeded, so one slow outlier does not
 * set it; a drill fills the steps no record ran with what it measured itself.
 */
final class StepEstimates {
    static final int SAMPLES = 5;

    private StepEstimates() {}

    /** Seconds each ended step took, in order; steps still running are left out. */
    static List<StepDuration> taken(List<FailoverStepStatus> steps) {
        List<StepDuration> taken = new ArrayList<>();
        if (steps == null) {
            return taken;
        }
        for (FailoverStepStatus step : steps) {
            Instant start = Timestamps.parse(step.startTime);
            Instant end = Timestamps.parse(step.endTime);
            if (start != null && end != null) {
                taken.add(new StepDuration(
                        step.step, Math.max(0, Duration.between(start, end).toSeconds()), null));
            }
        }
        return taken;
    }

    /**
     * Each step a RegionFailover of this type to {@code to} would run (a Plan and a Drill: a Failover's),
     * estimated from the recorded ones to the same region, or to any region when none went there.
     */
    static List<StepDuration> expected(FailoverType type, List<FailoverRecord> history, String to) {
        FailoverType recorded = type == FailoverType.Relocate ? FailoverType.Relocate : FailoverType.Failover;
        List<FailoverRecord> succeeded = (history == null ? List.<FailoverRecord>of() : history)
                .stream()
                        .filter(r -> r.type == recorded && r.phase == FailoverPhase.Succeeded && r.steps != null)
                        .toList();
        List<FailoverRecord> toTarget =
                succeeded.stream().filter(r -> Objects.equals(to, r.toRegion)).toList();
        String where = toTarget.isEmpty() ? "" : " to " + to;
        List<FailoverRecord> samples = (toTarget.isEmpty() ? succeeded : toTarget)
                .stream()
                        .limit(SAMPLES) // history is newest first
                        .toList();
        List<StepDuration> expected = new ArrayList<>();
        for (FailoverStep step : StepRecording.sequence(recorded)) {
            List<Long> seconds = samples.stream()
                    .map(r -> secondsOf(r.steps, step))
                    .flatMap(Optional::stream)
                    .sorted()
                    .toList();
            expected.add(
                    seconds.isEmpty()
                            ? new StepDuration(step, null, "no recorded " + recorded + " ran this step")
                            : new StepDuration(step, median(seconds), basis(seconds.size(), recorded) + where));
        }
        return expected;
    }

    /**
     * A drill's estimate, for its Ready message and its history entry alike: the plan's, where a step no
     * record ran takes what the drill measured for it.
     */
    static List<StepDuration> ofDrill(RegionFailoverStatus drill) {
        return withDrill(drill.plan.expectedSteps, taken(drill.steps));
    }

    private static List<StepDuration> withDrill(List<StepDuration> expected, List<StepDuration> measured) {
        List<StepDuration> merged = new ArrayList<>();
        for (StepDuration estimate : expected == null ? List.<StepDuration>of() : expected) {
            Optional<Long> own = estimate.seconds == null ? secondsOf(measured, estimate.step) : Optional.empty();
            merged.add(own.map(s -> new StepDuration(estimate.step, s, "measured by this drill"))
                    .orElseGet(estimate::copy));
        }
        return merged;
    }

    /** E.g. "about 9s (Validating 1s, Fencing 4s, ...); no evidence yet for Promoting". */
    static String describe(List<StepDuration> estimate) {
        Map<Boolean, List<StepDuration>> known =
                estimate.stream().collect(Collectors.partitioningBy(s -> s.seconds != null));
        long total = known.get(true).stream().mapToLong(s -> s.seconds).sum();
        String parts = known.get(true).stream()
                .map(s -> s.step + " " + s.seconds + "s")
                .collect(Collectors.joining(", "));
        String unknown = known.get(false).stream().map(s -> s.step.name()).collect(Collectors.joining(", "));
        if (parts.isEmpty()) {
            return "no evidence yet for any step";
        }
        return "about " + total + "s (" + parts + ")" + (unknown.isEmpty() ? "" : "; no evidence yet for " + unknown);
    }

    private static Optional<Long> secondsOf(List<StepDuration> steps, FailoverStep step) {
        return steps == null
                ? Optional.empty()
                : steps.stream()
                        .filter(s -> s.step == step && s.seconds != null)
                        .map(s -> s.seconds)
                        .findFirst();
    }

    private static long median(List<Long> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle) + 1) / 2;
    }

    private static String basis(int count, FailoverType type) {
        return count == 1 ? "the last recorded " + type : "median of the last " + count + " recorded " + type + "s";
    }
}
