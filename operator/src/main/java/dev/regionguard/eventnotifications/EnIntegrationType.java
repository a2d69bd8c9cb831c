package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Overrides;
import java.util.Map;
import java.util.Set;

/**
 * Integrations. Every instance has one key-management integration, built in and updated with PUT
 * only, whose {@code type} is {@code kms} (Key Protect) or {@code hs-crypto} (Hyper Protect Crypto
 * Services): IBM switches the one integration between the two, so both are keyed {@code kms} and
 * a primary on {@code hs-crypto} updates the standby's default {@code kms}. {@code
 * collect_failed_events} (COS) is created. There is no DELETE endpoint, so none is ever deleted.
 *
 * <p>{@code metadata} ({@code endpoint}, {@code crn}, {@code root_key_id}, {@code bucket_name}) is
 * regional: the standby's overrides ({@link EnOverrides}) replace it field by field. Without an
 * override the primary's metadata is copied: Key Protect, HPCS and COS answer from other regions
 * while the primary's is up, so the copy works until then, and the audit reports the reference.
 */
final class EnIntegrationType extends EnEntityType {
    static final String KEY_MANAGEMENT = "kms";
    private static final Set<String> BUILT_IN_TYPES = Set.of(KEY_MANAGEMENT, "hs-crypto");

    EnIntegrationType() {
        super(EnEntityTypes.INTEGRATION, EnKind.INTEGRATION, Set.of(), false);
    }

    @Override
    public String key(ObjectNode entity) {
        String type = EnJson.text(entity, "type");
        return BUILT_IN_TYPES.contains(type) ? KEY_MANAGEMENT : type;
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
    void localize(ObjectNode body, Overrides overrides) {
        Map<String, String> metadata = overrides.table(EnOverrides.integrationTable(EnJson.text(body, "type")));
        if (!metadata.isEmpty()) {
            ObjectNode current = body.get("metadata") instanceof ObjectNode m ? m : body.putObject("metadata");
            metadata.forEach(current::put);
        }
    }

    @Override
    String describe(ObjectNode entity) {
        return "integration '" + EnJson.text(entity, "type") + "'";
    }
}
