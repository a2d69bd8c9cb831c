package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The instance counts of an app, as the primary had them: what a failover restores on a cold
 * standby. Missing fields take Code Engine's defaults (min 0, max 10, initial 1). A max of 0
 * means "no upper limit", not "stopped".
 */
public record CeScaling(int minInstances, int maxInstances, int initialInstances) {
    public static final String MIN = "scale_min_instances";
    public static final String MAX = "scale_max_instances";
    public static final String INITIAL = "scale_initial_instances";

    public static CeScaling of(ObjectNode app) {
        return new CeScaling(intField(app, MIN, 0), intField(app, MAX, 10), intField(app, INITIAL, 1));
    }

    /** The merge patch that sets these counts on an app. */
    public ObjectNode toMergePatch() {
        return CeJson.NODES
                .objectNode()
                .put(MIN, minInstances)
                .put(MAX, maxInstances)
                .put(INITIAL, initialInstances);
    }

    private static int intField(ObjectNode app, String field, int fallback) {
        JsonNode value = app.get(field);
        return value != null && value.canConvertToInt() ? value.intValue() : fallback;
    }
}
