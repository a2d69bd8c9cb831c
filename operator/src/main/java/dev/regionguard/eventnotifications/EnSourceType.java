package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Sources, keyed by name. Only API sources can be created; IBM Cloud service, platform and timer
 * sources are built in (any {@code type} but {@code api}): matched by name, and only {@code enabled}
 * is copied. List items carry every field the sync needs.
 */
final class EnSourceType extends EnEntityType {

    EnSourceType() {
        super(EnEntityTypes.SOURCE, EnKind.SOURCE, Set.of(), true);
    }

    @Override
    public boolean builtIn(ObjectNode entity) {
        String type = EnJson.text(entity, "type");
        return type != null && !type.equalsIgnoreCase("api");
    }

    @Override
    Set<String> droppedFields() {
        return Set.of("type");
    }

    @Override
    Set<String> builtInFields() {
        return Set.of("enabled");
    }
}
