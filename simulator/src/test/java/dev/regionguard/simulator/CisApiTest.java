package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CIS load balancing API's wire format: envelope, CRUD with full-replace PUT, validation, auth, faults. */
class CisApiTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south");

    private static IbmCloudSimulator simulator;
    private static SimClient client;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "cis-key");
    }

    @AfterEach
    void heal() {
        simulator.cis().faults().clear();
    }

    private static CisFixtures newInstance(String... zones) {
        return new CisFixtures(simulator, client, simulator.cis().createInstance(zones));
    }

    @Test
    void zonesAreListedWithTheirIdsInTheEnvelope() {
        String crn = simulator.cis().createInstance("example.com", "example.org");
        CisFixtures cis = new CisFixtures(simulator, client, crn);

        JsonNode body = cis.get("zones").json();

        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("result")).hasSize(2);
        assertThat(body.get("result_info").get("total_count").asInt()).isEqualTo(2);
        JsonNode zone = body.get("result").get(0);
        assertThat(zone.get("name").asText()).isEqualTo("example.com");
        assertThat(zone.get("id").asText())
                .matches("[0-9a-f]{32}")
                .isEqualTo(simulator.cis().zoneId(crn, "example.com"));
        assertThat(zone.get("status").asText()).isEqualTo("active");
        assertThat(cis.read("zones/" + zone.get("id").asText()).get("name").asText())
                .isEqualTo("example.com");
        assertThat(crn).startsWith("crn:v1:bluemix:public:internet-svcs:global:a/");
    }

    @Test
    void aMonitorIsCreatedWithDefaultsAndReplacedWhole() {
        CisFixtures cis = newInstance("example.com");
        ObjectNode body = CisFixtures.monitorBody("www.example.com").put("retries", 4);

        JsonNode created = CisFixtures.result(cis.post("load_balancers/monitors", body));

        assertThat(created.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(created.get("method").asText()).isEqualTo("GET");
        assertThat(created.get("port").asInt()).isEqualTo(443);
        assertThat(created.get("retries").asInt()).isEqualTo(4);
        assertThat(created.get("expected_body").asText()).isEmpty();
        assertThat(created.get("header").get("Host").get(0).asText()).isEqualTo("www.example.com");
        String id = created.get("id").asText();

        JsonNode replaced = CisFixtures.result(
                cis.put("load_balancers/monitors/" + id, SimClient.object().put("type", "http")));

        assertThat(replaced.get("id").asText()).isEqualTo(id);
        assertThat(replaced.get("created_on").asText())
                .isEqualTo(created.get("created_on").asText());
        assertThat(replaced.get("modified_on").asText())
                .isNotEqualTo(created.get("modified_on").asText());
        assertThat(replaced.get("retries").asInt()).isEqualTo(2);
        assertThat(replaced.get("path").asText()).isEqualTo("/");
        assertThat(replaced.get("port").asInt()).isEqualTo(80);
        assertThat(replaced.get("header")).isEmpty();
        assertThat(cis.read("load_balancers/monitors/" + id)).isEqualTo(replaced);
        assertThat(cis.get("load_balancers/monitors").json().get("result")).hasSize(1);
    }

    @Test
    void putRefusesWhatCreateRefusesAndKeepsTheOldObject() {
        CisFixtures cis = newInstance("example.com");
        String monitor = cis.create("load_balancers/monitors", CisFixtures.monitorBody("www.example.com"));
        String pool = cis.create("load_balancers/pools", CisFixtures.poolBody("primary", monitor, "192.0.2.1"));

        JsonNode noType = CisFixtures.error(
                cis.put("load_balancers/monitors/" + monitor, SimClient.object().put("path", "/x")), 400);
        ObjectNode noRegions = CisFixtures.poolBody("primary", monitor, "192.0.2.1");
        noRegions.remove("check_regions");
        ObjectNode noOrigins = CisFixtures.poolBody("primary", monitor);
        ObjectNode badCodes = CisFixtures.monitorBody("www.example.com").put("expected_codes", "ok");

        assertThat(noType.get("code").asInt()).isEqualTo(1002);
        assertThat(noType.get("message").asText()).contains("type");
        assertThat(CisFixtures.error(cis.put("load_balancers/pools/" + pool, noRegions), 400)
                        .get("message")
                        .asText())
                .contains("check_regions");
        assertThat(CisFixtures.error(cis.put("load_balancers/pools/" + pool, noOrigins), 400)
                        .get("message")
                        .asText())
                .contains("origins");
        CisFixtures.error(cis.put("load_balancers/monitors/" + monitor, badCodes), 400);
        CisFixtures.error(cis.post("load_balancers/pools", CisFixtures.poolBody("bad name", null, "a")), 400);
        CisFixtures.error(cis.post("load_balancers/pools", CisFixtures.poolBody("p", "0".repeat(32), "a")), 400);
        assertThat(cis.read("load_balancers/pools/" + pool)
                        .get("check_regions")
                        .get(0)
                        .asText())
                .isEqualTo("WNAM");
        assertThat(cis.read("load_balancers/monitors/" + monitor).get("type").asText())
                .isEqualTo("https");
    }

    @Test
    void aPoolIsReplacedWholeAndOmittedFieldsGoBackToDefaults() {
        CisFixtures cis = newInstance("example.com");
        ObjectNode body = CisFixtures.poolBody("primary", null, "192.0.2.1", "192.0.2.2")
                .put("description", "first")
                .put("minimum_origins", 2)
                .put("enabled", false);
        ((ObjectNode) body.get("origins").get(1)).put("enabled", false);
        JsonNode created = CisFixtures.result(cis.post("load_balancers/pools", body));
        String id = created.get("id").asText();

        assertThat(created.get("enabled").asBoolean()).isFalse();
        assertThat(created.get("healthy").asBoolean()).isFalse();
        assertThat(created.get("origins").get(1).has("disabled_at")).isTrue();

        JsonNode replaced = CisFixtures.result(
                cis.put("load_balancers/pools/" + id, CisFixtures.poolBody("renamed", null, "192.0.2.3")));

        assertThat(replaced.get("name").asText()).isEqualTo("renamed");
        assertThat(replaced.get("description").asText()).isEmpty();
        assertThat(replaced.get("minimum_origins").asInt()).isEqualTo(1);
        assertThat(replaced.get("enabled").asBoolean()).isTrue();
        assertThat(replaced.has("monitor")).isFalse();
        assertThat(replaced.get("origins")).hasSize(1);
        assertThat(replaced.get("healthy").asBoolean())
                .as("no monitor: origins count as healthy")
                .isTrue();
    }

    @Test
    void loadBalancersNeedTheirPoolsAndAHostNameInTheZone() {
        CisFixtures cis = newInstance("example.com");
        String zone = cis.loadBalancers("example.com");
        String pool = cis.create("load_balancers/pools", CisFixtures.poolBody("primary", null, "192.0.2.1"));

        CisFixtures.error(cis.post(zone, CisFixtures.loadBalancerBody("www.example.org", pool, pool)), 400);
        CisFixtures.error(cis.post(zone, CisFixtures.loadBalancerBody("www.example.com", pool, "f".repeat(32))), 400);
        CisFixtures.error(cis.post(zone, SimClient.object().put("name", "www.example.com")), 400);
        JsonNode lb = CisFixtures.result(cis.post(zone, CisFixtures.loadBalancerBody("WWW.example.com", pool, pool)));
        CisFixtures.error(cis.post(zone, CisFixtures.loadBalancerBody("www.example.com", pool, pool)), 400);

        assertThat(lb.get("name").asText()).isEqualTo("www.example.com");
        assertThat(lb.get("enabled").asBoolean()).isTrue();
        assertThat(lb.get("ttl").asInt()).isEqualTo(30);
        assertThat(lb.get("session_affinity").asText()).isEqualTo("none");
        assertThat(lb.get("region_pools")).isEmpty();
        String lbPath = zone + "/" + lb.get("id").asText();
        JsonNode replaced = CisFixtures.result(cis.put(
                lbPath,
                CisFixtures.loadBalancerBody("api.example.com", pool, pool).put("proxied", false)));
        assertThat(replaced.get("name").asText()).isEqualTo("api.example.com");
        assertThat(replaced.get("steering_policy").asText()).isEqualTo("off");
        assertThat(cis.get(zone).json().get("result")).hasSize(1);
        assertThat(cis.send("PATCH", lbPath, SimClient.object()).status()).isEqualTo(405);
    }

    @Test
    void whatIsInUseCannotBeDeletedAndDeletesAnswerTheId() {
        CisFixtures cis = newInstance("example.net");
        String zone = cis.loadBalancers("example.net");
        String monitor = cis.create("load_balancers/monitors", CisFixtures.monitorBody("www.example.net"));
        String pool = cis.create("load_balancers/pools", CisFixtures.poolBody("primary", monitor, "192.0.2.1"));
        String lb = cis.create(zone, CisFixtures.loadBalancerBody("www.example.net", pool, pool));

        CisFixtures.error(cis.delete("load_balancers/monitors/" + monitor), 400);
        CisFixtures.error(cis.delete("load_balancers/pools/" + pool), 400);
        assertThat(CisFixtures.result(cis.delete(zone + "/" + lb)).get("id").asText())
                .isEqualTo(lb);
        assertThat(CisFixtures.result(cis.delete("load_balancers/pools/" + pool))
                        .get("id")
                        .asText())
                .isEqualTo(pool);
        CisFixtures.result(cis.delete("load_balancers/monitors/" + monitor));

        assertThat(CisFixtures.error(cis.get("load_balancers/pools/" + pool), 404)
                        .get("code")
                        .asInt())
                .isEqualTo(1003);
        CisFixtures.error(cis.get(zone + "/" + lb), 404);
    }

    @Test
    void theTokenIsRequiredAndDenialsAnswer403() {
        String crn = simulator.cis().createInstance("example.com");
        CisFixtures cis = new CisFixtures(simulator, client, crn);
        String url = cis.url("load_balancers/pools");

        CisFixtures.error(client.getAnonymous(url), 401);
        CisFixtures.error(
                client.send(HttpRequest.newBuilder(URI.create(url))
                        .header("X-Auth-User-Token", "Bearer not-a-token")
                        .build()),
                401);
        CisFixtures.result(client.get(url));
        CisFixtures.result(cis.get("load_balancers/pools"));
        CisFixtures.error(new CisFixtures(simulator, client, crn + "x").get("load_balancers/pools"), 404);

        simulator.cis().denyAccess("cis-key", crn);
        CisFixtures.error(cis.get("load_balancers/pools"), 403);
        simulator.cis().allowAccess("cis-key", crn);
        CisFixtures.result(cis.get("load_balancers/pools"));
    }

    @Test
    void theApiFollowsItsOwnFaultsAndCountsCalls() {
        CisFixtures cis = newInstance("example.com");
        simulator.cis().resetStats();

        simulator.cis().faults().down(DownMode.UNAVAILABLE);
        assertThat(CisFixtures.error(cis.get("load_balancers/pools"), 503)
                        .get("message")
                        .asText())
                .contains("unavailable");
        simulator.cis().faults().down(DownMode.CONNECTION_RESET);
        assertThatThrownBy(() -> cis.get("load_balancers/pools")).isInstanceOf(UncheckedIOException.class);
        simulator.cis().faults().up();
        simulator.cis().faults().throttle(1, Duration.ofSeconds(2));
        SimClient.Response throttled = cis.get("load_balancers/monitors");
        CisFixtures.error(throttled, 429);
        assertThat(throttled.header("Retry-After")).isEqualTo("2");
        CisFixtures.result(cis.get("load_balancers/pools"));

        CallStats stats = simulator.cis().stats();
        long dropped = stats.byStatus().getOrDefault(CallStats.NO_RESPONSE, 0L);
        assertThat(dropped).as("the JDK client may retry a reset GET once").isBetween(1L, 2L);
        assertThat(stats.calls()).isEqualTo(3 + dropped);
        assertThat(stats.listCalls()).isEqualTo(stats.calls());
        assertThat(stats.status(503)).isEqualTo(1);
        assertThat(stats.status(429)).isEqualTo(1);
        assertThat(stats.status(200)).isEqualTo(1);
        assertThat(simulator.stats("us-south").calls()).isZero();
    }

    private static SimClient.Response control(String method, String path) {
        return client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/cis/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void theControlApiCreatesInstancesAndZonesAndDrivesTheFaults() {
        SimClient.Response created = control("POST", "instances?zones=shop.example.com,Example.org");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String crn = created.json().get("crn").asText();
        String zoneId = created.json().get("zones").get("shop.example.com").asText();
        SimClient.Response added = control("POST", "instances/" + SimClient.enc(crn) + "/zones?name=example.net");
        CisFixtures cis = new CisFixtures(simulator, client, crn);

        assertThat(added.status()).isEqualTo(201);
        assertThat(cis.read("zones/" + zoneId).get("name").asText()).isEqualTo("shop.example.com");
        assertThat(cis.read("zones")).hasSize(3);
        assertThat(control("GET", "instances").json().get("crns").toString()).contains(crn);

        assertThat(control("POST", "down?mode=UNAVAILABLE").status()).isEqualTo(200);
        CisFixtures.error(cis.get("zones"), 503);
        assertThat(control("POST", "up").status()).isEqualTo(200);
        CisFixtures.result(cis.get("zones"));
        assertThat(control("GET", "stats").json().get("by_status").get("503").asInt())
                .isPositive();
        assertThat(control("POST", "sideways").status()).isEqualTo(404);
        assertThat(control("POST", "instances?zones=not_a_domain").status()).isEqualTo(400);
    }
}
