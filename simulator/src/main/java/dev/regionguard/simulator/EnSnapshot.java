package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The whole state of an instance, write-only values included, for test assertions. */
final class EnSnapshot {

    private EnSnapshot() {}

    /**
     * {@code {region, instance_id, sources, topics, destinations, subscriptions, templates, integrations,
     * smtp_configurations, tag_subscriptions}}: each item is its GET view plus {@code created_at}; destinations
     * carry the full {@code config.params} and {@code files} (Base64), templates {@code params}, SMTP
     * configurations their {@code users} with {@code password}, tag subscriptions their {@code destination_id}.
     */
    static ObjectNode of(EnInstance instance) {
        return instance.locked(() -> {
            ObjectNode snapshot = Json.object();
            snapshot.put("region", instance.region());
            snapshot.put("instance_id", instance.id());
            add(snapshot, "sources", EnKinds.SOURCES, instance);
            add(snapshot, "topics", EnKinds.TOPICS, instance);
            add(snapshot, "destinations", EnKinds.DESTINATIONS, instance);
            add(snapshot, "subscriptions", EnKinds.SUBSCRIPTIONS, instance);
            add(snapshot, "templates", EnKinds.TEMPLATES, instance);
            add(snapshot, "integrations", EnKinds.INTEGRATIONS, instance);
            add(snapshot, "smtp_configurations", EnKinds.SMTP_CONFIGS, instance);
            add(snapshot, "tag_subscriptions", EnKinds.TAG_SUBSCRIPTIONS, instance);
            return snapshot;
        });
    }

    private static void add(ObjectNode snapshot, String key, EntityKind kind, EnInstance instance) {
        ArrayNode items = snapshot.putArray(key);
        kind.items(instance, null).forEach(stored -> items.add(kind.snapshot(instance, stored)));
    }
}
