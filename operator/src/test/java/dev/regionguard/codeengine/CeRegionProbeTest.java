package dev.regionguard.codeengine;

import static dev.regionguard.codeengine.CeFixtures.KEY;
import static dev.regionguard.codeengine.CeFixtures.PRIMARY;
import static dev.regionguard.codeengine.CeFixtures.PRIMARY_REGION;
import static dev.regionguard.codeengine.CeFixtures.STANDBY_REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionguard.api.AppHealthRef;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.controller.protection.ProbeInconclusive;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.spec.ProtectedSide;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What Code Engine's probe makes of a project, its apps and their health paths, on the simulator. */
class CeRegionProbeTest {
    @RegisterExtension
    final SimulatorFixture sim = SimulatorFixture.regions(PRIMARY_REGION, STANDBY_REGION);

    private CeFixtures ce;
    private CeRegionProbe probe;
    private final ProtectedSide primary = new ProtectedSide(PRIMARY_REGION, PRIMARY, null);

    @BeforeEach
    void start() {
        sim.simulator().setCodeEngineTimings(Duration.ZERO, Duration.ZERO);
        ce = new CeFixtures(sim.simulator());
        ce.seedPrimary();
        probe = new CeRegionProbe(ce.clients);
    }

    private static CodeEngineProtection probing(String... apps) {
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setSpec(new CodeEngineProtectionSpec());
        cep.getSpec().apps =
                List.of(apps).stream().map(a -> new AppHealthRef(a, "/")).toList();
        return cep;
    }

    @Test
    void aProjectWhoseAppsAnswerPasses() {
        assertThatCode(() -> probe.probe(probing("api"), primary, KEY)).doesNotThrowAnyException();
    }

    @Test
    void anAppWithoutAPublicEndpointIsInconclusiveNotARegionFailure() {
        ce.change(PRIMARY, CeKind.APP, "api", app -> app.put("managed_domain_mappings", "local"));

        assertThatThrownBy(() -> probe.probe(probing("api"), primary, KEY))
                .isInstanceOfSatisfying(
                        ProbeInconclusive.class, e -> assertThat(e.reason()).isEqualTo("AppWithoutEndpoint"));
    }

    @Test
    void aRegionThatIsDownFailsAsTheRegion() {
        sim.simulator().faults(PRIMARY_REGION).down(DownMode.UNAVAILABLE);

        assertThatThrownBy(() -> probe.probe(probing("api"), primary, KEY))
                .isInstanceOfSatisfying(
                        IbmApiException.class,
                        e -> assertThat(e.category()).isIn(ErrorCategory.SERVER, ErrorCategory.UNREACHABLE));
    }
}
