package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Creates Code Engine resources over HTTP in one project, for tests that need something to point at. */
final class CeFixtures {

    static final String IMAGE = "icr.io/codeengine/helloworld";

    private final SimClient client;
    private final String project;

    /** {@code project} is {@code <ce url>/projects/<id>}. */
    CeFixtures(SimClient client, String project) {
        this.client = client;
        this.project = project;
    }

    /** Polls often: the simulator's delays are tens of milliseconds. */
    static ConditionFactory eventually() {
        return Awaitility.await()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .atMost(Duration.ofSeconds(5));
    }

    /** Fixtures on a new, empty project of the region. */
    static CeFixtures inNewProject(IbmCloudSimulator simulator, SimClient client, String region) {
        return new CeFixtures(client, projectUrl(simulator, region, simulator.createCodeEngineProject(region)));
    }

    static String projectUrl(IbmCloudSimulator simulator, String region, String projectId) {
        return simulator.codeEngineUrl(region) + "/projects/" + projectId;
    }

    /** {@code <ce url>/projects/<id>} */
    String project() {
        return project;
    }

    String url(String segment) {
        return project + "/" + segment;
    }

    String url(String segment, String key) {
        return project + "/" + segment + "/" + key;
    }

    JsonNode create(String segment, ObjectNode body) {
        SimClient.Response response = client.post(url(segment), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    JsonNode get(String segment, String key) {
        SimClient.Response response = client.get(url(segment, key));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static ObjectNode secretBody(String name, String format) {
        ObjectNode body = SimClient.object().put("name", name).put("format", format);
        ObjectNode data = body.putObject("data");
        switch (format) {
            case "registry" ->
                data.put("username", "iamapikey").put("password", "pw").put("server", "us.icr.io");
            case "tls" ->
                data.put("tls_cert", "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n")
                        .put("tls_key", "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n");
            case "hmac_auth" -> data.put("access_key_id", "id").put("secret_access_key", "key");
            case "basic_auth" -> data.put("username", "u").put("password", "p");
            case "ssh_auth" -> data.put("ssh_key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3B\n");
            case "service_access" -> {
                body.remove("data");
                ObjectNode access = body.putObject("service_access");
                access.putObject("resource_key").put("id", "4b2f6f2e-0000-4000-8000-000000000001");
                access.putObject("service_instance").put("id", "4b2f6f2e-0000-4000-8000-000000000002");
                access.putObject("role").put("crn", "crn:v1:bluemix:public:iam::::serviceRole:Writer");
            }
            default -> data.put("API_KEY", "s3cr3t");
        }
        return body;
    }

    JsonNode secret(String name, String format) {
        return create("secrets", secretBody(name, format));
    }

    JsonNode configMap(String name) {
        ObjectNode body = SimClient.object().put("name", name);
        body.putObject("data").put("LOG_LEVEL", "info");
        return create("config_maps", body);
    }

    static ObjectNode appBody(String name, String image) {
        return SimClient.object().put("name", name).put("image_reference", image);
    }

    JsonNode app(String name) {
        return create("apps", appBody(name, IMAGE));
    }

    JsonNode job(String name) {
        return create("jobs", SimClient.object().put("name", name).put("image_reference", IMAGE));
    }

    static ObjectNode component(ObjectNode parent, String name, String resourceType) {
        parent.putObject("component").put("name", name).put("resource_type", resourceType);
        return parent;
    }
}
