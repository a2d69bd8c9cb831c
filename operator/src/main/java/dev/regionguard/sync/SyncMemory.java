package dev.regionguard.sync;

/**
 * Where the watermarks of a protection's targets outlive the operator (a port: the controller keeps
 * them in Kubernetes). Holds only what {@link DurableWatermarks} encodes: markers, ids and keyed
 * digests, never material.
 */
public interface SyncMemory {
    /** What was last saved for this target (e.g. {@code us-south>us-east}), or null when nothing was. */
    byte[] load(String target);

    /** Replaces what is saved for this target. */
    void save(String target, byte[] encoded);
}
