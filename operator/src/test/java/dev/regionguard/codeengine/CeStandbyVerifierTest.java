package dev.regionguard.codeengine;

import static dev.regionguard.codeengine.CeFixtures.KEY;
import static dev.regionguard.codeengine.CeFixtures.PRIMARY;
import static dev.regionguard.codeengine.CeFixtures.PRIMARY_REGION;
import static dev.regionguard.codeengine.CeFixtures.STANDBY_REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.AppHealthRef;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.VerificationCheck;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.spec.VerificationSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What Code Engine's proof of a standby exercises, on the simulator: app health paths, then job runs. */
class CeStandbyVerifierTest {
    @RegisterExtension
    final SimulatorFixture sim = SimulatorFixture.regions(PRIMARY_REGION, STANDBY_REGION);

    private CeFixtures ce;
    private CeStandbyVerifier verifier;
    private final ProtectedSide side = new ProtectedSide(PRIMARY_REGION, PRIMARY, null);

    @BeforeEach
    void start() {
        sim.simulator().setCodeEngineTimings(Duration.ZERO, Duration.ZERO);
        ce = new CeFixtures(sim.simulator());
        ce.seedPrimary();
        verifier = new CeStandbyVerifier(ce.clients);
    }

    private static CodeEngineProtection withApps(String... apps) {
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setSpec(new CodeEngineProtectionSpec());
        cep.getSpec().apps =
                List.of(apps).stream().map(a -> new AppHealthRef(a, "/")).toList();
        return cep;
    }

    private List<VerificationCheck> prove(CodeEngineProtection cep, List<String> jobs, Duration timeout) {
        VerificationSettings settings = new VerificationSettings(Duration.ofHours(1), timeout, List.of(), jobs);
        return verifier.verify(cep, side, KEY, settings, System.nanoTime() + timeout.toNanos());
    }

    @Test
    void anAppThatAnswersAndAJobThatCompletesPass() {
        List<VerificationCheck> checks = prove(withApps("api"), List.of("nightly"), Duration.ofSeconds(30));

        assertThat(checks).extracting(c -> c.name).containsExactly("app/api", "job/nightly");
        assertThat(checks).allSatisfy(c -> assertThat(c.passed).as(c.message).isTrue());
        assertThat(checks.get(0).message).startsWith("/ answered 200 in ").endsWith("ms, cold start included");
        assertThat(checks.get(1).message).matches("run \\S+ completed in \\d+ms");
    }

    @Test
    void aJobRunThatFailsAndAnAppThatIsMissingFailTheirChecks() {
        sim.simulator().failImage("icr.io/codeengine/firstjob");

        List<VerificationCheck> checks = prove(withApps("gone"), List.of("nightly"), Duration.ofSeconds(30));

        assertThat(checks).extracting(c -> c.passed).containsExactly(false, false);
        assertThat(checks.get(0).message).contains("404");
        assertThat(checks.get(1).message).matches("run \\S+ failed in \\d+ms");
    }

    @Test
    void whatTheTimeoutLeavesNoRoomForIsNotRun() {
        List<VerificationCheck> checks = prove(withApps("api"), List.of("nightly"), Duration.ZERO.plusNanos(1));

        assertThat(checks).allSatisfy(c -> {
            assertThat(c.passed).isFalse();
            assertThat(c.message).startsWith("not run: the proof took longer than verification.timeout");
        });
    }
}
