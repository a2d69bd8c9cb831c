package dev.regionguard.controller.protection;

import dev.regionguard.api.Condition;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.StandbyVerification;
import dev.regionguard.api.VerificationCheck;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.health.StandbyVerifications;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.spec.VerificationSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "prove" step (spec.verification): each standby that is due is exercised in the background, on
 * the verification threads, so a slow cold start never delays a probe; a later pass reports the
 * result. A drill proves its target in its own thread ({@link #proveNow}).
 */
final class StandbyProver<P extends HasMetadata> {
    private static final Logger LOG = LoggerFactory.getLogger(StandbyProver.class);
    private final StandbyVerifier<P> verifier;
    private final ProtectionServices services;
    private final Clock clock;

    StandbyProver(StandbyVerifier<P> verifier, ProtectionServices services, Clock clock) {
        this.verifier = verifier;
        this.services = services;
        this.clock = clock;
    }

    /** Starts the proof of each standby that is due and not fenced. */
    void startDue(P protection, Observation seen, ProtectionRuntimes.Runtime runtime, ProtectionStatus previous) {
        VerificationSettings settings =
                seen.settings() == null ? null : seen.settings().verification();
        StandbyProofMemory memory = runtime.proofs();
        if (settings == null) {
            memory.clear();
            return;
        }
        if (seen.sides() == null || seen.topology() == null) {
            return;
        }
        Instant now = clock.instant();
        memory.settings(settings, now);
        for (ProtectedSide standby : seen.sides().targets()) {
            String region = standby.region();
            if (seen.topology().fencedRegions().contains(region) || !everSynced(previous, region)) {
                continue; // a copy that was never complete proves nothing yet
            }
            memory.restore(region, recorded(previous, region), settings.interval(), now);
            if (!memory.start(region, now, settings.interval())) {
                continue;
            }
            ApiKey key = seen.sides().keys().get(region);
            try {
                services.verifyExecutor()
                        .execute(() -> memory.finished(
                                region, prove(protection, standby, key, settings), settings.interval()));
            } catch (RejectedExecutionException e) {
                memory.abandoned(region, now);
            }
        }
    }

    /** Proves one standby now, in this thread, and keeps the result for status. */
    StandbyVerification proveNow(
            P protection,
            ProtectedSide standby,
            ApiKey key,
            VerificationSettings settings,
            ProtectionRuntimes.Runtime runtime) {
        StandbyVerification proof = prove(protection, standby, key, settings);
        runtime.proofs().finished(standby.region(), proof, settings.interval());
        return proof;
    }

    /**
     * Fills each standby's last proof into the next status (this run's, else the one status had) and
     * returns StandbyVerified; null without spec.verification, whose standbys then show no proof.
     */
    static Condition report(
            ProtectionStatus next,
            ProtectionStatus previous,
            VerificationSettings settings,
            ProtectionRuntimes.Runtime runtime,
            Set<String> fenced) {
        for (StandbyStatus s : next.standbys) {
            s.verification = settings == null
                    ? null
                    : runtime.proofs().latest(s.region).orElseGet(() -> recorded(previous, s.region));
        }
        return settings == null ? null : StandbyVerifications.condition(next.standbys, fenced);
    }

    private StandbyVerification prove(P protection, ProtectedSide standby, ApiKey key, VerificationSettings settings) {
        long start = System.nanoTime();
        List<VerificationCheck> checks;
        try {
            checks = verifier.verify(
                    protection,
                    standby,
                    key,
                    settings,
                    start + settings.timeout().toNanos());
        } catch (RuntimeException e) {
            LOG.warn("the proof of {} ended with an unexpected error", standby.region(), e);
            checks = List.of(new VerificationCheck(
                    "proof",
                    false,
                    StandbyVerifier.millisSince(start),
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        Instant end = clock.instant();
        StandbyVerification proof = StandbyVerifications.summarize(checks, end, StandbyVerifier.millisSince(start));
        services.metrics()
                .recordStandbyVerification(
                        protection.getKind(),
                        protection.getMetadata().getNamespace(),
                        protection.getMetadata().getName(),
                        standby.region(),
                        proof.verified,
                        end);
        if (proof.verified) {
            LOG.info("standby {} proven in {}ms: {}", standby.region(), proof.durationMs, proof.message);
        } else {
            LOG.warn("standby {} failed its proof: {}", standby.region(), proof.message);
            services.events()
                    .warning(
                            protection,
                            "StandbyVerificationFailed",
                            standby.region() + " failed its proof: " + proof.message);
        }
        return proof;
    }

    private static boolean everSynced(ProtectionStatus status, String region) {
        return status != null
                && status.standbys != null
                && status.standbys.stream()
                        .anyMatch(s -> Objects.equals(region, s.region) && s.lastSuccessfulSyncTime != null);
    }

    private static StandbyVerification recorded(ProtectionStatus status, String region) {
        if (status == null || status.standbys == null) {
            return null;
        }
        return status.standbys.stream()
                .filter(s -> Objects.equals(region, s.region))
                .findFirst()
                .map(s -> s.verification)
                .orElse(null);
    }
}
