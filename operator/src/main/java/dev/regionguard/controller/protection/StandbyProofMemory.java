package dev.regionguard.controller.protection;

import dev.regionguard.api.StandbyVerification;
import dev.regionguard.api.Timestamps;
import dev.regionguard.spec.VerificationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proofs of one protection's standbys: when each is next due, which runs now, and the last result.
 * A restarted operator takes the time of the last proof from status, so a restart sends no test early.
 */
final class StandbyProofMemory {
    static final Duration RETRY_FAILED = Duration.ofMinutes(5);

    private final Map<String, Instant> nextDue = new ConcurrentHashMap<>();
    private final Map<String, StandbyVerification> latest = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile VerificationSettings provenUnder;

    /** Changed settings (other checks, another timeout) are not proven yet: every standby is due now. */
    void settings(VerificationSettings settings, Instant now) {
        if (provenUnder != null && !provenUnder.equals(settings)) {
            nextDue.replaceAll((region, due) -> now);
        }
        provenUnder = settings;
    }

    /** On first sight of a region: due when the proof status recorded says, or now. */
    void restore(String region, StandbyVerification recorded, Duration interval, Instant now) {
        nextDue.computeIfAbsent(
                region,
                r -> recorded == null || recorded.time == null
                        ? now
                        : Timestamps.parse(recorded.time).plus(after(recorded, interval)));
    }

    /**
     * The time to the next proof: the interval after a pass, at most {@link #RETRY_FAILED} after a
     * failure, so that one bad answer does not leave the standby not ready for a whole interval.
     */
    static Duration after(StandbyVerification proof, Duration interval) {
        return Boolean.TRUE.equals(proof.verified) || interval.compareTo(RETRY_FAILED) < 0 ? interval : RETRY_FAILED;
    }

    /** True when the region's proof is due and none runs: it is then marked running. */
    boolean start(String region, Instant now, Duration interval) {
        Instant due = nextDue.get(region);
        if ((due != null && now.isBefore(due)) || !running.add(region)) {
            return false;
        }
        nextDue.put(region, now.plus(interval));
        return true;
    }

    void finished(String region, StandbyVerification proof, Duration interval) {
        latest.put(region, proof);
        nextDue.put(region, Timestamps.parse(proof.time).plus(after(proof, interval)));
        running.remove(region);
    }

    /** The proof could not start (no free thread): due again at the next pass. */
    void abandoned(String region, Instant now) {
        nextDue.put(region, now);
        running.remove(region);
    }

    Optional<StandbyVerification> latest(String region) {
        return Optional.ofNullable(latest.get(region));
    }

    /** spec.verification was removed: nothing is due and no result is reported. */
    void clear() {
        provenUnder = null;
        nextDue.clear();
        latest.clear();
    }
}
