package dev.regionguard.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.EventNotificationsProtectionSpec;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.SyncMode;
import dev.regionguard.api.SyncSpec;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtectionSettingsTest {
    private static final List<EntityType> TYPES =
            List.of(type("secret"), type("config_map"), type("app", "secret", "config_map"), type("binding", "app"));

    @Test
    void absentFieldsMeanTheDefaultsDeclaredOnTheCrTypes() throws Blocked {
        SyncSpec empty = new SyncSpec();
        empty.interval = null;
        empty.fullCompareInterval = null;
        empty.mode = null;
        empty.maxDeletionsPerPass = null;
        empty.entities = null;

        for (SyncSettings sync : List.of(SyncSettings.of(null, TYPES), SyncSettings.of(empty, TYPES))) {
            assertThat(sync.interval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(sync.fullCompareInterval()).isEqualTo(Duration.ofHours(1));
            assertThat(sync.mode()).isEqualTo(SyncMode.Mirror);
            assertThat(sync.maxDeletionsPerPass()).isEqualTo(10);
            assertThat(sync.types()).isEqualTo(TYPES);
        }
        assertThat(FailoverSettings.of(null)).isEqualTo(FailoverSettings.DEFAULTS);
        assertThat(FailoverSettings.DEFAULTS.mode()).isEqualTo(FailoverMode.Manual);
        assertThat(FailoverSettings.DEFAULTS.cooldown()).isEqualTo(Duration.ofMinutes(30));
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
