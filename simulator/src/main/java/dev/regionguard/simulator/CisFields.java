package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Field checks of the CIS load balancing API. Every refusal is a 400, which CIS (Cloudflare underneath)
 * reports with error code 1002 ("validation failed").
 */
final class CisFields {

    private CisFields() {}

    /** A new object id as CIS has them: 32 lowercase hex characters. */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** CIS timestamps carry microseconds, e.g. {@code 2014-01-01T05:20:00.123456Z}. */
    static String timestamp() {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    static String text(ObjectNode body, String field, String fallback) {
        String value = Json.text(body, field);
        return value == null ? fallback : value;
    }

    static boolean bool(ObjectNode body, String field, boolean fallback) {
        Boolean value = Json.bool(body, field);
        return value == null ? fallback : value;
    }

    /** A whole number within {@code min..max}; {@code fallback} when absent. */
    static long number(ObjectNode body, String field, long fallback, long min, long max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToExactIntegral() || !value.isNumber()) {
            throw ApiException.badRequest("Field '" + field + "' must be an integer");
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw ApiException.badRequest("Field '" + field + "' must be between " + min + " and " + max);
        }
        return number;
    }

    /** A decimal within {@code min..max}; {@code fallback} when absent. */
    static double decimal(ObjectNode body, String field, double fallback, double min, double max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max) {
            throw ApiException.badRequest("Field '" + field + "' must be a number between " + min + " and " + max);
        }
        return value.doubleValue();
    }

    /** One of {@code allowed}, compared without case and stored in lower case. */
    static String oneOf(ObjectNode body, String field, String fallback, String... allowed) {
        String value = Json.text(body, field);
        if (value == null) {
            return fallback;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw ApiException.badRequest(
                "Field '" + field + "' must be one of " + String.join(", ", allowed) + ": '" + value + "'");
    }

    /** A non-empty array of non-blank strings. */
    static ArrayNode requiredStrings(ObjectNode body, String field) {
        ArrayNode array = Json.arrayField(body, field);
        if (array == null || array.isEmpty()) {
            throw ApiException.badRequest("Field '" + field + "' is required and must not be empty");
        }
        return strings(array, field);
    }

    static ArrayNode strings(ArrayNode array, String field) {
        ArrayNode copy = Json.array();
        for (JsonNode item : array) {
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw ApiException.badRequest("Field '" + field + "' must hold non-empty strings");
            }
            copy.add(item.textValue());
        }
        return copy;
    }

    /** HTTP headers as CIS takes them: name to a list of values, e.g. {@code {"Host": ["www.example.com"]}}. */
    static ObjectNode headers(ObjectNode body, String field) {
        ObjectNode headers = Json.objectField(body, field);
        ObjectNode copy = Json.object();
        if (headers == null) {
            return copy;
        }
        headers.properties().forEach(entry -> {
            if (!entry.getValue().isArray()) {
                throw ApiException.badRequest(
                        "Field '" + field + "." + entry.getKey() + "' must be an array of strings");
            }
            copy.set(entry.getKey(), strings((ArrayNode) entry.getValue(), field + "." + entry.getKey()));
        });
        return copy;
    }

    /** The first value of header {@code name} (any case), or null. */
    static String firstHeader(JsonNode headers, String name) {
        if (headers == null || !headers.isObject()) {
            return null;
        }
        for (var entry : headers.properties()) {
            JsonNode values = entry.getValue();
            if (entry.getKey().equalsIgnoreCase(name) && values.isArray() && !values.isEmpty()) {
                return values.get(0).asText();
            }
        }
        return null;
    }
}
