package dev.regionguard.health;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.StandbyVerification;
import dev.regionguard.api.Timestamps;
import dev.regionguard.api.VerificationCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a proof of a standby shows, and what the proofs of all standbys say (StandbyVerified). */
public final class StandbyVerifications {
    static final int MAX_CHECKS = 20;

    private StandbyVerifications() {}

    /** One proof as the standby's status entry: verified only when there was something to check and all passed. */
    public static StandbyVerification summarize(List<VerificationCheck> checks, Instant end, long durationMs) {
        StandbyVerification proof = new StandbyVerification();
        proof.time = Timestamps.format(end);
        proof.durationMs = durationMs;
        proof.checks = new ArrayList<>(checks.subList(0, Math.min(checks.size(), MAX_CHECKS)));
        VerificationCheck failed = checks.stream()
                .filter(c -> !Boolean.TRUE.equals(c.passed))
                .findFirst()
                .orElse(null);
        proof.verified = failed == null && !checks.isEmpty();
        if (checks.isEmpty()) {
            proof.message = "nothing to exercise: name destinations (EN), or apps or jobs (CE)";
        } else if (failed != null) {
            proof.message = failed.name + ": " + failed.message;
        } else {
            proof.message = checks.size() + (checks.size() == 1 ? " check" : " checks") + " passed";
        }
        return proof;
    }

    /** StandbyVerified over the standbys a failover could pick (fenced ones are not proven). */
    public static Condition condition(List<StandbyStatus> standbys, Set<String> fenced) {
        List<String> failed = new ArrayList<>();
        List<String> unproven = new ArrayList<>();
        List<String> proven = new ArrayList<>();
        for (StandbyStatus s : standbys) {
            if (fenced.contains(s.region)) {
                continue;
            }
            if (s.verification == null) {
                unproven.add(s.region);
            } else if (Boolean.TRUE.equals(s.verification.verified)) {
                proven.add(s.region + " at " + s.verification.time);
            } else {
                failed.add(s.region + ": " + s.verification.message);
            }
        }
        if (!failed.isEmpty()) {
            return Conditions.of(
                    Conditions.STANDBY_VERIFIED,
                    false,
                    "VerificationFailed",
                    "last proof failed: " + String.join("; ", failed));
        }
        if (!unproven.isEmpty()) {
            return Conditions.unknown(
                    Conditions.STANDBY_VERIFIED, "NotVerifiedYet", "no proof yet of " + String.join(", ", unproven));
        }
        if (proven.isEmpty()) {
            return Conditions.unknown(Conditions.STANDBY_VERIFIED, "NoStandby", "no standby to prove: all are fenced");
        }
        return Conditions.of(
                Conditions.STANDBY_VERIFIED, true, "Verified", "last proof passed: " + String.join(", ", proven));
    }
}
