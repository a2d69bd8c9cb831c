package dev.regionguard.eventnotifications;

import dev.regionguard.sync.EntityType;
import java.util.List;

/**
 * The Event Notifications entity types in restore order: what each is keyed by,
 * which fields the server owns, which ids are remapped and where write-only material goes.
 */
public final class EnEntityTypes {
    public static final String INTEGRATION = "integration";
    public static final String SOURCE = "source";
    public static final String SMTP_CONFIG = "smtp_config";
    public static final String SMTP_USER = "smtp_user";
    public static final String DESTINATION = "destination";
    public static final String TEMPLATE = "template";
    public static final String TOPIC = "topic";
    public static final String SUBSCRIPTION = "subscription";
    public static final String TAG_SUBSCRIPTION = "tag_subscription";

    private static final List<EnEntityType> ALL = List.of(
            new EnIntegrationType(),
            new EnSourceType(),
            new EnSmtpConfigType(),
            new EnSmtpUserType(),
            new EnDestinationType(),
            new EnTemplateType(),
            new EnTopicType(),
            new EnSubscriptionType(),
            new EnTagSubscriptionType());

    private EnEntityTypes() {}

    /** Every type, in restore order. */
    public static List<EntityType> all() {
        return List.copyOf(ALL);
    }

    /** The API collection behind a type of this package. */
    static EnKind kind(EntityType type) {
        return byName(type.name()).kind();
    }

    private static EnEntityType byName(String name) {
        return ALL.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an Event Notifications entity type: " + name));
    }
}
