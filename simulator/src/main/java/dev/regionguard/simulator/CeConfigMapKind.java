package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/** {@code /config_maps}: string data, replaced as a whole by PUT. */
final class CeConfigMapKind extends CeKind {

    /** Kubernetes' rule for config map and secret data keys. */
    static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

    CeConfigMapKind() {
        super(
                "config_maps",
                "config map",
                "config_map_v2",
                CeNames.SUBDOMAIN,
                Update.PUT,
                CeSchema.of("config map").optional("data", CeSchema.Type.STRING_MAP));
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        checkDataKeys(spec);
    }

    static void checkDataKeys(ObjectNode spec) {
        spec.path("data").fieldNames().forEachRemaining(key -> {
            if (!DATA_KEY.matcher(key).matches()) {
                throw ApiException.badRequest(
                        "The data key '" + key + "' is not valid: use letters, digits, '-', '_' and '.'");
            }
        });
    }
}
