package dev.regionguard.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** API group facts shared by the RegionGuard resources. */
public final class Protections {
    public static final String GROUP = "regionguard.dev";
    public static final String VERSION = "v1alpha1";
    /** Owner-set annotation: the primary entity count the owner confirms after a large shrink. */
    public static final String CONFIRM_PRIMARY_COUNT = "regionguard.dev/confirm-primary-count";

    /** Owner-set annotation: "true" stops every action on the protection (sync, probes, failover). */
    public static final String PAUSED = "regionguard.dev/paused";

    /** Every custom resource RegionGuard defines, in the order their CRDs are applied. */
    public static final List<Class<? extends HasMetadata>> RESOURCES = List.of(
            EventNotificationsProtection.class,
            CodeEngineProtection.class,
            RegionFailover.class,
            RegionObservation.class);

    // The columns kubectl get shows for both protection kinds.
    static final String READY_COLUMN = ".status.conditions[?(@.type==\"Ready\")].status";
    static final String ACTIVE_COLUMN = ".status.activeRegion";
    static final String EPOCH_COLUMN = ".status.epoch";
    /** The region the manifest started from; after a failover Active says where it runs (kubectl get -o wide). */
    static final String PRIMARY_COLUMN = ".spec.primary.region";

    static final String IN_SYNC_COLUMN = ".status.standbysInSync";
    static final String LAST_SYNC_COLUMN = ".status.lastSyncTime";
    static final String AGE_COLUMN = ".metadata.creationTimestamp";

    private Protections() {}
}
