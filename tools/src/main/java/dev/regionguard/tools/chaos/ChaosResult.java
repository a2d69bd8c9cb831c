package dev.regionguard.tools.chaos;

import java.util.List;

/** Totals of one service's run, and the replay report of every failing round. */
public record ChaosResult(
        String service,
        int rounds,
        long faults,
        long lostAnswers,
        int wrongDeletions,
        int duplicates,
        int notConverged,
        long seed,
        List<String> failures) {

    public boolean passed() {
        return wrongDeletions == 0 && duplicates == 0 && notConverged == 0;
    }

    public String line() {
        return "CHAOS service=" + service + " rounds=" + rounds + " faults=" + faults + " lost_answers=" + lostAnswers
                + " wrong_deletions=" + wrongDeletions + " duplicates=" + duplicates + " not_converged="
                + notConverged + " seed=" + seed;
    }
}
