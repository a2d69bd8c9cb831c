package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Origin pools: what a create or a full replace (PUT) stores. IBM's CLI docs require {@code name},
 * {@code origins} and {@code check_regions}; the rest defaults as in Cloudflare. {@code healthy} is
 * never stored: {@link CisHealth} computes it on every read.
 */
final class CisPools {

    private CisPools() {}

    /**
     * The stored fields of a pool written with {@code body}; {@code previous} (null on create) keeps
     * the {@code disabled_at} of origins that stay disabled.
     */
    static ObjectNode spec(ObjectNode body, ObjectNode previous, Predicate<String> monitorExists) {
        String name = Json.requiredText(body, "name");
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw ApiException.badRequest(
                    "Field 'name' may hold only letters, digits, hyphens and underscores: '" + name + "'");
        }
        ArrayNode origins = Json.arrayField(body, "origins");
        if (origins == null || origins.isEmpty()) {
            throw ApiException.badRequest("Field 'origins' is required and must hold at least one origin");
        }
        ArrayNode checkRegions = CisFields.requiredStrings(body, "check_regions");
        String monitor = Json.text(body, "monitor");
        if (monitor != null && !monitor.isEmpty() && !monitorExists.test(monitor)) {
            throw ApiException.badRequest("Field 'monitor': no monitor with id '" + monitor + "'");
        }
        ObjectNode spec = Json.object();
        spec.put("description", CisFields.text(body, "description", ""));
        spec.put("name", name);
        spec.put("enabled", CisFields.bool(body, "enabled", true));
        spec.put("minimum_origins", CisFields.number(body, "minimum_origins", 1, 1, 1000));
        if (monitor != null && !monitor.isEmpty()) {
            spec.put("monitor", monitor);
        }
        spec.set("check_regions", checkRegions);
        spec.set("origins", origins(origins, previous));
        spec.put("notification_email", CisFields.text(body, "notification_email", ""));
        return spec;
    }

    private static ArrayNode origins(ArrayNode origins, ObjectNode previous) {
        ArrayNode stored = Json.array();
        Set<String> names = new HashSet<>();
        for (JsonNode item : origins) {
            if (!item.isObject()) {
                throw ApiException.badRequest("Field 'origins' must hold objects");
            }
            ObjectNode origin = (ObjectNode) item;
            String name = Json.requiredText(origin, "name");
            if (!names.add(name)) {
                throw ApiException.badRequest("Origin names must be unique within a pool: '" + name + "'");
            }
            ObjectNode copy = stored.addObject();
            copy.put("name", name);
            copy.put("address", Json.requiredText(origin, "address"));
            boolean enabled = CisFields.bool(origin, "enabled", true);
            copy.put("enabled", enabled);
            copy.put("weight", CisFields.decimal(origin, "weight", 1, 0, 1));
            ObjectNode header = CisFields.headers(origin, "header");
            if (!header.isEmpty()) {
                copy.set("header", header);
            }
            if (!enabled) {
                copy.put("disabled_at", disabledSince(previous, name));
            }
        }
        return stored;
    }

    /** When the origin was disabled: kept from the previous version if it was disabled there. */
    private static String disabledSince(ObjectNode previous, String originName) {
        if (previous != null) {
            for (JsonNode origin : previous.path("origins")) {
                if (origin.path("name").asText().equals(originName) && origin.has("disabled_at")) {
                    return origin.get("disabled_at").asText();
                }
            }
        }
        return CisFields.timestamp();
    }
}
