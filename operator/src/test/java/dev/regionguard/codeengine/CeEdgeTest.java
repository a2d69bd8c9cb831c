package dev.regionguard.codeengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.EdgeSpec;
import dev.regionguard.api.EdgeStatus;
import dev.regionguard.api.HealthState;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.edge.CisClient;
import dev.regionguard.edge.HttpCisClients;
import dev.regionguard.health.EdgeConfiguration;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.testing.SimulatorClients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Steering a CIS load balancer through the operator's own CIS client, against the simulator's CIS. */
class CeEdgeTest {
    private static final ApiKey KEY = new ApiKey("edge-test-key-0123");
    private static final String ZONE = "example.com";
    private static final String DOMAIN = "www.example.com";

    @RegisterExtension
    final SimulatorFixture sim = SimulatorFixture.regions("us-south", "eu-de");

    private HttpCisClients clients;
    private EdgeSpec spec;
    private CeEdge edge;

    @BeforeEach
    void seed() {
        String crn = sim.simulator().cis().createInstance(ZONE);
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("us-south", "custom.aaaaaaaaaaa.us-south.codeengine.appdomain.cloud");
        targets.put("eu-de", "custom.bbbbbbbbbbb.eu-de.codeengine.appdomain.cloud");
        Map<String, String> pools = sim.simulator().cis().seedLoadBalancer(crn, ZONE, DOMAIN, targets);
        spec = new EdgeSpec();
        spec.cisInstanceCrn = crn;
        spec.zone = ZONE;
        spec.loadBalancer = DOMAIN;
        pools.forEach((region, id) -> spec.pools.add(new EdgeSpec.EdgePool(region, id)));
        clients = SimulatorClients.cis(sim.simulator(), null);
        edge = new CeEdge(clients);
    }

    private CisClient cis() {
        return clients.forInstance(spec.cisInstanceCrn, KEY);
    }

    private String firstPool() {
        String zone = cis().zoneId(ZONE).orElseThrow();
        return EdgeConfiguration.defaultPools(cis().loadBalancer(zone, DOMAIN).orElseThrow())
                .get(0);
    }

    private String pool(String region) {
        return spec.pools.stream()
                .filter(p -> p.region.equals(region))
                .findFirst()
                .orElseThrow()
                .poolId;
    }

    @Test
    void steeringPutsTheRegionsPoolFirstAndKeepsEverythingElse() {
        String zone = cis().zoneId(ZONE).orElseThrow();
        ObjectNode before = cis().loadBalancer(zone, DOMAIN).orElseThrow();
        edge.setEnabled(spec, "eu-de", KEY, false);

        String message = edge.steerTo(spec, "eu-de", KEY);

        assertThat(message).contains("sends traffic to eu-de first");
        assertThat(firstPool()).isEqualTo(pool("eu-de"));
        assertThat(cis().pool(pool("eu-de")).path("enabled").asBoolean()).isTrue();
        ObjectNode after = cis().loadBalancer(zone, DOMAIN).orElseThrow();
        for (String field : new String[] {"fallback_pool", "proxied", "steering_policy", "name", "created_on"}) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(edge.steerTo(spec, "eu-de", KEY))
                .as("again: nothing to change")
                .contains("(already)");
    }

    @Test
    void disablingAPoolKeepsItsOriginsAndMonitorAndIsReadBack() {
        ObjectNode before = cis().pool(pool("us-south"));

        assertThat(edge.setEnabled(spec, "us-south", KEY, false)).startsWith("disabled pool");

        ObjectNode after = cis().pool(pool("us-south"));
        assertThat(after.path("enabled").asBoolean()).isFalse();
        assertThat(after.get("monitor")).isEqualTo(before.get("monitor"));
        assertThat(after.get("origins").get(0).get("address"))
                .isEqualTo(before.get("origins").get(0).get("address"));
        assertThat(edge.enabled(spec, "us-south", KEY)).contains(false);
    }

    @Test
    void cisSeesARegionHealthyOnlyWhenItsPoolIsEnabledAndHealthy() {
        EdgeStatus status = new EdgeStatus();
        status.pools = List.of(
                poolStatus("us-south", true, true),
                poolStatus("us-east", false, true),
                poolStatus("eu-de", true, null));
        assertThat(CeEdge.health(status))
                .containsExactly(
                        Map.entry("eu-de", HealthState.Unhealthy),
                        Map.entry("us-east", HealthState.Unhealthy),
                        Map.entry("us-south", HealthState.Healthy));
    }

    private static EdgeStatus.EdgePoolStatus poolStatus(String region, Boolean enabled, Boolean healthy) {
        EdgeStatus.EdgePoolStatus pool = new EdgeStatus.EdgePoolStatus();
        pool.region = region;
        pool.enabled = enabled;
        pool.healthy = healthy;
        return pool;
    }

    @Test
    void aCisOutageIsAnErrorNotASilentSuccess() {
        sim.simulator().cis().faults().down(DownMode.UNAVAILABLE);
        try {
            assertThatThrownBy(() -> edge.setEnabled(spec, "us-south", KEY, false))
                    .isInstanceOf(IbmApiException.class);
        } finally {
            sim.simulator().cis().faults().up();
        }
        assertThat(cis().pool(pool("us-south")).path("enabled").asBoolean()).isTrue();
    }
}
