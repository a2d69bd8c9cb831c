package dev.regionguard.controller.protection;

import dev.regionguard.api.VerificationCheck;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.spec.VerificationSettings;
import java.util.List;

/**
 * Proves that one standby works by sending real traffic through it (spec.verification): what a
 * service exercises is its own (EN: IBM's destination test; CE: app health paths and job runs).
 */
public interface StandbyVerifier<P> {

    /**
     * One check per thing exercised, in order. Never throws for what the standby answered: a refusal,
     * an error or no answer is a failed check with IBM's words. A check that could not start before
     * {@code deadlineNanos} ({@link System#nanoTime()}) fails as not run in time.
     */
    List<VerificationCheck> verify(
            P protection, ProtectedSide standby, ApiKey key, VerificationSettings settings, long deadlineNanos);

    /** The check for something the deadline left no time for. */
    static VerificationCheck notRun(String name, VerificationSettings settings) {
        return new VerificationCheck(
                name, false, 0, "not run: the proof took longer than verification.timeout " + settings.timeout());
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
