package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.controller.failover.FailoverHooks;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.simulator.CallStats;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restarted operator (a new instance on the same API and simulator) knows what the last one
 * synced only from the ConfigMaps it kept: an unchanged instance costs no read and no write, a
 * change made meanwhile still reaches the standby, and a record it cannot trust is not used.
 */
class SyncMemoryRestartOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private OperatorHarness harness;
    private EnFixture en;

    @BeforeEach
    void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
        en = new EnFixture(harness, "durable", 24);
        en.material();
        harness.apply(en.protection(SyncMode.Mirror, "2s"));
        await().atMost(TIMEOUT).until(() -> isReady(harness.get(en.name).getStatus()) && en.standbyMatchesPrimary());
        // one more pass after the first: the markers settle and the record holds the steady state
        Instant synced = Instant.now();
        awaitPassAfter(synced);
        awaitPassAfter(Instant.now());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void anUnchangedInstanceIsNeitherReadNorWrittenAfterARestart() throws IOException {
        String stored = storedRecord();
        assertThat(stored).contains("\"entities\"").contains("destination");
        en.manifest
                .destinationSecrets()
                .values()
                .forEach(values -> values.values().stream()
                        .filter(v -> v.length() >= 4)
                        .forEach(secret -> assertThat(stored).doesNotContain(secret)));
        en.manifest.templateBodies().values().forEach(body -> assertThat(stored).doesNotContain(body.body()));

        harness.stopOperator();
        CallStats primaryBefore = harness.simulator().eventNotificationsStats(EnFixture.PRIMARY);
        CallStats standbyBefore = harness.simulator().eventNotificationsStats(EnFixture.STANDBY);
        Instant restarted = Instant.now();
        harness.restartOperator(FailoverHooks.NONE);
        awaitPassAfter(restarted);

        CallStats primaryAfter = harness.simulator().eventNotificationsStats(EnFixture.PRIMARY);
        CallStats standbyAfter = harness.simulator().eventNotificationsStats(EnFixture.STANDBY);
        assertThat(standbyAfter.writes() - standbyBefore.writes()).isZero();
        assertThat(primaryAfter.writes() - primaryBefore.writes()).isZero();
        assertThat(standbyAfter.entityReads() - standbyBefore.entityReads()).isZero();
        assertThat(primaryAfter.entityReads() - primaryBefore.entityReads()).isZero();
        assertThat(primaryAfter.listCalls()).isGreaterThan(primaryBefore.listCalls()); // a pass did run
    }

    @Test
    void changesMadeWhileDownOrAfterTheRestartStillReachTheStandby() {
        harness.stopOperator();
        en.primary.create(
                EnKind.TOPIC,
                JSON.createObjectNode().put("name", "made-while-down").put("description", "new"),
                List.of());
        Instant restarted = Instant.now();
        harness.restartOperator(FailoverHooks.NONE);
        await().atMost(TIMEOUT)
                .until(() -> EnFixture.names(en.standby, EnKind.TOPIC).contains("made-while-down"));
        awaitPassAfter(restarted);

        long writesBefore =
                harness.simulator().eventNotificationsStats(EnFixture.STANDBY).writes();
        Map.Entry<String, Map<String, String>> destination =
                en.manifest.destinationSecrets().entrySet().iterator().next();
        Map<String, String> changed = new java.util.TreeMap<>(destination.getValue());
        changed.replaceAll((k, v) -> v + "-rotated");
        harness.secret(secretName(destination.getKey()), changed);
        await().atMost(TIMEOUT)
                .until(() -> harness.simulator()
                                .eventNotificationsStats(EnFixture.STANDBY)
                                .writes()
                        > writesBefore);
    }

    @Test
    void aCorruptOrForeignRecordIsNotUsed() {
        harness.stopOperator();
        // one record unreadable, and the spec changed while down: every record is of another generation
        ConfigMap record = recordMap();
        record.getBinaryData().put(SyncMemoryRecords.KEY, Base64.getEncoder().encodeToString("garbage".getBytes()));
        record.getMetadata().setResourceVersion(null);
        harness.client().resource(record).update();
        CallStats before = harness.simulator().eventNotificationsStats(EnFixture.STANDBY);
        Instant restarted = Instant.now();
        harness.restartOperator(FailoverHooks.NONE);
        awaitPassAfter(restarted);
        CallStats after = harness.simulator().eventNotificationsStats(EnFixture.STANDBY);
        assertThat(after.entityReads() - before.entityReads()).isPositive(); // compared in full
        assertThat(en.standbyMatchesPrimary()).isTrue();
        assertThat(isReady(harness.get(en.name).getStatus())).isTrue();
        // the next pass wrote a readable record again
        await().atMost(TIMEOUT).until(() -> storedRecord().contains("\"entities\""));

        harness.stopOperator();
        EventNotificationsProtection enp = harness.get(en.name);
        enp.getSpec().sync.interval = "3s"; // a new generation: the record is of the last one
        harness.client().resource(enp).update();
        CallStats beforeForeign = harness.simulator().eventNotificationsStats(EnFixture.STANDBY);
        Instant again = Instant.now();
        harness.restartOperator(FailoverHooks.NONE);
        awaitPassAfter(again);
        CallStats afterForeign = harness.simulator().eventNotificationsStats(EnFixture.STANDBY);
        assertThat(afterForeign.entityReads() - beforeForeign.entityReads()).isPositive();
    }

    private void awaitPassAfter(Instant instant) {
        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> isReady(s)
                        && s.lastSyncTime != null
                        && Instant.parse(s.lastSyncTime).isAfter(instant));
    }

    private static boolean isReady(ProtectionStatus status) {
        return status != null && Conditions.isTrue(status.conditions, Conditions.READY);
    }

    private ConfigMap recordMap() {
        String name = SyncMemoryRecords.name(
                ProtectionKind.EventNotificationsProtection, en.name, EnFixture.PRIMARY + ">" + EnFixture.STANDBY);
        return harness.client()
                .configMaps()
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName(name)
                .get();
    }

    private String storedRecord() throws IOException {
        ConfigMap map = recordMap();
        assertThat(map.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "regionguard");
        assertThat(map.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo(en.name));
        byte[] packed = Base64.getDecoder().decode(map.getBinaryData().get(SyncMemoryRecords.KEY));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String secretName(String destination) {
        return (en.name + "-" + destination).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }
}
