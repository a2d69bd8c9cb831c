package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.SchemaAcceptance;
import dev.regionguard.api.SyncSpec;
import dev.regionguard.eventnotifications.EnEntityTypes;
import dev.regionguard.spec.ProtectionSettings;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Any spec the API server accepts (the generated CRD's schema and CEL rules decide) is parsed into
 * settings a pass can use, or into a status that says why not: never an exception, which JOSDK would
 * retry for ever. Durations span the whole pattern (up to 4 parts of 5 digits, 99999h each), numbers
 * their whole ranges, and fields are left out as often as set.
 */
class SpecPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    @Property(tries = 250)
    void everySpecTheSchemaAcceptsEndsInUsableSettingsOrAStatusSayingWhy(@ForAll("protections") ObjectNode resource)
            throws Exception {
        Assume.that(SchemaAcceptance.problems(resource).isEmpty());
        EventNotificationsProtection enp =
                JSON.treeToValue(SchemaAcceptance.stored(resource), EventNotificationsProtection.class);

        ProtectionSettings settings = ProtectionSettings.parse(enp.getSpec(), EnEntityTypes.all());
        Statistics.collect(settings.problem() == null ? "usable" : "InvalidSpec");

        if (settings.problem() == null) {
            // what a pass computes from the settings: next wake-ups, time to Unhealthy, cooldown ends
            assertThat(NOW.plus(settings.sync().interval())).isAfterOrEqualTo(NOW);
            assertThat(NOW.plus(settings.sync().fullCompareInterval())).isAfterOrEqualTo(NOW);
            assertThat(settings.health().interval().toMillis()).isPositive();
            assertThat(settings.health().timeout()).isLessThan(settings.health().interval());
            assertThat(NOW.plus(settings.health().timeToUnhealthy())).isAfterOrEqualTo(NOW);
            assertThat(NOW.plus(settings.failover().cooldown())).isAfterOrEqualTo(NOW);
            return;
        }
        ProtectionStatus status = new SyncStatusReport(new ProtectionStatus(), 1L, NOW, List.of(), true)
                .build(new ProtectionStatus(), PassResult.Blocked.of(settings.problem()), null);
        Condition ready = Conditions.find(status.conditions, Conditions.READY);
        assertThat(ready.status).isEqualTo("False");
        assertThat(ready.reason).isEqualTo("InvalidSpec");
        assertThat(ready.message).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        assertThat(status.observedGeneration).isEqualTo(1L);
    }

    @Provide
    Arbitrary<ObjectNode> protections() {
        return Combinators.combine(sync(), healthCheck(), failover()).as((sync, health, failover) -> {
            ObjectNode resource = NODES.objectNode();
            resource.put("apiVersion", "regionguard.dev/v1alpha1").put("kind", "EventNotificationsProtection");
            resource.putObject("metadata").put("name", "orders").put("namespace", "default");
            ObjectNode spec = resource.putObject("spec");
            spec.putObject("primary")
                    .put("region", "us-south")
                    .put("instanceId", "5b2c0d4e-8f1a-4c3b-9d2e-7a6f1e0c3b21");
            spec.putArray("standbys")
                    .addObject()
                    .put("region", "us-east")
                    .put("instanceId", "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
            spec.putObject("credentialsSecretRef").put("name", "ibmcloud-apikey");
            spec.set("sync", sync);
            spec.set("healthCheck", health);
            spec.set("failover", failover);
            return resource;
        });
    }

    private static Arbitrary<ObjectNode> sync() {
        return Combinators.combine(
                        optional(duration()),
                        optional(Arbitraries.of("Mirror", "UpsertOnly", "ObserveOnly")),
                        optional(Arbitraries.integers().between(0, 1000)),
                        optional(duration()),
                        Arbitraries.of(
                                        "integration",
                                        "source",
                                        "smtp_config",
                                        "smtp_user",
                                        "destination",
                                        "template",
                                        "topic",
                                        "subscription")
                                .list()
                                .uniqueElements()
                                .ofMaxSize(8))
                .as((interval, mode, maxDeletions, fullCompare, entities) -> {
                    ObjectNode sync = NODES.objectNode();
                    putIf(sync, "interval", interval);
                    putIf(sync, "mode", mode);
                    if (maxDeletions != null) {
                        sync.put("maxDeletionsPerPass", maxDeletions);
                    }
                    putIf(sync, "fullCompareInterval", fullCompare);
                    entities.forEach(sync.putArray("entities")::add);
                    return sync;
                });
    }

    private static Arbitrary<ObjectNode> healthCheck() {
        Arbitrary<Integer> threshold = optional(Arbitraries.integers().between(1, 10));
        return Combinators.combine(optional(duration()), optional(duration()), threshold, threshold)
                .as((interval, timeout, failures, successes) -> {
                    ObjectNode health = NODES.objectNode();
                    putIf(health, "interval", interval);
                    putIf(health, "timeout", timeout);
                    if (failures != null) {
                        health.put("failureThreshold", failures);
                    }
                    if (successes != null) {
                        health.put("successThreshold", successes);
                    }
                    return health;
                });
    }

    private static Arbitrary<ObjectNode> failover() {
        return Combinators.combine(optional(Arbitraries.of("Manual", "Automatic")), optional(duration()))
                .as((mode, cooldown) -> {
                    ObjectNode failover = NODES.objectNode();
                    putIf(failover, "mode", mode);
                    putIf(failover, "cooldown", cooldown);
                    return failover;
                });
    }

    /** Texts of the schema's duration pattern: 1 to 4 parts of 1 to 5 digits, small values as likely as huge. */
    private static Arbitrary<String> duration() {
        Arbitrary<String> digits = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 99).map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(SyncSpec.DURATION_MAX_DIGITS));
        Arbitrary<String> part =
                Combinators.combine(digits, Arbitraries.of("ms", "s", "m", "h")).as(String::concat);
        return part.list().ofMinSize(1).ofMaxSize(SyncSpec.DURATION_MAX_PARTS).map(parts -> String.join("", parts));
    }

    private static <T> Arbitrary<T> optional(Arbitrary<T> value) {
        return value.injectNull(0.3);
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
