package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Global load balancing over Code Engine: pool health comes from probing the mapped custom domain in
 * each region, and the edge serves from the first healthy pool, following region outages.
 */
class CisLoadBalancingTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static final AtomicInteger SITES = new AtomicInteger();

    private static IbmCloudSimulator simulator;
    private static SimClient client;

    /** One load balanced site: a domain mapped in a project of each region, a pool per region, one LB. */
    private record Site(
            String host,
            CisFixtures cis,
            CeFixtures usProject,
            String monitor,
            String usPool,
            String euPool,
            String lb) {

        JsonNode pool(String id) {
            return cis.read("load_balancers/pools/" + id);
        }

        SimClient.Response edge() {
            return client.getAnonymous(simulator.cis().edgeUrl(host) + "/cart?item=1");
        }
    }

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "glb-key");
    }

    @BeforeEach
    void fastCodeEngine() {
        simulator.setCodeEngineTimings(Duration.ofMillis(20), Duration.ZERO);
    }

    @AfterEach
    void heal() {
        simulator.cis().faults().clear();
    }

    /** A new project of the region with app {@code web} mapped to {@code domain}, ready. */
    private static CeFixtures mappedProject(String region, String domain) {
        CeFixtures ce = CeFixtures.inNewProject(simulator, client, region);
        ce.app("web");
        ce.secret("tls", "tls");
        ce.create(
                "domain_mappings",
                CeFixtures.component(SimClient.object().put("name", domain).put("tls_secret", "tls"), "web", "app_v2"));
        CeFixtures.eventually().until(() -> mappingStatus(ce, domain).equals("ready"));
        return ce;
    }

    private static String mappingStatus(CeFixtures ce, String domain) {
        return ce.get("domain_mappings", domain).get("status").asText();
    }

    private static String cnameTarget(CeFixtures ce, String domain) {
        return ce.get("domain_mappings", domain).get("cname_target").asText();
    }

    /** LB {@code host}: default pools us-south then eu-de; the fallback is eu-de. */
    private static Site site() {
        String host = "www.site" + SITES.incrementAndGet() + ".example.com";
        CeFixtures us = mappedProject("us-south", host);
        CeFixtures eu = mappedProject("eu-de", host);
        CisFixtures cis = new CisFixtures(simulator, client, simulator.cis().createInstance("example.com"));
        String monitor = cis.create("load_balancers/monitors", CisFixtures.monitorBody(host));
        String usPool = cis.create(
                "load_balancers/pools", CisFixtures.poolBody("us-south-pool", monitor, cnameTarget(us, host)));
        String euPool =
                cis.create("load_balancers/pools", CisFixtures.poolBody("eu-de-pool", monitor, cnameTarget(eu, host)));
        String lb = cis.create(
                cis.loadBalancers("example.com"), CisFixtures.loadBalancerBody(host, euPool, usPool, euPool));
        return new Site(host, cis, us, monitor, usPool, euPool, lb);
    }

    private static void assertServedBy(Site site, String pool, String region) {
        SimClient.Response answer = site.edge();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("X-Sim-Pool")).isEqualTo(pool);
        assertThat(answer.json().get("region").asText()).isEqualTo(region);
        assertThat(answer.json().get("app").asText()).isEqualTo("web");
    }

    @Test
    void aPoolIsHealthyWhileItsMappedAppIsReadyAndTheEdgeUsesTheFirstPool() {
        Site site = site();
        simulator.resetStats();

        JsonNode pool = site.pool(site.usPool());

        assertThat(pool.get("healthy").asBoolean()).isTrue();
        assertThat(pool.get("origins").get(0).get("healthy").asBoolean()).isTrue();
        assertThat(pool.get("origins").get(0).has("failure_reason")).isFalse();
        assertServedBy(site, "us-south-pool", "us-south");
        assertThat(site.edge().header("X-Sim-Pool-Id")).isEqualTo(site.usPool());
        assertThat(simulator.appTrafficStats("us-south").status(200)).isEqualTo(2);
        assertThat(simulator.appTrafficStats("eu-de").calls()).isZero();
    }

    @Test
    void aRegionOutageMakesItsPoolUnhealthyAndTheEdgeFailsOver() {
        Site site = site();

        simulator.faults("us-south").down(DownMode.UNAVAILABLE);
        JsonNode unavailable = site.pool(site.usPool());
        assertServedBy(site, "eu-de-pool", "eu-de");
        simulator.faults("us-south").down(DownMode.CONNECTION_RESET);
        JsonNode reset = site.pool(site.usPool());
        simulator.faults("us-south").down(DownMode.BLACKHOLE);
        JsonNode blackhole = site.pool(site.usPool());
        assertServedBy(site, "eu-de-pool", "eu-de");

        assertThat(unavailable.get("healthy").asBoolean()).isFalse();
        assertThat(unavailable.get("origins").get(0).get("failure_reason").asText())
                .isEqualTo("Response code mismatch error");
        assertThat(reset.get("origins").get(0).get("failure_reason").asText()).isEqualTo("TCP connection failed");
        assertThat(blackhole.get("origins").get(0).get("failure_reason").asText())
                .isEqualTo("HTTP timeout occurred");
        assertThat(site.pool(site.euPool()).get("healthy").asBoolean()).isTrue();

        simulator.faults("us-south").up();
        assertThat(site.pool(site.usPool()).get("healthy").asBoolean()).isTrue();
        assertServedBy(site, "us-south-pool", "us-south");
    }

    @Test
    void aDisabledPoolIsSkipped() {
        Site site = site();
        ObjectNode disabled = CisFixtures.poolBody(
                        "us-south-pool", site.monitor(), cnameTarget(site.usProject(), site.host()))
                .put("enabled", false);

        CisFixtures.result(site.cis().put("load_balancers/pools/" + site.usPool(), disabled));

        assertThat(site.pool(site.usPool()).get("healthy").asBoolean()).isFalse();
        assertServedBy(site, "eu-de-pool", "eu-de");
    }

    @Test
    void withEveryDefaultPoolDownTheFallbackServesAndWithoutItTheEdgeAnswers503() {
        Site site = site();
        String onlyUs = site.cis().loadBalancers("example.com") + "/" + site.lb();
        CisFixtures.result(
                site.cis().put(onlyUs, CisFixtures.loadBalancerBody(site.host(), site.euPool(), site.usPool())));

        simulator.faults("us-south").down(DownMode.UNAVAILABLE);
        assertServedBy(site, "eu-de-pool", "eu-de");
        simulator.faults("eu-de").down(DownMode.UNAVAILABLE);
        SimClient.Response none = site.edge();

        JsonNode error = IbmErrorAssert.assertIbmError(none, 503);
        assertThat(error.get("message").asText()).contains(site.host());
        assertThat(none.header("X-Sim-Pool")).isNull();
    }

    @Test
    void theProbeNeedsAReadyMappingNamedByTheMonitorsHost() {
        Site site = site();
        CisFixtures.result(site.cis()
                .put("load_balancers/monitors/" + site.monitor(), CisFixtures.monitorBody("www.unmapped.example.com")));

        JsonNode pool = site.pool(site.usPool());

        assertThat(pool.get("healthy").asBoolean()).isFalse();
        assertThat(pool.get("origins").get(0).get("failure_reason").asText()).isEqualTo("Response code mismatch error");
        assertThat(site.edge().status()).isEqualTo(503);
    }

    @Test
    void aDeployingMappingIsUnhealthyUntilReady() {
        simulator.setCodeEngineTimings(Duration.ofSeconds(1), Duration.ZERO);
        String host = "www.late.example.com";
        CeFixtures ce = CeFixtures.inNewProject(simulator, client, "eu-de");
        ce.app("web");
        ce.secret("tls", "tls");
        JsonNode mapping = ce.create(
                "domain_mappings",
                CeFixtures.component(SimClient.object().put("name", host).put("tls_secret", "tls"), "web", "app_v2"));
        CisFixtures cis = new CisFixtures(simulator, client, simulator.cis().createInstance("example.com"));
        String monitor = cis.create("load_balancers/monitors", CisFixtures.monitorBody(host));
        String pool = cis.create(
                "load_balancers/pools",
                CisFixtures.poolBody(
                        "late", monitor, mapping.get("cname_target").asText()));

        assertThat(mapping.get("status").asText()).isEqualTo("deploying");
        assertThat(cis.read("load_balancers/pools/" + pool).get("healthy").asBoolean())
                .isFalse();
        CeFixtures.eventually()
                .until(() ->
                        cis.read("load_balancers/pools/" + pool).get("healthy").asBoolean());
        assertThat(mappingStatus(ce, host)).isEqualTo("ready");
    }

    @Test
    void theAppGoingAwayFailsTheMappingAndItsOrigin() {
        Site site = site();

        client.delete(site.usProject().url("apps", "web"));

        CeFixtures.eventually()
                .until(() -> !site.pool(site.usPool()).get("healthy").asBoolean());
        assertServedBy(site, "eu-de-pool", "eu-de");
    }

    @Test
    void expectedCodesMinimumOriginsAndUnknownAddressesDecideHealth() {
        Site site = site();
        String target = cnameTarget(site.usProject(), site.host());
        ObjectNode two = CisFixtures.poolBody("two", site.monitor(), target, "192.0.2.10")
                .put("minimum_origins", 2);
        String pool = site.cis().create("load_balancers/pools", two);

        JsonNode needsTwo = site.pool(pool);
        CisFixtures.result(site.cis().put("load_balancers/pools/" + pool, two.put("minimum_origins", 1)));
        JsonNode needsOne = site.pool(pool);
        CisFixtures.result(site.cis()
                .put(
                        "load_balancers/monitors/" + site.monitor(),
                        CisFixtures.monitorBody(site.host()).put("expected_codes", "3xx")));
        JsonNode wrongCodes = site.pool(pool);

        assertThat(needsTwo.get("healthy").asBoolean()).isFalse();
        assertThat(needsTwo.get("origins").get(0).get("healthy").asBoolean()).isTrue();
        assertThat(needsTwo.get("origins").get(1).get("failure_reason").asText())
                .isEqualTo("DNS unknown host");
        assertThat(needsOne.get("healthy").asBoolean()).isTrue();
        assertThat(wrongCodes.get("healthy").asBoolean()).isFalse();
        assertThat(wrongCodes.get("origins").get(0).get("failure_reason").asText())
                .isEqualTo("Response code mismatch error");
    }

    @Test
    void theEdgeKeepsServingWhileTheCisApiIsDown() {
        Site site = site();

        simulator.cis().faults().down(DownMode.UNAVAILABLE);

        CisFixtures.error(site.cis().get("load_balancers/pools"), 503);
        assertServedBy(site, "us-south-pool", "us-south");
    }

    @Test
    void unknownHostNamesAnswer404AtTheEdge() {
        IbmErrorAssert.assertIbmError(client.getAnonymous(simulator.cis().edgeUrl("www.nowhere.example.com")), 404);
    }

    @Test
    void latencyBeyondTheMonitorsTimeoutFailsTheProbeAndTcpMonitorsOnlyNeedAConnection() {
        Site site = site();
        CisFixtures.result(site.cis()
                .put(
                        "load_balancers/monitors/" + site.monitor(),
                        CisFixtures.monitorBody(site.host()).put("timeout", 1)));
        simulator.faults("us-south").latency(Duration.ofMillis(1100));

        JsonNode slow = site.pool(site.usPool());
        simulator.faults("us-south").latency(Duration.ZERO);
        simulator.faults("us-south").down(DownMode.UNAVAILABLE);
        CisFixtures.result(site.cis()
                .put(
                        "load_balancers/monitors/" + site.monitor(),
                        SimClient.object().put("type", "tcp").put("port", 443)));
        JsonNode tcpWhileUnavailable = site.pool(site.usPool());
        simulator.faults("us-south").down(DownMode.CONNECTION_RESET);
        JsonNode tcpWhileReset = site.pool(site.usPool());

        assertThat(slow.get("healthy").asBoolean()).isFalse();
        assertThat(slow.get("origins").get(0).get("failure_reason").asText()).isEqualTo("HTTP timeout occurred");
        assertThat(tcpWhileUnavailable.get("healthy").asBoolean()).isTrue();
        assertThat(tcpWhileReset.get("healthy").asBoolean()).isFalse();
    }
}
