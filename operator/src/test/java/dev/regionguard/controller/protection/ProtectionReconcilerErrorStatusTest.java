package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EnInstanceRef;
import dev.regionguard.api.EnStandby;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.Timestamps;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.health.RegionHealthBoard;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.telemetry.EventRecorder;
import dev.regionguard.telemetry.RegionGuardMetrics;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An exception JOSDK would only retry ends in a Ready=False condition that says what went wrong, briefly. */
class ProtectionReconcilerErrorStatusTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-03-01T11:00:00Z");

    @Test
    void anExceptionInAPassEndsInReadyFalseWithAShortMessageAndKeepsTheOtherConditions() throws Exception {
        EventNotificationsProtection protection = protection();
        BrokenReconciler reconciler = new BrokenReconciler("entity types not loaded\n\tat some.Frame(Frame.java:1)");

        Exception error = catchReconcile(reconciler, protection);
        ProtectionStatus status = reconciler.failedStatus(protection, error);

        Condition ready = Conditions.find(status.conditions, Conditions.READY);
        assertThat(ready.status).isEqualTo("False");
        assertThat(ready.reason).isEqualTo("ReconcileFailed");
        assertThat(ready.message).isEqualTo("IllegalStateException: entity types not loaded");
        assertThat(ready.observedGeneration).isEqualTo(4L);
        assertThat(ready.lastTransitionTime).isEqualTo(Timestamps.format(NOW));
        Condition inSync = Conditions.find(status.conditions, Conditions.STANDBYS_IN_SYNC);
        assertThat(inSync.status).isEqualTo("True");
        assertThat(inSync.lastTransitionTime).isEqualTo(Timestamps.format(EARLIER));
        assertThat(status.standbysInSync).isEqualTo("1/1");
        assertThat(status.activeRegion).isEqualTo("us-south");
    }

    @Test
    void whenTheStatusCannotBeWrittenEitherJosdkStillRetries() {
        EventNotificationsProtection protection = protection();
        BrokenReconciler reconciler = new BrokenReconciler("entity types not loaded");

        Exception error = catchReconcile(reconciler, protection);
        // the context has no Kubernetes client: the write fails as it would with the API down
        ErrorStatusUpdateControl<EventNotificationsProtection> control =
                reconciler.updateErrorStatus(protection, context(protection), error);

        assertThat(control.getResource()).as("nothing left for JOSDK to patch").isEmpty();
        assertThat(control.isNoRetry()).as("JOSDK still retries").isFalse();
    }

    @Test
    void aLongMessageIsCut() throws Exception {
        EventNotificationsProtection protection = protection();
        BrokenReconciler reconciler = new BrokenReconciler("x".repeat(1000));

        Exception error = catchReconcile(reconciler, protection);
        ProtectionStatus status = reconciler.failedStatus(protection, error);

        String message = Conditions.find(status.conditions, Conditions.READY).message;
        assertThat(message)
                .hasSize(200)
                .startsWith("IllegalStateException: xxx")
                .endsWith("...");
    }

    private static Exception catchReconcile(BrokenReconciler reconciler, EventNotificationsProtection protection) {
        Exception error = catchException(() -> reconciler.reconcile(protection, context(protection)));
        assertThat(error).isInstanceOf(IllegalStateException.class);
        return error;
    }

    private static EventNotificationsProtection protection() {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder()
                .withName("orders")
                .withNamespace("team-a")
                .withUid("uid-1")
                .withGeneration(4L)
                .build());
        EventNotificationsProtectionSpec spec = new EventNotificationsProtectionSpec();
        spec.primary = new EnInstanceRef("us-south", "11111111-1111-1111-1111-111111111111");
        spec.standbys = List.of(new EnStandby("us-east", "22222222-2222-2222-2222-222222222222"));
        spec.credentialsSecretRef = new SecretKeyRef("orders-apikey", "apikey");
        enp.setSpec(spec);
        ProtectionStatus status = new ProtectionStatus();
        status.conditions = Conditions.merge(
                List.of(),
                List.of(
                        Conditions.of(Conditions.READY, true, "Protected", "1/1 standbys in sync"),
                        Conditions.of(Conditions.STANDBYS_IN_SYNC, true, "AllInSync", "1/1 standbys in sync"),
                        Conditions.of(Conditions.CREDENTIALS_VALID, true, "Accepted", "accepted")),
                3L,
                EARLIER);
        status.standbysInSync = "1/1";
        status.activeRegion = "us-south";
        enp.setStatus(status);
        return enp;
    }

    /** A context whose primary cache holds just this protection; nothing else is needed before the failure. */
    @SuppressWarnings("unchecked")
    private static Context<EventNotificationsProtection> context(EventNotificationsProtection protection) {
        Object cache = Proxy.newProxyInstance(
                ProtectionReconcilerErrorStatusTest.class.getClassLoader(),
                new Class<?>[] {io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        return Stream.of(protection);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (Context<EventNotificationsProtection>) Proxy.newProxyInstance(
                ProtectionReconcilerErrorStatusTest.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPrimaryCache")) {
                        return cache;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A service with a bug: reading its entity types throws, as an unexpected exception would. */
    private static final class BrokenReconciler
            extends ProtectionReconciler<EventNotificationsProtection, ProtectionStatus> {
        private final String failure;

        BrokenReconciler(String failure) {
            super(
                    null,
                    reporter(),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    services(),
                    new NoActions(),
                    (p, side, key) -> {},
                    (p, side, key, settings, deadline) -> List.of());
            this.failure = failure;
        }

        private static SyncReporter reporter() {
            return new SyncReporter(null, metrics());
        }

        private static ProtectionServices services() {
            return new ProtectionServices(
                    new RegionHealthBoard(), new EventRecorder(null, Clock.systemUTC()), metrics(), null, null, null);
        }

        private static RegionGuardMetrics metrics() {
            return new RegionGuardMetrics(new SimpleMeterRegistry(), Clock.systemUTC());
        }

        @Override
        public ProtectionKind kind() {
            return ProtectionKind.EventNotificationsProtection;
        }

        @Override
        public String endpoint(Endpoints endpoints, String region) {
            return "https://" + region;
        }

        @Override
        public List<EntityType> entityTypes(EventNotificationsProtection protection) {
            throw new IllegalStateException(failure);
        }

        @Override
        public EntityStore store(EventNotificationsProtection protection, ProtectedSide side, ApiKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StandbyRef standbyRef(ProtectedSide side) {
            return new StandbyRef(side.region(), side.id(), null);
        }

        @Override
        public ProtectionStatus newStatus() {
            return new ProtectionStatus();
        }

        @Override
        public EventNotificationsProtection newResource() {
            return new EventNotificationsProtection();
        }
    }

    private static final class NoActions implements FailoverActions<EventNotificationsProtection> {
        @Override
        public String fence(EventNotificationsProtection protection, ProtectedSide side, ApiKey key) {
            return "";
        }

        @Override
        public Map<String, String> fenceOriginals(
                EventNotificationsProtection protection, ProtectedSide side, ApiKey key) {
            return Map.of();
        }

        @Override
        public String unfence(
                EventNotificationsProtection protection, ProtectedSide side, ApiKey key, Map<String, String> original) {
            return "";
        }

        @Override
        public Map<String, String> activate(EventNotificationsProtection protection, ProtectedSide side, ApiKey key) {
            return Map.of();
        }
    }
}
