package dev.regionguard.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Code Engine's opaque {@code entity_tag} values: one simulator-wide sequence, so a tag is never
 * handed out twice and every change of any resource gets a value no client has seen before.
 */
final class EntityTags {

    private final AtomicLong last = new AtomicLong(2_000_000_000L);

    String next() {
        return Long.toString(last.incrementAndGet());
    }

    /**
     * 428 without {@code If-Match}, 412 when it names another version; {@code *} matches any.
     * Quotes and a weak prefix around the tag are accepted, as HTTP allows them.
     */
    static void requireMatch(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(
                    428,
                    "precondition_required",
                    "The If-Match header is required: send the entity_tag of the version you change, or *");
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (!tag.equals(current)) {
            throw new ApiException(
                    412,
                    "precondition_failed",
                    "The resource has changed since entity tag '" + tag + "' was read; read it again");
        }
    }
}
