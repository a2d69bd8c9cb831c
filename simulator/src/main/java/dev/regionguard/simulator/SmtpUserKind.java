package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code /smtp/config/{id}/users}: the password appears only in the create answer, and not even there
 * for a user cloned from another ({@code SMTPUserResponse} of IBM's SDKs: "Cloned SMTP user response
 * do not include a password"). A user has no name: {@code description} is the only field its owner
 * sets (create and update), username and password are generated.
 */
final class SmtpUserKind extends EntityKind {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Internal: set on a cloned user, whose create answer has no password. */
    private static final String CLONED = "_cloned";

    SmtpUserKind() {
        super("users", "PATCH");
    }

    @Override
    EntityTable table(EnInstance instance) {
        return instance.smtpUsers;
    }

    @Override
    List<ObjectNode> items(EnInstance instance, String parentId) {
        instance.smtpConfigs.require(parentId);
        return instance.smtpUsers.all().stream()
                .filter(user -> parentId.equals(user.get("smtp_config_id").textValue()))
                .toList();
    }

    @Override
    ObjectNode find(EnInstance instance, String parentId, String id) {
        instance.smtpConfigs.require(parentId);
        ObjectNode user = instance.smtpUsers.require(id);
        if (!parentId.equals(user.get("smtp_config_id").textValue())) {
            throw ApiException.notFound("The SMTP user with id '" + id + "' does not exist");
        }
        return user;
    }

    @Override
    boolean matchesSearch(ObjectNode stored, String search) {
        String needle = search.toLowerCase(Locale.ROOT);
        return stored.path("username").asText().toLowerCase(Locale.ROOT).contains(needle)
                || stored.path("description").asText().toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * {@code ?username_to_clone=} gives the new user the username and password of an existing user of
     * this instance (the exact IBM semantics are unverified).
     */
    @Override
    ObjectNode create(EnInstance instance, String parentId, RequestBody request) {
        ObjectNode config = instance.smtpConfigs.require(parentId);
        String clone = request.query().get("username_to_clone");
        String username = randomHex(16);
        String password = randomHex(24);
        if (clone != null) {
            ObjectNode original = instance.smtpUsers.all().stream()
                    .filter(user -> clone.equals(user.get("username").textValue()))
                    .findFirst()
                    .orElseThrow(() -> ApiException.badRequest("No SMTP user with the username '" + clone + "'"));
            username = original.get("username").textValue();
            password = original.get("password").textValue();
        }
        ObjectNode stored = newEntity(instance, EnInstance.newId());
        stored.put("smtp_config_id", parentId);
        stored.put("description", description(request.fields()));
        stored.set("domain", config.get("domain"));
        stored.put("username", username);
        stored.put("password", password);
        if (clone != null) {
            stored.put(CLONED, true);
        }
        instance.smtpUsers.put(stored);
        return stored;
    }

    @Override
    ObjectNode createResponse(EnInstance instance, ObjectNode stored) {
        ObjectNode answer = Json.pick(
                stored, "id", "smtp_config_id", "description", "domain", "username", "password", "created_at");
        if (stored.path(CLONED).asBoolean()) {
            answer.remove("password");
        }
        return answer;
    }

    @Override
    ObjectNode view(EnInstance instance, ObjectNode stored) {
        return Json.pick(
                stored, "id", "smtp_config_id", "description", "domain", "username", "created_at", "updated_at");
    }

    @Override
    ObjectNode snapshot(EnInstance instance, ObjectNode stored) {
        ObjectNode snapshot = view(instance, stored);
        snapshot.set("password", stored.get("password"));
        return snapshot;
    }

    @Override
    void update(EnInstance instance, ObjectNode stored, RequestBody request) {
        if (request.fields().has("description")) {
            stored.put("description", description(request.fields()));
        }
        touch(instance, stored);
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
