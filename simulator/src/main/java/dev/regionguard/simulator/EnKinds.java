package dev.regionguard.simulator;

import java.util.Map;

/** The EN collections the simulator serves, by their path segment under the instance. */
final class EnKinds {

    static final SourceKind SOURCES = new SourceKind();
    static final TopicKind TOPICS = new TopicKind();
    static final DestinationKind DESTINATIONS = new DestinationKind();
    static final SubscriptionKind SUBSCRIPTIONS = new SubscriptionKind();
    static final TemplateKind TEMPLATES = new TemplateKind();
    static final IntegrationKind INTEGRATIONS = new IntegrationKind();
    static final SmtpConfigKind SMTP_CONFIGS = new SmtpConfigKind();
    static final SmtpUserKind SMTP_USERS = new SmtpUserKind();
    static final TagSubscriptionKind TAG_SUBSCRIPTIONS = new TagSubscriptionKind();

    /** Top-level collections; SMTP configs, users and tag subscriptions are routed on their nested paths. */
    static final Map<String, EntityKind> TOP_LEVEL = Map.of(
            "sources", SOURCES,
            "topics", TOPICS,
            "destinations", DESTINATIONS,
            "subscriptions", SUBSCRIPTIONS,
            "templates", TEMPLATES,
            "integrations", INTEGRATIONS);

    private EnKinds() {}
}
