package dev.regionguard.controller.protection;

import dev.regionguard.api.RegionStatus;
import dev.regionguard.audit.ReferenceMemory;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.spec.ProtectionSettings;
import dev.regionguard.sync.Watermarks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the operator remembers about each protection between passes, in memory: the parsed spec,
 * watermarks per standby, when the last full comparison ran, live region health, when the next
 * probe and pass are due, and consecutive failures for backoff. The watermarks and the time of the
 * last full comparison are also kept in Kubernetes ({@link SyncMemoryRecords}) and read back once by
 * a new runtime; the rest is lost on restart by design.
 */
public final class ProtectionRuntimes {
    private final Map<String, Runtime> byUid = new ConcurrentHashMap<>();

    public Runtime get(HasMetadata protection) {
        return byUid.computeIfAbsent(
                protection.getMetadata().getUid(),
                u -> new Runtime(
                        protection.getKind(),
                        protection.getMetadata().getNamespace(),
                        protection.getMetadata().getName()));
    }

    /** Drop what belongs to protections that no longer exist, telling {@code onDropped} about each. */
    public void retain(Set<String> uids, Consumer<Runtime> onDropped) {
        byUid.entrySet().removeIf(e -> {
            boolean gone = !uids.contains(e.getKey());
            if (gone) {
                onDropped.accept(e.getValue());
            }
            return gone;
        });
    }

    public static final class Runtime {
        private final String kind;
        private final String namespace;
        private final String name;
        private final Map<String, Watermarks> watermarks = new ConcurrentHashMap<>();
        private final Map<String, String> overridesDigests = new ConcurrentHashMap<>();
        private final ReferenceMemory regionReferences = new ReferenceMemory();
        private final StandbyProofMemory proofs = new StandbyProofMemory();
        private volatile Instant lastFullCompare;
        private volatile int consecutiveFailures;
        private volatile long generation = -1;
        private final Map<String, RegionHealth> health = new ConcurrentHashMap<>();
        private volatile boolean healthRestored;
        private volatile boolean memoryRestored;
        private volatile Instant nextProbe;
        private volatile Instant nextSync;
        private volatile String syncFingerprint;
        private volatile String lastHold;
        private volatile Parsed parsed; // its own generation: the failover port may ask with an older object
        /** The periodic pass and a Relocate's final sync never write the same targets at once. */
        private final ReentrantLock syncLock = new ReentrantLock();

        Runtime(String kind, String namespace, String name) {
            this.kind = kind;
            this.namespace = namespace;
            this.name = name;
        }

        StandbyProofMemory proofs() {
            return proofs;
        }

        public String kind() {
            return kind;
        }

        public String namespace() {
            return namespace;
        }

        public String name() {
            return name;
        }

        /** What the region independence audit found on each standby, per entity. */
        ReferenceMemory regionReferences() {
            return regionReferences;
        }

        /** Runs one sync of this protection, after any other one (pass or final sync) has finished. */
        public <T> T exclusively(Supplier<T> sync) {
            syncLock.lock();
            try {
                return sync.get();
            } finally {
                syncLock.unlock();
            }
        }

        public Watermarks watermarks(String direction) {
            return watermarks.computeIfAbsent(direction, s -> new Watermarks());
        }

        /**
         * The watermarks of a direction under the regional overrides with this digest: a changed
         * override changes what is wanted without changing either side, so they start empty and the
         * next pass compares everything again.
         */
        public Watermarks watermarks(String direction, String overridesDigest) {
            String before = overridesDigests.put(direction, overridesDigest);
            if (before != null && !before.equals(overridesDigest)) {
                watermarks.put(direction, new Watermarks());
            }
            return watermarks(direction);
        }

        /** The overrides digest the direction's watermarks hold for, or null before its first pass. */
        String overridesDigest(String direction) {
            return overridesDigests.get(direction);
        }

        /** True the first time only: a new runtime reads the sync memory Kubernetes kept. */
        boolean restoreDue() {
            boolean due = !memoryRestored;
            memoryRestored = true;
            return due;
        }

        void restore(String direction, Watermarks restored, String overridesDigest) {
            watermarks.put(direction, restored);
            overridesDigests.put(direction, overridesDigest);
        }

        Instant lastFullCompare() {
            return lastFullCompare;
        }

        /** The spec parsed once per generation. */
        public ProtectionSettings settings(long generation, Supplier<ProtectionSettings> parse) {
            Parsed p = parsed;
            if (p == null || p.generation() != generation) {
                p = new Parsed(generation, parse.get());
                parsed = p;
            }
            return p.settings();
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

        /** Live health per region; restored once from status.regions after a restart. */
        public Map<String, RegionHealth> health(List<RegionStatus> stored, Instant now) {
            if (!healthRestored) {
                healthRestored = true;
                if (stored != null) {
                    stored.forEach(r -> health.putIfAbsent(r.region, RegionHealth.restore(r, now)));
                }
            }
            return health;
        }

        /** Probes are due once per interval, whatever else triggers a reconcile (slack: timer jitter). */
        public boolean probeDue(Instant now) {
            return nextProbe == null || !now.isBefore(nextProbe.minusMillis(100));
        }

        public void probed(Instant now, java.time.Duration interval) {
            nextProbe = now.plus(interval);
        }

        public Instant nextProbe() {
            return nextProbe;
        }

        /** A pass is due when its time came or what it reads (spec, Secrets, ConfigMaps, topology) changed. */
        public boolean syncDue(Instant now, String fingerprint) {
            return nextSync == null || !now.isBefore(nextSync) || !fingerprint.equals(syncFingerprint);
        }

        public void synced(Instant next, String fingerprint) {
            nextSync = next;
            syncFingerprint = fingerprint;
        }

        public Instant nextSync() {
            return nextSync;
        }

        /** True when the reason differs from the last one logged. */
        public boolean holdChanged(String reason) {
            boolean changed = !java.util.Objects.equals(reason, lastHold);
            lastHold = reason;
            return changed;
        }

        public int recordFailure() {
            return ++consecutiveFailures;
        }

        public void recordSuccess() {
            consecutiveFailures = 0;
        }
    }

    private record Parsed(long generation, ProtectionSettings settings) {}
}
