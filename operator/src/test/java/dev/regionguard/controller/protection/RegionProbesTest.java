package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.HealthState;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.eventnotifications.EnRegionProbe;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.health.ProbeOutcome;
import dev.regionguard.health.RegionHealth;
import dev.regionguard.operator.ProbeResources;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.spec.HealthCheckSettings;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.telemetry.RegionGuardMetrics;
import dev.regionguard.testing.SimulatorClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Probes through production's probe stack ({@link ProbeResources}: its OkHttp client, token cache and
 * HTTP layer) against the simulator: what each kind of trouble makes of the region, and that a region
 * that stops answering gives its thread back at the probe's deadline.
 */
class RegionProbesTest {
    private static final String UP = "us-south";
    private static final String DOWN = "eu-de";
    private static final ApiKey KEY = new ApiKey("probe-test-key");
    private static final EventNotificationsProtection PROTECTION = new EventNotificationsProtection();

    @RegisterExtension
    final SimulatorFixture sim = SimulatorFixture.regions(UP, DOWN);

    /** One thread: whether the next probe runs tells whether the previous one let go of it. */
    private final ExecutorService oneThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        oneThread.shutdownNow();
    }

    private EnRegionProbe probeVia(String iamTokenUrl) {
        HttpSettings settings = HttpSettings.defaults(); // production's: a 30 s read timeout
        ProbeResources resources = ProbeResources.create(
                IbmHttp.newOkHttpClient(settings),
                settings,
                iamTokenUrl,
                new RegionGuardMetrics(new SimpleMeterRegistry(), Clock.systemUTC()),
                Clock.systemUTC());
        resources.executor().shutdown(); // the tests use their own pool
        return new EnRegionProbe(
                new HttpEventNotificationsClients(SimulatorClients.endpoints(sim.simulator()), resources.http()));
    }

    private EnRegionProbe probe() {
        return probeVia(SimulatorClients.endpoints(sim.simulator()).iamTokenUrl());
    }

    private ProbeOutcome probeOnce(EnRegionProbe probe, String region, Duration timeout) {
        ProtectedSide side = new ProtectedSide(region, sim.simulator().createEventNotificationsInstance(region), null);
        return RegionProbes.probeOne(oneThread, () -> probe.probe(PROTECTION, side, KEY), timeout);
    }

    @Test
    void aRegionThatAnswersIsASuccess() {
        assertThat(probeOnce(probe(), UP, Duration.ofSeconds(30))).isInstanceOf(ProbeOutcome.Success.class);
    }

    @Test
    void aBlackholedRegionFailsAtTheDeadlineAndItsCallIsCancelled() {
        EnRegionProbe probe = probe();
        ProtectedSide down = new ProtectedSide(DOWN, sim.simulator().createEventNotificationsInstance(DOWN), null);
        probeOnce(probe, UP, Duration.ofSeconds(30)); // the token is cached: only the region is slow
        sim.simulator().faults(DOWN).down(DownMode.BLACKHOLE);

        long start = System.nanoTime();
        ProbeOutcome outcome =
                RegionProbes.probeOne(oneThread, () -> probe.probe(PROTECTION, down, KEY), Duration.ofMillis(500));
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ProbeOutcome.Failure.class, f -> assertThat(f.message()).contains("no answer within 500ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

        // The simulator holds the blackholed call open for 30 s and the read timeout is 30 s: only a
        // cancelled call frees the single thread in time for this probe to run within its 10 s.
        assertThat(probeOnce(probe, UP, Duration.ofSeconds(10))).isInstanceOf(ProbeOutcome.Success.class);
    }

    @Test
    void anIamThatCannotBeReachedMakesTheRegionUnknownNotUnhealthy() {
        ProbeOutcome outcome = probeOnce(probeVia("http://127.0.0.1:1/identity/token"), UP, Duration.ofSeconds(30));

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Inconclusive.class, i -> {
            assertThat(i.reason()).isEqualTo("IamUnavailable");
            assertThat(i.credentials()).isFalse();
        });
        RegionHealth health = RegionHealth.unknown(Instant.EPOCH);
        for (int i = 0; i < 10; i++) {
            health = health.next(outcome, HealthCheckSettings.DEFAULTS, Instant.EPOCH);
        }
        assertThat(health.state()).isEqualTo(HealthState.Unknown);
        assertThat(health.consecutiveFailures()).isZero();
        assertThat(health.lastError()).startsWith("IamUnavailable: ");
    }

    @Test
    void aKeyIamRejectsIsIamKeyRejectedAndACredentialsProblem() {
        sim.simulator().revokeApiKey(KEY.reveal());

        assertThat(probeOnce(probe(), UP, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(ProbeOutcome.Inconclusive.class, i -> {
                    assertThat(i.reason()).isEqualTo("IamKeyRejected");
                    assertThat(i.credentials()).isTrue();
                });
    }

    @Test
    void aBugInAProbeIsProbeErrorNotARegionFailure() {
        ProbeOutcome outcome = RegionProbes.probeOne(
                oneThread,
                () -> {
                    throw new NullPointerException("side.id");
                },
                Duration.ofSeconds(30));

        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Inconclusive.class, i -> {
            assertThat(i.reason()).isEqualTo("ProbeError");
            assertThat(i.message()).contains("NullPointerException").contains("side.id");
        });
    }

    @Test
    void callsOfAProbeGetWhatIsLeftOfItsTimeout() {
        // CeRegionProbe sets each app call's timeout from this, so healthCheck.timeout bounds the app too
        AtomicReference<Duration> left = new AtomicReference<>();
        RegionProbes.probeOne(
                oneThread, () -> left.set(ProbeCalls.remaining(Duration.ofHours(1))), Duration.ofSeconds(5));

        assertThat(left.get()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(ProbeCalls.remaining(Duration.ofHours(1)))
                .as("outside a probe")
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aProbeThatFindsNoFreeThreadIsBacklogAndNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        oneThread.submit(() -> {
            release.await();
            return null;
        });
        AtomicInteger ran = new AtomicInteger();

        ProbeOutcome outcome = RegionProbes.probeOne(oneThread, ran::incrementAndGet, Duration.ofMillis(200));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ProbeOutcome.Inconclusive.class,
                        i -> assertThat(i.reason()).isEqualTo("ProbeBacklog"));
        release.countDown();
        oneThread.shutdown();
        assertThat(oneThread.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).as("an abandoned probe does not run late").hasValue(0);
    }
}
