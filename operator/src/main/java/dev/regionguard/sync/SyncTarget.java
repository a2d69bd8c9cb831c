package dev.regionguard.sync;

/**
 * A standby to bring in line with the source; its watermarks live as long as the operator does.
 * {@code overrides} say what regional references become in the standby's region.
 */
public record SyncTarget(String name, EntityStore store, Watermarks watermarks, Overrides overrides) {

    public SyncTarget {
        overrides = overrides == null ? Overrides.NONE : overrides;
    }
}
