package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Integrations, keyed by {@code type}. Every instance has a default {@code kms} integration
 * (built in: updated with PUT only); {@code collect_failed_events} (COS) is created. There is no
 * DELETE endpoint, so none is ever deleted.
 *
 * <p>{@code metadata} is copied as it is, although Key Protect/HPCS and COS endpoints are regional:
 * a standby then uses the primary's KMS and bucket. Per-region overrides are a later feature.
 */
final class EnIntegrationType extends EnEntityType {
    private static final Set<String> BUILT_IN_TYPES = Set.of("kms", "hs-crypto");

    EnIntegrationType() {
        super(EnEntityTypes.INTEGRATION, EnKind.INTEGRATION, Set.of(), false);
    }

    @Override
    public String key(ObjectNode entity) {
        return EnJson.text(entity, "type");
    }

    @Override
    public boolean builtIn(ObjectNode entity) {
        return BUILT_IN_TYPES.contains(EnJson.text(entity, "type"));
    }

    @Override
    public boolean deletable(ObjectNode entity) {
        return false;
    }

    @Override
    String describe(ObjectNode entity) {
        return "integration '" + EnJson.text(entity, "type") + "'";
    }
}
