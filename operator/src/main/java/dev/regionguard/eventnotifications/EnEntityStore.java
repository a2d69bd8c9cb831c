package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.SyncOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Event Notifications instance as a sync store: {@link EnEntityTypes} over an
 * {@link EventNotificationsClient}. Bodies pass through as the types built them, except that an
 * update leaves out what the API does not let it change and takes recipients as add/remove.
 */
public final class EnEntityStore implements EntityStore {
    /** Fields a create needs and an update must not carry. */
    private static final Map<EnKind, Set<String>> NOT_UPDATABLE = Map.of(
            EnKind.DESTINATION, Set.of("type"),
            EnKind.SMTP_CONFIG, Set.of("domain"),
            EnKind.SUBSCRIPTION, Set.of("topic_id", "destination_id"));

    private final EventNotificationsClient client;
    private final EnSmtpUserStore smtpUsers;
    /** Null: no follow-up domain verification (stores of tools and tests that count calls). */
    private final DomainVerifyBackoff domainBackoff;
    /** This pass's lists of the kinds the follow-up reads (a store lives for one pass). */
    private final Map<EnKind, List<ObjectNode>> passLists = new ConcurrentHashMap<>();

    /** A store that cannot create SMTP users (there is no place for their passwords). */
    public EnEntityStore(EventNotificationsClient client) {
        this(client, SmtpPasswords.NONE, null);
    }

    /**
     * @param passwords where the passwords of the SMTP users created here are kept
     * @param domainBackoff spaces IBM's verify calls for custom e-mail domains (see
     *     {@link EnDomainVerification}); null leaves domains unchecked
     */
    public EnEntityStore(EventNotificationsClient client, SmtpPasswords passwords, DomainVerifyBackoff domainBackoff) {
        this.client = client;
        this.smtpUsers = new EnSmtpUserStore(client, passwords);
        this.domainBackoff = domainBackoff;
    }

    @Override
    public String describe() {
        return client.region() + "/" + client.instanceId();
    }

    @Override
    public List<ObjectNode> list(EntityType type) {
        if (isSmtpUser(type)) {
            return smtpUsers.list();
        }
        EnKind kind = EnEntityTypes.kind(type);
        List<ObjectNode> items = client.list(kind);
        if (EnDomainVerification.KINDS.contains(kind)) {
            passLists.put(kind, items);
        }
        return items;
    }

    @Override
    public ObjectNode read(EntityType type, ObjectNode listItem) {
        if (isSmtpUser(type)) {
            return smtpUsers.find(type.id(listItem));
        }
        return client.get(EnEntityTypes.kind(type), type.id(listItem));
    }

    @Override
    public ObjectNode find(EntityType type, String id) {
        if (isSmtpUser(type)) {
            return smtpUsers.find(id);
        }
        try {
            return client.get(EnEntityTypes.kind(type), id);
        } catch (IbmApiException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public ObjectNode create(EntityType type, Desired desired) {
        if (isSmtpUser(type)) {
            return smtpUsers.create(desired.body());
        }
        EnKind kind = written(type);
        return client.create(kind, desired.body(), files(kind, desired));
    }

    @Override
    public ObjectNode update(EntityType type, ObjectNode current, Desired desired) {
        if (isSmtpUser(type)) {
            return smtpUsers.update(current, desired.body());
        }
        EnKind kind = written(type);
        if (EnDestinationType.upgrades(current, desired.body())) { // IBM keeps the id: subscriptions stay
            client.upgradeSandboxDestination(
                    type.id(current),
                    desired.body().path("config").path("params").path("domain").asText());
        }
        return client.update(kind, type.id(current), updateBody(kind, current, desired), files(kind, desired));
    }

    @Override
    public void delete(EntityType type, ObjectNode current) {
        if (isSmtpUser(type)) {
            smtpUsers.delete(current);
            return;
        }
        EnKind kind = written(type);
        if (!kind.deletable()) {
            throw new UnsupportedOperationException(kind + " has no DELETE endpoint");
        }
        client.delete(kind, type.id(current));
    }

    /**
     * As a sync target: custom e-mail domains IBM has not verified here yet. It reads this pass's lists
     * again where the pass wrote nothing of that kind: two list calls less per standby and pass.
     */
    @Override
    public List<SyncOutcome.EntityIssue> followUp(boolean writes) {
        return domainBackoff == null
                ? List.of()
                : new EnDomainVerification(client, domainBackoff)
                        .check(
                                writes,
                                kind -> Optional.ofNullable(passLists.get(kind)).orElseGet(() -> client.list(kind)));
    }

    /** The kind about to be written: a list of it from earlier in the pass no longer holds. */
    private EnKind written(EntityType type) {
        EnKind kind = EnEntityTypes.kind(type);
        passLists.remove(kind);
        return kind;
    }

    private static boolean isSmtpUser(EntityType type) {
        return EnEntityTypes.kind(type) == EnKind.SMTP_USER;
    }

    static ObjectNode updateBody(EnKind kind, ObjectNode current, Desired desired) {
        ObjectNode body = desired.body().deepCopy();
        body.remove(NOT_UPDATABLE.getOrDefault(kind, Set.of()));
        if (kind == EnKind.SUBSCRIPTION && body.get("attributes") instanceof ObjectNode attributes) {
            body.set("attributes", EnSubscriptionAttributes.toUpdateShape(attributes, current.path("attributes")));
        }
        return body;
    }

    private static List<FilePart> files(EnKind kind, Desired desired) {
        return kind.multipart() && desired.files() != null ? desired.files() : List.of();
    }
}
