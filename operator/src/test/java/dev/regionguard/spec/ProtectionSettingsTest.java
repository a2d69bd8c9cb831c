package dev.regionguard.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverSpec;
import dev.regionguard.api.HealthCheckSpec;
import dev.regionguard.api.SyncMode;
import dev.regionguard.api.SyncSpec;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtectionSettingsTest {
    private static final List<EntityType> TYPES =
            List.of(type("secret"), type("config_map"), type("app", "secret", "config_map"), type("binding", "app"));

    @Test
    void absentFieldsParseToTheDefaultsTheCrdDeclares() throws Blocked {
        JsonNode spec = crdSpecSchema("eventnotificationsprotections.regionguard.dev-v1.yml");
        SyncSpec emptySync = new SyncSpec();
        emptySync.interval = null;
        emptySync.fullCompareInterval = null;
        emptySync.mode = null;
        emptySync.maxDeletionsPerPass = null;
        emptySync.entities = null;
        HealthCheckSpec emptyHealth = new HealthCheckSpec();
        emptyHealth.interval = null;
        emptyHealth.timeout = null;
        emptyHealth.failureThreshold = null;
        emptyHealth.successThreshold = null;
        FailoverSpec emptyFailover = new FailoverSpec();
        emptyFailover.mode = null;
        emptyFailover.cooldown = null;

        for (SyncSettings sync : List.of(SyncSettings.of(null, TYPES), SyncSettings.of(emptySync, TYPES))) {
            assertThat(sync.interval()).isEqualTo(Durations.parse(crdDefault(spec, "sync", "interval")));
            assertThat(sync.fullCompareInterval())
                    .isEqualTo(Durations.parse(crdDefault(spec, "sync", "fullCompareInterval")));
            assertThat(sync.mode()).isEqualTo(SyncMode.valueOf(crdDefault(spec, "sync", "mode")));
            assertThat(sync.maxDeletionsPerPass())
                    .isEqualTo(Integer.parseInt(crdDefault(spec, "sync", "maxDeletionsPerPass")));
            assertThat(sync.types()).as("no selection: every type").isEqualTo(TYPES);
        }
        for (HealthCheckSettings health : List.of(HealthCheckSettings.of(null), HealthCheckSettings.of(emptyHealth))) {
            assertThat(health.interval()).isEqualTo(Durations.parse(crdDefault(spec, "healthCheck", "interval")));
            assertThat(health.timeout()).isEqualTo(Durations.parse(crdDefault(spec, "healthCheck", "timeout")));
            assertThat(health.failureThreshold())
                    .isEqualTo(Integer.parseInt(crdDefault(spec, "healthCheck", "failureThreshold")));
            assertThat(health.successThreshold())
                    .isEqualTo(Integer.parseInt(crdDefault(spec, "healthCheck", "successThreshold")));
        }
        assertThat(spec.path("failover")
                        .path("properties")
                        .path("endpointConfigMap")
                        .has("default"))
                .isFalse();
        for (FailoverSettings failover : List.of(FailoverSettings.of(null), FailoverSettings.of(emptyFailover))) {
            assertThat(failover.mode()).isEqualTo(FailoverMode.valueOf(crdDefault(spec, "failover", "mode")));
            assertThat(failover.cooldown()).isEqualTo(Durations.parse(crdDefault(spec, "failover", "cooldown")));
            assertThat(failover.endpointConfigMap())
                    .as("no CRD default: nothing published")
                    .isNull();
        }
    }

    @Test
    void bothProtectionKindsParseTheirSharedPartsAlike() {
        ProtectionSettings en = ProtectionSettings.parse(new EventNotificationsProtectionSpec(), TYPES);
        ProtectionSettings ce = ProtectionSettings.parse(new CodeEngineProtectionSpec(), TYPES);

        assertThat(en).isEqualTo(ce);
        assertThat(en.problem()).isNull();
        assertThat(en.health()).isEqualTo(HealthCheckSettings.DEFAULTS);
    }

    @Test
    void eachPartIsParsedOnItsOwnAndTheFirstProblemIsReported() {
        EventNotificationsProtectionSpec spec = new EventNotificationsProtectionSpec();
        spec.healthCheck.interval = "soon";
        spec.failover.cooldown = "later";

        ProtectionSettings settings = ProtectionSettings.parse(spec, TYPES);

        assertThat(settings.sync()).isNotNull();
        assertThat(settings.health()).isNull();
        assertThat(settings.failover()).isNull();
        assertThatThrownBy(settings::check).isInstanceOf(Blocked.class).hasMessageStartingWith("healthCheck");
    }

    @Test
    void theSyncSelectionAddsReferencedTypesAndNamesUnknownOnes() throws Blocked {
        SyncSpec spec = new SyncSpec();
        spec.entities = List.of("binding");

        assertThat(SyncSettings.of(spec, TYPES).types())
                .extracting(EntityType::name)
                .containsExactly("secret", "config_map", "app", "binding");

        spec.entities = List.of("app", "topic");
        assertThatThrownBy(() -> SyncSettings.of(spec, TYPES))
                .isInstanceOf(Blocked.class)
                .hasMessage(
                        "sync.entities: unknown entity types [topic]; known are [app, binding, config_map, secret]");
    }

    @Test
    void aPlainSelectionTakesExactlyTheNamedTypes() {
        assertThat(EntitySelection.named(TYPES, Set.of("binding", "secret")))
                .extracting(EntityType::name)
                .containsExactly("secret", "binding");
        assertThat(EntitySelection.withReferences(TYPES, Set.of())).isEqualTo(TYPES);
    }

    /** {@code spec} of the committed CRD's schema; surefire names the folder as for the CRD tests. */
    private static JsonNode crdSpecSchema(String file) {
        Path crd = Path.of(System.getProperty("regionguard.crdDir", "../crds")).resolve(file);
        try {
            JsonNode versions =
                    new YAMLMapper().readTree(crd.toFile()).path("spec").path("versions");
            assertThat(versions.size()).as("versions of " + crd).isEqualTo(1);
            return versions.get(0)
                    .path("schema")
                    .path("openAPIV3Schema")
                    .path("properties")
                    .path("spec")
                    .path("properties");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + crd, e);
        }
    }

    /** The {@code default} the CRD declares for {@code spec.<part>.<field>}, as text; it must exist. */
    private static String crdDefault(JsonNode spec, String part, String field) {
        JsonNode value = spec.path(part).path("properties").path(field).path("default");
        assertThat(value.isValueNode())
                .as("CRD default of spec.%s.%s", part, field)
                .isTrue();
        return value.asText();
    }

    private static EntityType type(String name, String... dependsOn) {
        return new TestType(name, Set.of(dependsOn));
    }

    /** Only a name and references: all a selection reads. */
    private record TestType(String name, Set<String> dependsOn) implements EntityType {
        @Override
        public String key(ObjectNode entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String id(ObjectNode entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean builtIn(ObjectNode entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean listItemComplete() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String changeMarker(ObjectNode listItem) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Translation translate(ObjectNode source, SyncContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObjectNode comparable(ObjectNode target, SyncContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean needsReplace(Desired desired, ObjectNode targetComparable) {
            throw new UnsupportedOperationException();
        }
    }
}
