package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** What IBM puts into every new instance: two destinations, two sources, the default KMS integration. */
final class BuiltIns {

    static final String PLATFORM_SOURCE_TYPE = "resource-lifecycle-events";
    static final String EMAIL_DESTINATION = "IBM Cloud Email Service";
    static final String SMS_DESTINATION = "IBM Cloud SMS Service";

    private BuiltIns() {}

    static void install(EnInstance instance) {
        destination(instance, EMAIL_DESTINATION, "smtp_ibm", "Email sent by IBM Cloud Event Notifications");
        destination(instance, SMS_DESTINATION, "sms_ibm", "SMS sent by IBM Cloud Event Notifications");
        source(
                instance,
                "Resource Lifecycle Events",
                PLATFORM_SOURCE_TYPE,
                "Events of IBM Cloud resources being created, updated and deleted in this account");
        source(instance, "Periodic Timer", TopicKind.PERIODIC_TIMER, "Events on a cron schedule");
        ObjectNode kms = EntityKind.newEntity(instance, EnInstance.newId());
        kms.put("type", IntegrationKind.KMS);
        kms.putObject("metadata");
        instance.integrations.put(kms);
    }

    private static void destination(EnInstance instance, String name, String type, String description) {
        ObjectNode stored = EntityKind.newEntity(instance, EnInstance.newId());
        stored.put("name", name);
        stored.put("description", description);
        stored.put("type", type);
        stored.put("collect_failed_events", false);
        stored.putObject("config").putObject("params");
        instance.destinations.put(stored);
    }

    /**
     * A source of IBM's making (built in, or registered by another IBM service): CRN-like ids that
     * differ per instance, as IBM's do; no '/' so they fit in a path segment. Returns the id.
     */
    static String source(EnInstance instance, String name, String type, String description) {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String id = "crn:v1:bluemix:public:event-notifications:" + instance.region() + ":" + unique + ":" + type;
        return source(instance, id, name, type, description);
    }

    static String source(EnInstance instance, String id, String name, String type, String description) {
        ObjectNode stored = EntityKind.newEntity(instance, id);
        stored.put("name", name);
        stored.put("description", description);
        stored.put("enabled", false);
        stored.put("store_notifications", false);
        stored.put("type", type);
        instance.sources.put(stored);
        return id;
    }
}
