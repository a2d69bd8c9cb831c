package dev.regionguard.controller.protection;

import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.MaterialSource;
import dev.regionguard.sync.Overrides;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a service (Event Notifications, Code Engine) tells the generic protection machinery: how it
 * stores entities, names standbys, fails over, and which extra objects its spec references.
 */
public interface ProtectedService<P, S extends ProtectionStatus> {

    ProtectionKind kind();

    /** The regional base URL published as the active endpoint. */
    String endpoint(Endpoints endpoints, String region);

    /** Every entity type of the service, in restore order (the spec may select some). */
    List<EntityType> entityTypes(P protection);

    EntityStore store(P protection, ProtectedSide side, ApiKey key);

    /** Status as it names a standby: instance ID for EN, project ID for CE. */
    StandbyRef standbyRef(ProtectedSide side);

    S newStatus();

    P newResource();

    /** Secrets the spec names besides the API keys (e.g. material): a change to one triggers a pass. */
    default Set<String> materialSecretNames(P protection) {
        return Set.of();
    }

    default Set<String> configMapNames(P protection) {
        return Set.of();
    }

    default MaterialSource material(P protection) {
        return MaterialSource.NONE;
    }

    /** What regional references become when syncing to {@code region}: its standby's declared overrides. */
    default Overrides overrides(P protection, String region) {
        return new Overrides(region, java.util.Map.of());
    }

    /**
     * After a sync pass: what the service reads for its own part of the status (e.g. from the active
     * side), returned as the change the status builder applies.
     */
    default Consumer<S> statusExtras(P protection, S previous, Sides sides) {
        return next -> {};
    }

    /**
     * After a pass that did not sync (blocked): the service's part as {@code previous} has it, so a
     * failover still finds what the last pass recorded. Conditions it adds unstamped are stamped.
     */
    default Consumer<S> keptExtras(S previous) {
        return next -> {};
    }

    /**
     * On every reconcile whose sides are known (a sync pass or not): what the service reads each pass
     * (Code Engine: the CIS load balancer), read once and used twice: its part of the status, applied
     * after the parts above (conditions it adds unstamped are stamped), and the views of region health
     * it counts as vantage points when the quorum names them (Code Engine: {@code cis}).
     */
    default PassReads<S> passReads(P protection, S previous, Sides sides, Instant now) {
        return PassReads.none();
    }
}
