package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.IbmApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The SMTP users of one instance as one flat collection: every configuration's users, each marked
 * with its configuration's name and whether its password is kept ({@link EnSmtpUserType}). A user
 * created here has its password handed to {@link SmtpPasswords} before anything else; when that
 * fails the user is deleted again, since nobody could ever learn its password.
 */
final class EnSmtpUserStore implements EnNestedStore {
    private final EventNotificationsClient client;
    private final SmtpPasswords passwords;
    /** The instance's list of a kind, reused from earlier in the pass where it still holds. */
    private final Function<EnKind, List<ObjectNode>> lists;

    EnSmtpUserStore(
            EventNotificationsClient client, SmtpPasswords passwords, Function<EnKind, List<ObjectNode>> lists) {
        this.client = client;
        this.passwords = passwords;
        this.lists = lists;
    }

    /** Every user; a kept password whose user is no longer listed (deleted by hand) is forgotten. */
    @Override
    public List<ObjectNode> list() {
        Set<String> stored = passwords.storedUserIds();
        List<ObjectNode> users = new ArrayList<>();
        for (ObjectNode config : lists.apply(EnKind.SMTP_CONFIG)) {
            for (ObjectNode user : client.listSmtpUsers(EnJson.text(config, "id"))) {
                users.add(marked(user, EnJson.text(config, "name"), stored));
            }
        }
        Set<String> listed = new HashSet<>();
        users.forEach(u -> listed.add(EnJson.text(u, "id")));
        stored.stream().filter(id -> !listed.contains(id)).forEach(passwords::forget);
        return users;
    }

    /** {@code id} is {@code <smtp_config_id>/<user id>}; null when either is gone. */
    @Override
    public ObjectNode find(String id) {
        String[] parts = split(id);
        return IbmApiException.nullIfNotFound(() -> {
            ObjectNode config = client.get(EnKind.SMTP_CONFIG, parts[0]);
            ObjectNode user = client.getSmtpUser(parts[0], parts[1]);
            return marked(user, EnJson.text(config, "name"), passwords.storedUserIds());
        });
    }

    @Override
    public ObjectNode create(ObjectNode body) {
        String configId = EnJson.text(body, "smtp_config_id");
        ObjectNode created = client.createSmtpUser(configId, descriptionOf(body));
        try {
            passwords.store(created);
        } catch (RuntimeException e) {
            client.deleteSmtpUser(configId, EnJson.text(created, "id"));
            throw e;
        }
        created.remove("password");
        created.put(EnSmtpUserType.PASSWORD_STORED, true);
        return created;
    }

    @Override
    public ObjectNode update(ObjectNode current, ObjectNode body) {
        return client.updateSmtpUser(
                EnJson.text(current, "smtp_config_id"), EnJson.text(current, "id"), descriptionOf(body));
    }

    @Override
    public void delete(ObjectNode current) {
        String userId = EnJson.text(current, "id");
        client.deleteSmtpUser(EnJson.text(current, "smtp_config_id"), userId);
        passwords.forget(userId);
    }

    /** IBM's create and update take a description only. */
    private static ObjectNode descriptionOf(ObjectNode body) {
        ObjectNode sent = body.objectNode();
        String description = EnJson.text(body, "description");
        if (description != null) {
            sent.put("description", description);
        }
        return sent;
    }

    private static ObjectNode marked(ObjectNode user, String configName, Set<String> stored) {
        user.put(EnSmtpUserType.CONFIG_NAME, configName);
        user.put(EnSmtpUserType.PASSWORD_STORED, stored.contains(EnJson.text(user, "id")));
        return user;
    }

    private static String[] split(String id) {
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1) {
            throw new IllegalArgumentException("not an SMTP user id <smtp_config_id>/<id>: " + id);
        }
        return new String[] {id.substring(0, slash), id.substring(slash + 1)};
    }
}
