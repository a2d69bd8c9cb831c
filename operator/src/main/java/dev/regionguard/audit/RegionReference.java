package dev.regionguard.audit;

/**
 * One reference to a foreign region in a standby's entity.
 *
 * @param kind   entity type, e.g. {@code integration}
 * @param name   the entity's key, e.g. {@code webhook/ops-hook}
 * @param field  JSON path inside the entity, e.g. {@code metadata.endpoint} or {@code env[2].value}
 * @param region the foreign region the reference points at
 * @param value  the matched host or CRN only (never the whole value, which may carry credentials)
 */
public record RegionReference(String kind, String name, String field, String region, String value) {

    /** "kind/name field -> region (value)", for messages. */
    public String describe() {
        return kind + "/" + name + " " + field + " -> " + region + " (" + value + ")";
    }
}
