package dev.regionguard.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Condition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a CIS configuration lacks for the edge to steer a protected custom domain. */
class EdgeConfigurationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "www.example.com";
    private static final String US = "us-south";
    private static final String EU = "eu-de";
    private static final String US_POOL = "11111111111111111111111111111111";
    private static final String EU_POOL = "22222222222222222222222222222222";
    private static final String MONITOR = "33333333333333333333333333333333";

    private final Map<String, ObjectNode> pools = new HashMap<>();
    private final Map<String, ObjectNode> monitors = new HashMap<>();
    private ObjectNode balancer = loadBalancer(US_POOL, EU_POOL);

    EdgeConfigurationTest() {
        pools.put(US_POOL, pool("orders-us", target(US), true, true));
        pools.put(EU_POOL, pool("orders-eu", target(EU), true, true));
        ObjectNode monitor = JSON.createObjectNode().put("id", MONITOR).put("type", "https");
        monitor.putObject("header").putArray("Host").add(DOMAIN);
        monitors.put(MONITOR, monitor);
    }

    private static String target(String region) {
        return "custom.abcdefghijk." + region + ".codeengine.appdomain.cloud";
    }

    private static ObjectNode pool(String name, String address, boolean enabled, boolean healthy) {
        ObjectNode pool = JSON.createObjectNode()
                .put("name", name)
                .put("enabled", enabled)
                .put("healthy", healthy)
                .put("monitor", MONITOR);
        pool.putArray("origins")
                .addObject()
                .put("name", name)
                .put("address", address)
                .put("enabled", true)
                .put("healthy", healthy);
        return pool;
    }

    private static ObjectNode loadBalancer(String... order) {
        ObjectNode lb = JSON.createObjectNode().put("name", DOMAIN).put("steering_policy", "off");
        for (String id : order) {
            lb.withArray("default_pools").add(id);
        }
        return lb;
    }

    private EdgeConfiguration.Verdict check(String active, Set<String> fenced, Map<String, String> targets) {
        Map<String, String> poolByRegion = new LinkedHashMap<>();
        poolByRegion.put(US, US_POOL);
        poolByRegion.put(EU, EU_POOL);
        return EdgeConfiguration.check(
                new EdgeConfiguration.Seen(balancer, pools, monitors),
                new EdgeConfiguration.Expected(DOMAIN, poolByRegion, targets, active, fenced));
    }

    private EdgeConfiguration.Verdict check() {
        return check(US, Set.of(), Map.of(US, target(US), EU, target(EU)));
    }

    @Test
    void theTutorialsSetupIsConfiguredAndShowsCisHealthPerRegion() {
        EdgeConfiguration.Verdict verdict = check();

        assertThat(verdict.findings()).isEmpty();
        Condition condition = verdict.condition();
        assertThat(condition.status).isEqualTo("True");
        assertThat(condition.reason).isEqualTo(EdgeConfiguration.CONFIGURED);
        assertThat(verdict.status().servingRegion).isEqualTo(US);
        assertThat(verdict.status().pools)
                .extracting(p -> p.region, p -> p.order, p -> p.healthyOrigins, p -> p.healthy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(US, 1, "1/1", true),
                        org.assertj.core.groups.Tuple.tuple(EU, 2, "1/1", true));
    }

    @Test
    void cisSendsTrafficToTheNextHealthyPoolWhenTheFirstIsDown() {
        pools.put(US_POOL, pool("orders-us", target(US), true, false));

        EdgeConfiguration.Verdict verdict = check();

        assertThat(verdict.status().firstRegion).isEqualTo(US);
        assertThat(verdict.status().servingRegion).isEqualTo(EU);
        assertThat(verdict.findings()).as("health is evidence, not drift").isEmpty();
    }

    @Test
    void eachKindOfDriftIsNamed() {
        balancer = loadBalancer(EU_POOL, US_POOL).put("steering_policy", "geo");
        pools.put(EU_POOL, pool("orders-eu", "custom.zzzzzzzzzzz.eu-de.codeengine.appdomain.cloud", false, false));
        monitors.get(MONITOR).remove("header");

        EdgeConfiguration.Verdict verdict = check();

        assertThat(verdict.findings())
                .containsExactlyInAnyOrder(
                        "steering_policy is geo, not off: default_pools order does not decide",
                        "us-south's pool " + US_POOL + "'s health check does not send Host: " + DOMAIN,
                        "eu-de's pool " + EU_POOL + " is disabled",
                        "eu-de's pool " + EU_POOL + " has no enabled origin at " + target(EU),
                        "eu-de's pool " + EU_POOL + "'s health check does not send Host: " + DOMAIN,
                        "traffic goes to eu-de first, not to the active region us-south");
        assertThat(verdict.condition().reason).isEqualTo(EdgeConfiguration.DRIFT);
        assertThat(verdict.status().servingRegion)
                .as("the first enabled, healthy pool")
                .isEqualTo(US);
    }

    @Test
    void missingObjectsAreFindingsNotFailures() {
        pools.remove(EU_POOL);
        balancer = null;

        EdgeConfiguration.Verdict verdict = check(US, Set.of(), Map.of(US, target(US)));

        assertThat(verdict.findings())
                .containsExactly(
                        "no load balancer " + DOMAIN + " in the zone", "eu-de's pool " + EU_POOL + " does not exist");
        assertThat(verdict.status().pools).extracting(p -> p.region).containsExactly(US, EU);
    }

    @Test
    void afterAFailoverTheFencedRegionsPoolMayBeDisabledAndUnmapped() {
        balancer = loadBalancer(EU_POOL, US_POOL);
        pools.put(US_POOL, pool("orders-us", target(US), false, false));

        EdgeConfiguration.Verdict verdict = check(EU, Set.of(US), Map.of(EU, target(EU)));

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.status().servingRegion).isEqualTo(EU);
        assertThat(check(EU, Set.of(), Map.of(EU, target(EU))).findings())
                .as("not fenced: a disabled, unmapped pool is drift")
                .contains(
                        "us-south's pool " + US_POOL + " is disabled",
                        DOMAIN + " is not mapped in us-south's project yet: no CNAME target");
    }

    @Test
    void aHostHeaderOnTheOriginServesAsWellAsOneOnTheHealthCheck() {
        monitors.get(MONITOR).remove("header");
        for (ObjectNode pool : pools.values()) {
            ((ObjectNode) pool.get("origins").get(0))
                    .putObject("header")
                    .putArray("Host")
                    .add(DOMAIN);
        }

        assertThat(check().findings()).isEmpty();
    }
}
