package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.SyncOutcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
    /** SMTP users and tag subscriptions, each under its parent kind. */
    private final Map<EnKind, EnNestedStore> nested;
    /** Null: no follow-up domain verification (stores of tools and tests that count calls). */
    private final DomainVerifyBackoff domainBackoff;
    /** Kinds whose lists the nested stores and the domain follow-up read again within a pass. */
    private static final Set<EnKind> PARENT_KINDS = Set.of(EnKind.DESTINATION, EnKind.SMTP_CONFIG);
    /** This pass's one list of each of {@link #PARENT_KINDS}, shared by all who read it; cleared as a pass starts. */
    private final Map<EnKind, PassList> passLists = new ConcurrentHashMap<>();

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
        this.nested = Map.of(
                EnKind.SMTP_USER, new EnSmtpUserStore(client, passwords, this::passList),
                EnKind.TAG_SUBSCRIPTION, new EnTagSubscriptionStore(client, this::passList));
        this.domainBackoff = domainBackoff;
    }

    @Override
    public String describe() {
        return client.region() + "/" + client.instanceId();
    }

    @Override
    public List<ObjectNode> list(EntityType type) {
        EnKind kind = EnEntityTypes.kind(type);
        if (kind.nested()) {
            return nested.get(kind).list();
        }
        return PARENT_KINDS.contains(kind) ? passList(kind) : client.list(kind);
    }

    @Override
    public ObjectNode read(EntityType type, ObjectNode listItem) {
        EnKind kind = EnEntityTypes.kind(type);
        if (kind.nested()) {
            return nested.get(kind).find(type.id(listItem));
        }
        return client.get(kind, type.id(listItem));
    }

    @Override
    public ObjectNode find(EntityType type, String id) {
        EnKind kind = EnEntityTypes.kind(type);
        if (kind.nested()) {
            return nested.get(kind).find(id);
        }
        return IbmApiException.nullIfNotFound(() -> client.get(kind, id));
    }

    @Override
    public ObjectNode create(EntityType type, Desired desired) {
        EnKind kind = written(type);
        if (kind.nested()) {
            return nested.get(kind).create(desired.body());
        }
        return client.create(kind, desired.body(), files(kind, desired));
    }

    @Override
    public ObjectNode update(EntityType type, ObjectNode current, Desired desired) {
        EnKind kind = written(type);
        if (kind.nested()) {
            return nested.get(kind).update(current, desired.body());
        }
        if (EnDestinationType.upgrades(current, desired.body())) { // IBM keeps the id: subscriptions stay
            client.upgradeSandboxDestination(
                    type.id(current),
                    desired.body().path("config").path("params").path("domain").asText());
        }
        return client.update(kind, type.id(current), updateBody(kind, current, desired), files(kind, desired));
    }

    @Override
    public void delete(EntityType type, ObjectNode current) {
        EnKind kind = written(type);
        if (kind.nested()) {
            nested.get(kind).delete(current);
            return;
        }
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
                : new EnDomainVerification(client, domainBackoff).check(writes, this::passList);
    }

    /** The kind about to be written: a list of it from earlier in the pass no longer holds. */
    private EnKind written(EntityType type) {
        EnKind kind = EnEntityTypes.kind(type);
        passLists.remove(kind);
        return kind;
    }

    /** The lists of the last pass are no proof of anything now. */
    @Override
    public void startPass() {
        passLists.clear();
    }

    /**
     * This pass's list of a parent kind where no write of that kind came after it, else a new list. The
     * engine lists every type before it writes any (SyncPass), so no list of a kind overlaps its writes.
     */
    private List<ObjectNode> passList(EnKind kind) {
        return passLists
                .computeIfAbsent(kind, k -> new PassList(() -> client.list(k)))
                .get();
    }

    /** One list call however many ask at once; a failed call is not kept, so the next asker lists again. */
    private static final class PassList {
        private final Supplier<List<ObjectNode>> call;
        private List<ObjectNode> items;

        PassList(Supplier<List<ObjectNode>> call) {
            this.call = call;
        }

        synchronized List<ObjectNode> get() {
            if (items == null) {
                items = call.get();
            }
            return items;
        }
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
