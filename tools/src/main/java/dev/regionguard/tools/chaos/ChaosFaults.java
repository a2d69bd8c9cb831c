package dev.regionguard.tools.chaos;

import dev.regionguard.simulator.Fault;
import dev.regionguard.simulator.FaultControls;
import dev.regionguard.simulator.FaultKind;
import java.util.Locale;
import java.util.Random;

/**
 * The faults of one faulty pass on one region, about {@code rate} of all calls: half are 500s
 * before processing, the rest lost answers after processing (reset, 504, one timeout) and poisoned
 * list answers. All drawn from seeds, so a round repeats.
 */
final class ChaosFaults {
    private static final FaultKind[] POISONS = {
        FaultKind.EMPTY_LIST,
        FaultKind.BARE_LIST,
        FaultKind.TRUNCATED_PAGE,
        FaultKind.MISSING_NEXT,
        FaultKind.CYCLIC_NEXT,
        FaultKind.SHIFTED_PAGE
    };

    private ChaosFaults() {}

    /** Injects the pass's faults and returns a line describing them for the replay report. */
    static String inject(FaultControls controls, double rate, Random random) {
        controls.errorRate(rate / 2, random.nextLong());
        double lost = rate / 6;
        controls.inject(Fault.of(FaultKind.LOST_RESET).probability(lost, random.nextLong()));
        controls.inject(Fault.of(FaultKind.LOST_504).probability(lost, random.nextLong()));
        controls.inject(Fault.of(FaultKind.LOST_TIMEOUT)
                .probability(lost, random.nextLong())
                .times(1));
        FaultKind poison = POISONS[random.nextInt(POISONS.length)];
        controls.inject(Fault.of(poison).method("GET").probability(lost, random.nextLong()));
        return String.format(
                Locale.ROOT, "errors=%.3f lost(reset,504,timeout x1)=%.3f each %s=%.3f", rate / 2, lost, poison, lost);
    }
}
