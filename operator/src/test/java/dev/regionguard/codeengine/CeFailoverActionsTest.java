package dev.regionguard.codeengine;

import static dev.regionguard.codeengine.CeFixtures.KEY;
import static dev.regionguard.codeengine.CeFixtures.PRIMARY;
import static dev.regionguard.codeengine.CeFixtures.PRIMARY_REGION;
import static dev.regionguard.codeengine.CeFixtures.STANDBY;
import static dev.regionguard.codeengine.CeFixtures.STANDBY_REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.AppScalingRecord;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.testing.SimulatorClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Code Engine's failover steps against the simulated Code Engine. */
class CeFailoverActionsTest {
    /** One simulator per test: domain claims are simulator-wide. */
    @RegisterExtension
    final SimulatorFixture sim = SimulatorFixture.regions(PRIMARY_REGION, STANDBY_REGION);

    private CeFixtures ce;
    private CeFailoverActions actions;
    private final ProtectedSide primary = new ProtectedSide(PRIMARY_REGION, PRIMARY, null);
    private final ProtectedSide standby = new ProtectedSide(STANDBY_REGION, STANDBY, null);

    /** A seeded primary and a cold standby: a copy of it with every app at zero. */
    @BeforeEach
    void start() {
        ce = new CeFixtures(sim.simulator());
        actions = new CeFailoverActions(ce.clients, SimulatorClients.cis(sim.simulator(), null));
        ce.seedPrimary();
        MiniSync.pass(CeEntityTypes.all(CodeEngineStandbyMode.Cold), ce.store(PRIMARY), ce.store(STANDBY));
        ce.change(STANDBY, CeKind.APP, "api", app -> app.put(CeScaling.INITIAL, 0));
    }

    private static CodeEngineProtection protection() {
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setSpec(new CodeEngineProtectionSpec());
        CodeEngineProtectionStatus status = new CodeEngineProtectionStatus();
        status.appScaling = List.of(new AppScalingRecord("api", 2, 20, 3));
        DomainMappingRecord domain = new DomainMappingRecord("www.example.com", "api", "www-tls");
        domain.region = PRIMARY_REGION;
        status.domainMappings = List.of(domain);
        status.activeRegion = PRIMARY_REGION;
        cep.setStatus(status);
        return cep;
    }

    @Test
    void activatingRestoresScalingAndMovesDomainsFromStatusAlone() {
        assertThat(ce.resources(STANDBY, CeKind.DOMAIN_MAPPING))
                .as("the sync staged the domain on the standby")
                .hasSize(1);
        // the old side let its domain go and is not asked again; the standby lost its copy
        sim.simulator().setCodeEngineTimings(Duration.ofMillis(100), Duration.ZERO);
        ce.delete(PRIMARY, CeKind.DOMAIN_MAPPING, "www.example.com");
        ce.delete(STANDBY, CeKind.DOMAIN_MAPPING, "www.example.com");
        sim.simulator().resetStats();

        Map<String, String> data = actions.activate(protection(), standby, KEY);
        Map<String, String> again = actions.activate(protection(), standby, KEY); // idempotent

        assertThat(sim.simulator().codeEngineStats(PRIMARY_REGION).calls())
                .as("the old region is never asked")
                .isZero();
        assertThat(CeScaling.of(ce.resource(STANDBY, CeKind.APP, "api"))).isEqualTo(new CeScaling(2, 20, 3));
        assertThat(ce.resources(STANDBY, CeKind.DOMAIN_MAPPING)).singleElement().satisfies(m -> {
            assertThat(m.path("name").asText()).isEqualTo("www.example.com");
            assertThat(m.path("component").path("name").asText()).isEqualTo("api");
            assertThat(m.path("tls_secret").asText()).isEqualTo("www-tls");
        });
        assertThat(data)
                .containsEntry("projectId", STANDBY)
                .containsEntry(
                        "app.api",
                        ce.resource(STANDBY, CeKind.APP, "api").path("endpoint").asText());
        assertThat(data.get("app.api")).contains(STANDBY_REGION);
        assertThat(data.get("domain.www.example.com")).startsWith("custom.").contains("." + STANDBY_REGION + ".");
        assertThat(again).isEqualTo(data);
    }

    /** Scale to zero alone does not stop an app: its public URL would start it again on the first request. */
    @Test
    void fencingMakesTheOldSideUnreachableAndUnfencingRestoresExactlyWhatItChanged() {
        sim.simulator().setCodeEngineTimings(Duration.ofMillis(100), Duration.ZERO);
        ObjectNode before = ce.resource(PRIMARY, CeKind.APP, "api");
        assertThat(before.path("endpoint").asText())
                .as("public before the fence")
                .isNotEmpty();
        List<ObjectNode> mappingsBefore = ce.resources(PRIMARY, CeKind.DOMAIN_MAPPING);
        assertThat(mappingsBefore).hasSize(1);

        Map<String, String> original = actions.fenceOriginals(protection(), primary, KEY);
        String message = actions.fence(protection(), primary, KEY);

        ObjectNode fenced = ce.resource(PRIMARY, CeKind.APP, "api");
        assertThat(CeScaling.of(fenced).minInstances()).isZero();
        assertThat(CeScaling.of(fenced).initialInstances()).isZero();
        assertThat(fenced.path(CeFence.VISIBILITY).asText()).isEqualTo(CeFence.PROJECT_ONLY);
        assertThat(fenced.has("endpoint")).as("no public URL while fenced").isFalse();
        assertThat(ce.resources(PRIMARY, CeKind.DOMAIN_MAPPING)).isEmpty();
        assertThat(message).isEqualTo("made 1 apps project-only at 0 instances and deleted 1 domain mappings on eu-de");
        assertThat(actions.fenceOriginals(protection(), primary, KEY))
                .as("what a second fence attempt would read: why the first record is kept")
                .isNotEqualTo(original);

        String undone = actions.unfence(protection(), primary, KEY, original);
        String again = actions.unfence(protection(), primary, KEY, original); // a resumed undo changes nothing

        ObjectNode restored = ce.resource(PRIMARY, CeKind.APP, "api");
        assertThat(CeScaling.of(restored)).isEqualTo(CeScaling.of(before));
        assertThat(restored.path(CeFence.VISIBILITY).asText("local_public"))
                .isEqualTo(before.path(CeFence.VISIBILITY).asText("local_public"));
        assertThat(restored.path("endpoint").asText())
                .isEqualTo(before.path("endpoint").asText());
        assertThat(ce.resources(PRIMARY, CeKind.DOMAIN_MAPPING)).singleElement().satisfies(m -> {
            assertThat(m.path("name").asText())
                    .isEqualTo(mappingsBefore.get(0).path("name").asText());
            assertThat(m.path("component").path("name").asText())
                    .isEqualTo(
                            mappingsBefore.get(0).path("component").path("name").asText());
            assertThat(m.path("tls_secret").asText())
                    .isEqualTo(mappingsBefore.get(0).path("tls_secret").asText());
        });
        assertThat(undone).isEqualTo("restored 1 apps and 1 domain mappings on eu-de");
        assertThat(again).isEqualTo("restored 0 apps and 0 domain mappings on eu-de");
    }
}
