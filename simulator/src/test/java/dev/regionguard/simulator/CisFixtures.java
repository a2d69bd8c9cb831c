package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Calls one CIS instance over HTTP the way IBM's docs do: {@code X-Auth-User-Token: Bearer <IAM token>}. */
final class CisFixtures {

    private final IbmCloudSimulator simulator;
    private final SimClient client;
    private final String crn;
    private final String base;

    CisFixtures(IbmCloudSimulator simulator, SimClient client, String crn) {
        this.simulator = simulator;
        this.client = client;
        this.crn = crn;
        this.base = simulator.cis().apiUrl() + "/v1/" + SimClient.enc(crn);
    }

    String crn() {
        return crn;
    }

    /** {@code zones/<id of zone>/load_balancers} */
    String loadBalancers(String zone) {
        return "zones/" + simulator.cis().zoneId(crn, zone) + "/load_balancers";
    }

    /** {@code <cis url>/v1/<url-encoded crn>/<path>} */
    String url(String path) {
        return base + "/" + path;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(10))
                .header("X-Auth-User-Token", "Bearer " + client.token());
    }

    SimClient.Response get(String path) {
        return client.send(request(path).GET().build());
    }

    SimClient.Response post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    SimClient.Response put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    SimClient.Response send(String method, String path, JsonNode body) {
        return client.send(request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    SimClient.Response delete(String path) {
        return client.send(request(path).DELETE().build());
    }

    /** The {@code result} of a successful answer, after checking CIS's envelope. */
    static JsonNode result(SimClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("errors")).isEmpty();
        assertThat(body.get("messages")).isEmpty();
        return body.get("result");
    }

    /** errors[0] of a failed answer, after checking CIS's error envelope. */
    static JsonNode error(SimClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("result").isNull()).isTrue();
        assertThat(body.get("errors")).hasSize(1);
        assertThat(body.get("errors").get(0).get("code").isInt()).isTrue();
        assertThat(body.get("errors").get(0).get("message").asText()).isNotBlank();
        return body.get("errors").get(0);
    }

    String create(String path, ObjectNode body) {
        return result(post(path, body)).get("id").asText();
    }

    JsonNode read(String path) {
        return result(get(path));
    }

    /** An https monitor of {@code /health} expecting 2xx, sent with Host {@code host}. */
    static ObjectNode monitorBody(String host) {
        ObjectNode body = SimClient.object()
                .put("type", "https")
                .put("description", "health of " + host)
                .put("path", "/health")
                .put("expected_codes", "2xx")
                .put("interval", 60)
                .put("timeout", 5);
        body.putObject("header").putArray("Host").add(host);
        return body;
    }

    static ObjectNode poolBody(String name, String monitorId, String... addresses) {
        ObjectNode body = SimClient.object().put("name", name).put("minimum_origins", 1);
        if (monitorId != null) {
            body.put("monitor", monitorId);
        }
        body.putArray("check_regions").add("WNAM");
        ArrayNode origins = body.putArray("origins");
        for (int i = 0; i < addresses.length; i++) {
            origins.addObject()
                    .put("name", name + "-origin-" + (i + 1))
                    .put("address", addresses[i])
                    .put("enabled", true)
                    .put("weight", 1);
        }
        return body;
    }

    static ObjectNode loadBalancerBody(String name, String fallbackPool, String... defaultPools) {
        ObjectNode body = SimClient.object()
                .put("name", name)
                .put("fallback_pool", fallbackPool)
                .put("proxied", true)
                .put("steering_policy", "off");
        ArrayNode pools = body.putArray("default_pools");
        for (String pool : defaultPools) {
            pools.add(pool);
        }
        return body;
    }
}
