package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.util.List;
import java.util.Set;

/**
 * SMTP users, nested under an SMTP configuration. IBM gives a user no name: its username and
 * password are generated per instance, and only {@code description} is the owner's. So a user is
 * keyed by its configuration's name and its description ({@code mail/billing-app}); its id is
 * {@code <smtp_config_id>/<id>}, because every call on a user needs both.
 *
 * <p>The password appears only in IBM's create answer: {@link EnSmtpUserStore} keeps it through
 * {@link SmtpPasswords} and marks each target user with {@link #PASSWORD_STORED}. A standby user
 * whose password RegionGuard does not hold cannot be used after a failover, so it differs from the
 * desired one in a field that cannot be updated: the sync replaces it, and keeps the new password.
 */
final class EnSmtpUserType extends EnEntityType {
    /** Set by the store on every listed user: the name of the configuration it belongs to. */
    static final String CONFIG_NAME = "smtp_config_name";
    /** Set by the store on every listed user: whether its password is kept. */
    static final String PASSWORD_STORED = "password_stored";

    EnSmtpUserType() {
        super(EnEntityTypes.SMTP_USER, EnKind.SMTP_USER, Set.of(EnEntityTypes.SMTP_CONFIG), true);
    }

    @Override
    public String key(ObjectNode entity) {
        String description = EnJson.text(entity, "description");
        return EnJson.text(entity, CONFIG_NAME) + "/" + (description == null ? "" : description);
    }

    @Override
    public String id(ObjectNode entity) {
        return EnJson.text(entity, "smtp_config_id") + "/" + EnJson.text(entity, "id");
    }

    @Override
    public String changeMarker(ObjectNode listItem) {
        return EnJson.text(listItem, "updated_at") + "/"
                + listItem.path(PASSWORD_STORED).asBoolean();
    }

    /** Generated per instance (username, password, domain) or the store's own annotation. */
    @Override
    Set<String> droppedFields() {
        return Set.of("domain", "username", "password", CONFIG_NAME);
    }

    @Override
    Set<String> immutableFields() {
        return Set.of("smtp_config_id", PASSWORD_STORED);
    }

    @Override
    void remap(ObjectNode body, EnReferences references) {
        references.remap(body, "smtp_config_id", EnEntityTypes.SMTP_CONFIG);
    }

    /** Wanted on the target: a user whose password RegionGuard holds. */
    @Override
    Translation write(ObjectNode source, ObjectNode body, ObjectNode comparable, SyncContext context) {
        body.remove(PASSWORD_STORED);
        ObjectNode wanted = comparable.deepCopy();
        wanted.put(PASSWORD_STORED, true);
        return desired(source, body, wanted, List.of(), null);
    }

    @Override
    String describe(ObjectNode entity) {
        return name() + " '" + key(entity) + "'";
    }
}
