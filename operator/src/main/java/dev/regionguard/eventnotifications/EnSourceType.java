package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Translation;
import java.util.Set;

/**
 * Sources, keyed by name. Only API sources can be created; IBM Cloud service, platform and timer
 * sources are built in (any {@code type} but {@code api}): matched by name, and only {@code enabled}
 * is copied. List items carry every field the sync needs. A service source exists only where that
 * service connected itself to the instance: one the standby lacks is {@code ServiceSourceMissing}.
 */
final class EnSourceType extends EnEntityType {
    static final String SERVICE_SOURCE_MISSING = "ServiceSourceMissing";
    /** Built into every instance, unlike the sources other IBM services register. */
    private static final Set<String> EN_OWN_TYPES = Set.of("periodic-timer", "resource-lifecycle-events");

    EnSourceType() {
        super(EnEntityTypes.SOURCE, EnKind.SOURCE, Set.of(), true);
    }

    @Override
    public boolean builtIn(ObjectNode entity) {
        String type = EnJson.text(entity, "type");
        return type != null && !type.equalsIgnoreCase("api");
    }

    @Override
    public Translation.Skip builtInMissing(ObjectNode sourceItem) {
        String type = EnJson.text(sourceItem, "type");
        if (EN_OWN_TYPES.contains(type)) {
            return super.builtInMissing(sourceItem);
        }
        return new Translation.Skip(
                SERVICE_SOURCE_MISSING,
                "source '" + EnJson.text(sourceItem, "name") + "' (" + type + ") is registered by another IBM"
                        + " service on the primary only: connect that service to this standby instance too");
    }

    /**
     * A service source's id is the CRN of the IBM service instance that registered it (IBM's topic
     * examples use it): a CRN naming another service than Event Notifications.
     */
    static boolean serviceSourceId(String id) {
        String[] segments = id.split(":", -1);
        return segments.length > 5 && segments[0].equals("crn") && !segments[4].equals("event-notifications");
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
