package dev.regionguard.codeengine;

import static dev.regionguard.codeengine.CeFixtures.KEY;
import static dev.regionguard.codeengine.CeFixtures.PRIMARY;
import static dev.regionguard.codeengine.CeFixtures.PRIMARY_REGION;
import static dev.regionguard.codeengine.CeFixtures.STANDBY;
import static dev.regionguard.codeengine.CeFixtures.STANDBY_REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.AppScalingRecord;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.spec.ProtectedSide;
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
        actions = new CeFailoverActions(ce.clients);
        ce.seedPrimary();
        MiniSync.pass(CeEntityTypes.all(CodeEngineStandbyMode.Cold), ce.store(PRIMARY), ce.store(STANDBY));
        ce.change(STANDBY, CeKind.APP, "api", app -> app.put(CeScaling.INITIAL, 0));
    }

    private static CodeEngineProtection protection() {
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setSpec(new CodeEngineProtectionSpec());
        CodeEngineProtectionStatus status = new CodeEngineProtectionStatus();
        status.appScaling = List.of(new AppScalingRecord("api", 2, 20, 3));
        status.domainMappings = List.of(new DomainMappingRecord("www.example.com", "api", "www-tls"));
        cep.setStatus(status);
        return cep;
    }

    @Test
    void activatingRestoresScalingAndMovesDomainsFromStatusAlone() {
        // the old side let its domain go, and is not asked again
        ce.delete(PRIMARY, CeKind.DOMAIN_MAPPING, "www.example.com");
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
        assertThat(again).isEqualTo(data);
    }

    @Test
    void fencingScalesTheOldSideToZeroAndReleasesItsDomains() {
        sim.simulator().setCodeEngineTimings(Duration.ofMillis(100), Duration.ZERO);

        String message = actions.fence(protection(), primary, KEY);

        CeScaling scaling = CeScaling.of(ce.resource(PRIMARY, CeKind.APP, "api"));
        assertThat(scaling.minInstances()).isZero();
        assertThat(scaling.initialInstances()).isZero();
        assertThat(ce.resources(PRIMARY, CeKind.DOMAIN_MAPPING)).isEmpty();
        assertThat(message).contains("scaled 1 apps to 0").contains("deleted 1 domain mappings");
    }
}
