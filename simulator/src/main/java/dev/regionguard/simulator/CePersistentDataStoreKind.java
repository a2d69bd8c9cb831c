package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** {@code /persistent_data_stores}: a COS bucket reached with an HMAC secret; no update. */
final class CePersistentDataStoreKind extends CeKind {

    private static final Set<String> DATA_KEYS = Set.of("bucket_location", "bucket_name", "secret_name");

    CePersistentDataStoreKind() {
        super(
                "persistent_data_stores",
                "persistent data store",
                "persistent_data_store_v2",
                CeNames.LABEL,
                Update.NONE,
                CeSchema.of("persistent data store")
                        .oneOf("storage_type", null, "object_storage")
                        .createOnly("data", CeSchema.Type.STRING_MAP, true));
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        JsonNode data = spec.get("data");
        data.fieldNames().forEachRemaining(key -> {
            if (!DATA_KEYS.contains(key)) {
                throw ApiException.badRequest(
                        "Field 'data' takes " + DATA_KEYS.stream().sorted().toList() + ", not '" + key + "'");
            }
        });
        CeReferences.requiredText(data, "bucket_name", "data");
        CeReferences.secret(
                project, CeReferences.requiredText(data, "secret_name", "data"), "data.secret_name", "hmac_auth");
    }
}
