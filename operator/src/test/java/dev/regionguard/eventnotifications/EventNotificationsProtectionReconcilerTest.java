package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.simulator.TemplateBody;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator on an embedded Kubernetes API against the IBM Cloud simulator. */
class EventNotificationsProtectionReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static OperatorHarness harness;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static boolean ready(ProtectionStatus s) {
        return Conditions.isTrue(s.conditions, Conditions.READY);
    }

    @Test
    void standbyConvergesWithWriteOnlyMaterialAndReportsIt() {
        EnFixture en = new EnFixture(harness, "converge", 60);
        en.material();
        EventNotificationsProtection applied = harness.apply(en.protection(SyncMode.Mirror, "1h"));

        ProtectionStatus status = harness.awaitStatus(en.name, TIMEOUT, OperatorHarnessStatus::ready);

        assertThat(en.standbyMatchesPrimary()).isTrue();
        assertThat(status.observedGeneration).isEqualTo(applied.getMetadata().getGeneration());
        assertThat(status.conditions)
                .extracting(c -> c.type)
                .containsExactly(
                        Conditions.READY,
                        Conditions.STANDBYS_IN_SYNC,
                        Conditions.CREDENTIALS_VALID,
                        Conditions.REGION_INDEPENDENT,
                        Conditions.FAILOVER_READY);
        assertThat(status.standbysInSync).isEqualTo("1/1");
        StandbyStatus standby = status.standbys.get(0);
        assertThat(standby.counts.created).isGreaterThanOrEqualTo(en.manifest.entityCount() - 2);
        assertThat(standby.counts.failed).isZero();
        assertThat(standby.lastSuccessfulSyncTime).isNotNull();

        // What no GET returns arrived too: destination secrets and template bodies.
        ObjectNode snapshot = harness.simulator().eventNotificationsSnapshot(EnFixture.STANDBY, en.standbyId);
        en.manifest.destinationSecrets().forEach((destination, secrets) -> {
            JsonNode params = find(snapshot.get("destinations"), destination)
                    .path("config")
                    .path("params");
            secrets.forEach((key, value) -> {
                JsonNode stored = key.startsWith("header.")
                        ? params.path("custom_headers").path(key.substring("header.".length()))
                        : params.path(key);
                assertThat(stored.asText()).as(destination + " " + key).isEqualTo(value);
            });
        });
        for (Map.Entry<String, TemplateBody> t : en.manifest.templateBodies().entrySet()) {
            String body = find(snapshot.get("templates"), t.getKey())
                    .path("params")
                    .path("body")
                    .asText();
            assertThat(new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8))
                    .isEqualTo(t.getValue().body());
        }
        // Secrets never reach status.
        String statusText = status.standbys.toString() + status.conditions;
        en.manifest
                .destinationSecrets()
                .values()
                .forEach(m -> m.values().forEach(v -> assertThat(statusText).doesNotContain(v)));
    }

    @Test
    void changeRenameAndDeletionOnThePrimaryFollow() {
        EnFixture en = new EnFixture(harness, "follow", 40);
        en.material();
        harness.apply(en.protection(SyncMode.Mirror, "1s"));
        harness.awaitStatus(en.name, TIMEOUT, OperatorHarnessStatus::ready);

        ObjectNode topic = en.primary.list(EnKind.TOPIC).get(0);
        ObjectNode fullTopic = en.primary.get(EnKind.TOPIC, topic.get("id").asText());
        ObjectNode topicUpdate = fullTopic
                .objectNode()
                .put("name", fullTopic.get("name").asText())
                .put("description", "changed on the primary");
        topicUpdate.set("sources", fullTopic.get("sources"));
        en.primary.update(EnKind.TOPIC, topic.get("id").asText(), topicUpdate, List.of());

        // A destination without write-only material: renaming one with secrets would need the Secret renamed too.
        ObjectNode destination = en.primary.list(EnKind.DESTINATION).stream()
                .filter(d -> !d.path("type").asText().endsWith("_ibm"))
                .filter(d -> !en.manifest
                        .destinationSecrets()
                        .containsKey(d.path("name").asText()))
                .findFirst()
                .orElseThrow();
        String oldName = destination.get("name").asText();
        en.primary.update(
                EnKind.DESTINATION,
                destination.get("id").asText(),
                destination.objectNode().put("name", oldName + "-renamed"),
                List.of());

        ObjectNode subscription = en.primary.list(EnKind.SUBSCRIPTION).get(0);
        en.primary.delete(EnKind.SUBSCRIPTION, subscription.get("id").asText());

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(EnFixture.names(en.standby, EnKind.DESTINATION))
                    .contains(oldName + "-renamed")
                    .doesNotContain(oldName);
            assertThat(EnFixture.names(en.standby, EnKind.SUBSCRIPTION))
                    .doesNotContain(subscription.get("name").asText());
            assertThat(en.standby.list(EnKind.TOPIC))
                    .anySatisfy(t -> assertThat(t.path("description").asText()).isEqualTo("changed on the primary"));
        });
        await().atMost(TIMEOUT).until(en::standbyMatchesPrimary);
    }

    @Test
    void aPrimaryThatSuddenlyListsNothingDeletesNothing() {
        EnFixture en = new EnFixture(harness, "empty", 20);
        en.material();
        harness.apply(en.protection(SyncMode.Mirror, "1s"));
        harness.awaitStatus(en.name, TIMEOUT, OperatorHarnessStatus::ready);
        int standbySubscriptions = en.standby.list(EnKind.SUBSCRIPTION).size();

        // Everything the user made disappears from the primary, as in a bad read or a wiped instance
        // (the failed-events integration stays: EN cannot delete integrations).
        for (EnKind kind : List.of(
                EnKind.SUBSCRIPTION,
                EnKind.TOPIC,
                EnKind.TEMPLATE,
                EnKind.DESTINATION,
                EnKind.SOURCE,
                EnKind.SMTP_CONFIG)) {
            for (ObjectNode item : en.primary.list(kind)) {
                if (!builtIn(kind, item)) {
                    en.primary.delete(kind, item.get("id").asText());
                }
            }
        }

        ProtectionStatus held = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> !s.standbys.isEmpty()
                        && s.standbys.get(0).pendingDeletions.stream()
                                .anyMatch(p -> "PrimaryEmpty".equals(p.reason) || "PrimaryShrunk".equals(p.reason)));
        assertThat(en.standby.list(EnKind.SUBSCRIPTION)).hasSize(standbySubscriptions);
        assertThat(held.standbys.get(0).counts.deleted).isZero();
        assertThat(ready(held)).isFalse();
    }

    @Test
    void anUnreachablePrimaryDeletesNothingAndRecovers() {
        EnFixture en = new EnFixture(harness, "outage", 20);
        en.material();
        harness.apply(en.protection(SyncMode.Mirror, "1s"));
        harness.awaitStatus(en.name, TIMEOUT, OperatorHarnessStatus::ready);
        int before = en.standby.list(EnKind.SUBSCRIPTION).size();

        harness.simulator().faults(EnFixture.PRIMARY).down(dev.regionguard.simulator.DownMode.UNAVAILABLE);
        try {
            ProtectionStatus down = harness.awaitStatus(
                    en.name,
                    TIMEOUT,
                    s -> "PrimaryUnreachable"
                            .equals(Conditions.find(s.conditions, Conditions.STANDBYS_IN_SYNC).reason));
            assertThat(down.standbys.get(0).inSync).isFalse();
            assertThat(en.standby.list(EnKind.SUBSCRIPTION)).hasSize(before);
            assertThat(harness.events(en.name)).anySatisfy(e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getReason()).isEqualTo("PrimaryUnreachable");
            });
        } finally {
            harness.simulator().faults(EnFixture.PRIMARY).up();
        }
        harness.awaitStatus(en.name, TIMEOUT, OperatorHarnessStatus::ready);
        assertThat(harness.events(en.name))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("SyncRecovered"));
    }

    @Test
    void upsertOnlyNeverDeletes() {
        EnFixture en = new EnFixture(harness, "upsert", 20);
        en.material();
        harness.apply(en.protection(SyncMode.UpsertOnly, "1s"));
        harness.awaitStatus(en.name, TIMEOUT, OperatorHarnessStatus::ready);
        ObjectNode subscription = en.primary.list(EnKind.SUBSCRIPTION).get(0);
        en.primary.delete(EnKind.SUBSCRIPTION, subscription.get("id").asText());

        ProtectionStatus status = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> s.standbys.get(0).pendingDeletions.stream().anyMatch(p -> "DeletesDisabled".equals(p.reason)));
        assertThat(EnFixture.names(en.standby, EnKind.SUBSCRIPTION))
                .contains(subscription.get("name").asText());
        assertThat(status.standbys.get(0).counts.deleted).isZero();
        assertThat(ready(status))
                .as("extra entities are expected in UpsertOnly")
                .isTrue();
    }

    @Test
    void aMissingDestinationSecretIsReportedForThatEntityAndEverythingElseSyncs() {
        EnFixture en = new EnFixture(harness, "nosecret", 40);
        String withoutSecret = en.manifest.destinationSecrets().keySet().stream()
                .sorted()
                .findFirst()
                .orElseThrow();
        en.material(withoutSecret);
        harness.apply(en.protection(SyncMode.Mirror, "1h"));

        ProtectionStatus status =
                harness.awaitStatus(en.name, TIMEOUT, s -> !s.standbys.isEmpty() && s.standbys.get(0).counts != null);
        StandbyStatus standby = status.standbys.get(0);
        assertThat(standby.unsyncedEntities).anySatisfy(u -> {
            assertThat(u.type).isEqualTo("destination");
            assertThat(u.name).endsWith(withoutSecret);
            assertThat(u.reason).isEqualTo("MissingSecret");
        });
        assertThat(EnFixture.names(en.standby, EnKind.DESTINATION))
                .doesNotContain(withoutSecret)
                .containsAll(EnFixture.names(en.primary, EnKind.DESTINATION).stream()
                        .filter(n -> !n.equals(withoutSecret))
                        .toList());
        assertThat(EnFixture.names(en.standby, EnKind.TOPIC)).isEqualTo(EnFixture.names(en.primary, EnKind.TOPIC));
        assertThat(Conditions.find(status.conditions, Conditions.READY).reason).isEqualTo("EntitiesNotSynced");
        assertThat(harness.events(en.name))
                .anySatisfy(e -> assertThat(e.getType()).isEqualTo("Warning"));
    }

    @Test
    void aRejectedApiKeyIsReportedWithoutARetryStorm() {
        EnFixture en = new EnFixture(harness, "badkey", 10);
        en.material();
        String revoked = "revoked-key-" + en.name; // counted for this test alone: other tests' protections keep running
        harness.secret(en.name + "-apikey", Map.of("apikey", revoked));
        harness.simulator().revokeApiKey(revoked);
        harness.apply(en.protection(SyncMode.Mirror, "1h"));

        ProtectionStatus status =
                harness.awaitStatus(en.name, TIMEOUT, s -> "False".equals(statusOf(s, Conditions.CREDENTIALS_VALID)));
        assertThat(Conditions.find(status.conditions, Conditions.CREDENTIALS_VALID).reason)
                .isEqualTo("ApiKeyRejected");
        assertThat(Conditions.find(status.conditions, Conditions.CREDENTIALS_VALID).message)
                .doesNotContain(revoked);
        assertThat(harness.events(en.name))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("ApiKeyRejected"));
        // No storm: over the next seconds the operator does not keep asking IAM with the rejected key.
        int refusedSoFar = harness.simulator().refusedTokenRequests(revoked);
        assertThat(refusedSoFar)
                .as("one refusal per token cache: the sync's and the probes'")
                .isBetween(1, 2);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> harness.simulator().refusedTokenRequests(revoked) - refusedSoFar <= 0);
        assertThat(en.standby.list(EnKind.TOPIC)).isEmpty();
    }

    @Test
    void aMissingCredentialsSecretIsACondition() {
        EnFixture en = new EnFixture(harness, "nocreds", 5);
        EventNotificationsProtection enp = en.protection(SyncMode.Mirror, "1h");
        enp.getSpec().credentialsSecretRef.name = "does-not-exist";
        harness.apply(enp);

        ProtectionStatus status =
                harness.awaitStatus(en.name, TIMEOUT, s -> "False".equals(statusOf(s, Conditions.CREDENTIALS_VALID)));
        assertThat(Conditions.find(status.conditions, Conditions.CREDENTIALS_VALID).reason)
                .isEqualTo("SecretNotFound");
        assertThat(statusOf(status, Conditions.STANDBYS_IN_SYNC)).isEqualTo("Unknown");
    }

    @Test
    void thePauseAnnotationStopsSyncAndSaysSo() {
        EnFixture en = new EnFixture(harness, "paused", 10);
        en.material();
        harness.apply(en.protection(SyncMode.Mirror, "1s"));
        harness.awaitStatus(en.name, TIMEOUT, OperatorHarnessStatus::ready);

        harness.edit(EventNotificationsProtection.class, en.name, p -> {
            p.getMetadata().getAnnotations().put(dev.regionguard.api.Protections.PAUSED, "true");
            return p;
        });
        harness.awaitStatus(
                en.name, TIMEOUT, s -> "Paused".equals(Conditions.find(s.conditions, Conditions.READY).reason));
        ObjectNode source = en.primary.list(EnKind.SOURCE).stream()
                .filter(x -> "api".equals(x.path("type").asText()))
                .findFirst()
                .orElseThrow();
        en.primary.update(
                EnKind.SOURCE,
                source.get("id").asText(),
                source.objectNode().put("description", "edited while paused"),
                List.of());
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> en.standby.list(EnKind.SOURCE).stream()
                        .noneMatch(x -> "edited while paused"
                                .equals(x.path("description").asText())));

        harness.edit(EventNotificationsProtection.class, en.name, p -> {
            p.getMetadata().getAnnotations().remove(dev.regionguard.api.Protections.PAUSED);
            return p;
        });
        await().atMost(TIMEOUT)
                .until(() -> en.standby.list(EnKind.SOURCE).stream()
                        .anyMatch(x -> "edited while paused"
                                .equals(x.path("description").asText())));
    }

    private static String statusOf(ProtectionStatus s, String type) {
        var c = Conditions.find(s.conditions, type);
        return c == null ? null : c.status;
    }

    private static JsonNode find(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + name + " in " + items);
    }

    private static boolean builtIn(EnKind kind, ObjectNode item) {
        return switch (kind) {
            case DESTINATION -> item.path("type").asText().endsWith("_ibm");
            case SOURCE -> !"api".equals(item.path("type").asText());
            default -> false;
        };
    }

    /** Named predicates keep the awaits readable. */
    static final class OperatorHarnessStatus {
        static boolean ready(ProtectionStatus s) {
            return Conditions.isTrue(s.conditions, Conditions.READY);
        }
    }
}
