package dev.regionguard.simulator;

import java.util.List;
import java.util.Set;

/**
 * A parsed EN path {@code /v1/instances/{instance_id}/...}. {@code kind} is null for paths under the
 * instance that the simulator does not serve.
 */
record EnRoute(String instanceId, EntityKind kind, String parentId, String entityId, String action) {

    /**
     * Actions on one entity: PATCH {@code destinations/{id}/verify|upgrade}, {@code smtp/config/{id}/verify};
     * POST {@code destinations/{id}/test}.
     */
    private static final Set<String> DESTINATION_ACTIONS = Set.of("verify", "upgrade", DestinationTests.ACTION);
    /** {@code destinations/{id}/tag_subscriptions}: a collection nested under a destination. */
    private static final String TAG_SUBSCRIPTIONS = "tag_subscriptions";

    EnRoute(String instanceId, EntityKind kind, String parentId, String entityId) {
        this(instanceId, kind, parentId, entityId, null);
    }

    /** {@code rest} is the path after {@code /{region}/event-notifications}; null when not an instance path. */
    static EnRoute parse(List<String> rest) {
        if (rest.size() < 3 || !rest.get(0).equals("v1") || !rest.get(1).equals("instances")) {
            return null;
        }
        String instanceId = rest.get(2);
        List<String> sub = rest.subList(3, rest.size());
        if (sub.size() >= 2 && sub.get(0).equals("smtp") && sub.get(1).equals("config")) {
            return smtp(instanceId, sub.subList(2, sub.size()));
        }
        if (sub.size() == 3 && sub.get(0).equals("destinations") && sub.get(2).equals(TAG_SUBSCRIPTIONS)) {
            return new EnRoute(instanceId, EnKinds.TAG_SUBSCRIPTIONS, sub.get(1), null);
        }
        if (sub.size() == 3 && sub.get(0).equals("destinations") && DESTINATION_ACTIONS.contains(sub.get(2))) {
            return new EnRoute(instanceId, EnKinds.DESTINATIONS, null, sub.get(1), sub.get(2));
        }
        if (sub.isEmpty() || sub.size() > 2 || !EnKinds.TOP_LEVEL.containsKey(sub.get(0))) {
            return new EnRoute(instanceId, null, null, null);
        }
        return new EnRoute(instanceId, EnKinds.TOP_LEVEL.get(sub.get(0)), null, sub.size() == 2 ? sub.get(1) : null);
    }

    private static EnRoute smtp(String instanceId, List<String> rest) {
        return switch (rest.size()) {
            case 0 -> new EnRoute(instanceId, EnKinds.SMTP_CONFIGS, null, null);
            case 1 -> new EnRoute(instanceId, EnKinds.SMTP_CONFIGS, null, rest.get(0));
            case 2 ->
                switch (rest.get(1)) {
                    case "users" -> new EnRoute(instanceId, EnKinds.SMTP_USERS, rest.get(0), null);
                    case "verify" -> new EnRoute(instanceId, EnKinds.SMTP_CONFIGS, null, rest.get(0), "verify");
                    default -> unknown(instanceId);
                };
            case 3 ->
                rest.get(1).equals("users")
                        ? new EnRoute(instanceId, EnKinds.SMTP_USERS, rest.get(0), rest.get(2))
                        : unknown(instanceId);
            default -> unknown(instanceId);
        };
    }

    private static EnRoute unknown(String instanceId) {
        return new EnRoute(instanceId, null, null, null);
    }

    boolean known() {
        return kind != null;
    }

    boolean collection() {
        return known() && entityId == null;
    }

    boolean isAction() {
        return action != null;
    }

    boolean entity() {
        return known() && entityId != null;
    }
}
