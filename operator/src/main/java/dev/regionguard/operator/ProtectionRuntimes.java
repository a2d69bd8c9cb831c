package dev.regionguard.operator;

import dev.regionguard.sync.Watermarks;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the operator remembers about each protection between passes, in memory: watermarks per
 * standby, when the last full comparison ran, and consecutive failures for backoff. Lost on
 * restart by design: the first pass after a restart compares in full.
 */
public final class ProtectionRuntimes {
    private final Map<String, Runtime> byUid = new ConcurrentHashMap<>();

    public Runtime get(String uid) {
        return byUid.computeIfAbsent(uid, u -> new Runtime());
    }

    /** Drop what belongs to protections that no longer exist. */
    public void retain(Set<String> uids) {
        byUid.keySet().retainAll(uids);
    }

    public static final class Runtime {
        private final Map<String, Watermarks> watermarks = new ConcurrentHashMap<>();
        private volatile Instant lastFullCompare;
        private volatile int consecutiveFailures;
        private volatile long generation = -1;

        public Watermarks watermarks(String standby) {
            return watermarks.computeIfAbsent(standby, s -> new Watermarks());
        }

        /** A spec change may change every translation: forget what was compared. */
        public void onGeneration(long newGeneration) {
            if (newGeneration != generation) {
                generation = newGeneration;
                lastFullCompare = null;
            }
        }

        public boolean fullCompareDue(Instant now, java.time.Duration interval) {
            return lastFullCompare == null || !now.isBefore(lastFullCompare.plus(interval));
        }

        public void fullCompareDone(Instant now) {
            lastFullCompare = now;
        }

        public int recordFailure() {
            return ++consecutiveFailures;
        }

        public void recordSuccess() {
            consecutiveFailures = 0;
        }
    }
}
