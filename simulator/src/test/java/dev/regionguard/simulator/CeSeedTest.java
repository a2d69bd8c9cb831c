package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CeSeedTest {

    /** Fields the server makes up; everything else must repeat with the seed. */
    private static final List<String> SERVER_FIELDS = List.of(
            "id",
            "href",
            "created_at",
            "entity_tag",
            "project_id",
            "endpoint",
            "endpoint_internal",
            "computed_env_variables",
            "cname_target",
            "revisions",
            "apikey_id");

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static String projectId;
    private static CodeEngineSeedManifest manifest;
    private static JsonNode snapshot;

    @BeforeAll
    static void seed() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        projectId = simulator.createCodeEngineProject("us-south");
        manifest = simulator.seedCodeEngine("us-south", projectId, 200, 42);
        snapshot = simulator.codeEngineSnapshot("us-south", projectId);
    }

    private static List<JsonNode> items(JsonNode snapshot, String kind) {
        return StreamSupport.stream(snapshot.get(kind).spliterator(), false).toList();
    }

    @Test
    void createsTheAdvertisedMix() {
        assertThat(manifest.resourceCount()).isEqualTo(200);
        assertThat(manifest.countsByKind())
                .containsEntry("apps", 50)
                .containsEntry("jobs", 24)
                .containsEntry("config_maps", 20)
                .containsEntry("functions", 16)
                .containsEntry("builds", 12)
                .containsEntry("bindings", 8)
                .containsEntry("persistent_data_stores", 6)
                .containsEntry("allowed_outbound_destinations", 6)
                .containsEntry("domain_mappings", 2)
                .containsEntry("secrets", 56);
        for (var entry : manifest.countsByKind().entrySet()) {
            int systemSecrets = entry.getKey().equals("secrets") ? 1 : 0;
            assertThat(snapshot.get(entry.getKey())).as(entry.getKey()).hasSize(entry.getValue() + systemSecrets);
        }
        Set<String> formats = new HashSet<>();
        items(snapshot, "secrets").forEach(s -> formats.add(s.get("format").asText()));
        assertThat(formats)
                .containsExactlyInAnyOrder(
                        "generic",
                        "basic_auth",
                        "registry",
                        "ssh_auth",
                        "tls",
                        "hmac_auth",
                        "service_access",
                        "service_operator");
        assertThat(manifest.domainNames())
                .hasSize(2)
                .containsExactlyInAnyOrderElementsOf(names(snapshot, "domain_mappings"));
        assertThat(client.get(CeFixtures.projectUrl(simulator, "us-south", projectId) + "/apps?limit=100")
                        .json()
                        .get("apps"))
                .hasSize(50);
    }

    @Test
    void theProjectLooksLikeARealOne() {
        List<JsonNode> apps = items(snapshot, "apps");
        assertThat(apps).allMatch(app -> app.get("status").asText().equals("ready"));
        assertThat(apps).anyMatch(app -> app.has("image_secret"));
        assertThat(apps).anyMatch(app -> app.has("probe_readiness"));
        assertThat(apps).anyMatch(app -> app.get("run_volume_mounts").size() > 0);
        assertThat(apps).allMatch(app -> app.get("run_env_variables").size() >= 2);
        String env = snapshot.get("apps").toString();
        assertThat(env).contains("config_map_full_reference", "config_map_key_reference", "secret_key_reference");
        long warm = apps.stream()
                .filter(app -> app.get("scale_min_instances").asInt() == 1
                        && app.get("scale_max_instances").asInt() == 5)
                .count();
        assertThat(warm).isBetween(10L, 35L);
        assertThat(apps.stream().filter(app -> app.get("scale_min_instances").asInt() == 0))
                .isNotEmpty();
        assertThat(items(snapshot, "functions"))
                .allMatch(f -> f.get("status").asText().equals("ready"));
        assertThat(items(snapshot, "bindings"))
                .allMatch(b -> b.get("status").asText().equals("active"));
        assertThat(items(snapshot, "domain_mappings"))
                .allMatch(d -> d.get("status").asText().equals("ready"));
        assertThat(items(snapshot, "allowed_outbound_destinations"))
                .extracting(d -> d.get("type").asText())
                .contains("cidr_block", "private_path_service_gateway");
        assertThat(items(snapshot, "secrets"))
                .filteredOn(s -> s.get("generated_by").asText().equals("system"))
                .extracting(s -> s.get("name").asText())
                .containsExactly("ce-auto-icr-private-us-south");
    }

    @Test
    void everySeededResourceReadsBackThroughTheApiAndCanBeCopied() {
        // what a sync engine does: copy the user resources, in restore order, into a standby project
        try (IbmCloudSimulator standby = SimulatorFixture.regions("eu-de").startNow()) {
            SimClient standbyClient = new SimClient(standby, "key");
            CeFixtures target = new CeFixtures(
                    standbyClient, CeFixtures.projectUrl(standby, "eu-de", standby.createCodeEngineProject("eu-de")));
            for (CeKind kind : CeKinds.ALL) {
                for (JsonNode item : snapshot.get(kind.segment())) {
                    if (!item.path("generated_by").asText().equals("system")) {
                        SimClient.Response copied = standbyClient.post(target.url(kind.segment()), prototype(item));
                        assertThat(copied.status())
                                .as(kind.segment() + " " + copied.body())
                                .isEqualTo(201);
                    }
                }
            }
        }
    }

    /** A GET view minus the server's fields. */
    private static ObjectNode prototype(JsonNode view) {
        ObjectNode body = view.deepCopy();
        body.remove(List.of(
                "id",
                "href",
                "created_at",
                "entity_tag",
                "project_id",
                "region",
                "resource_type",
                "status",
                "status_details",
                "endpoint",
                "endpoint_internal",
                "computed_env_variables",
                "generated_by",
                "cname_target",
                "user_managed",
                "visibility",
                "revisions"));
        if (body.get("service_operator") instanceof ObjectNode operator) {
            operator.remove(List.of("apikey_id", "user_managed"));
        }
        return body;
    }

    @Test
    void sameSeedSameProjectOtherSeedAnother() {
        try (IbmCloudSimulator twin = SimulatorFixture.regions("us-south").startNow()) {
            String twinProject = twin.createCodeEngineProject("us-south");
            CodeEngineSeedManifest twinManifest = twin.seedCodeEngine("us-south", twinProject, 200, 42);
            JsonNode twinSnapshot = twin.codeEngineSnapshot("us-south", twinProject);

            assertThat(twinManifest).isEqualTo(manifest);
            for (CeKind kind : CeKinds.ALL) {
                assertThat(contents(twinSnapshot, kind.segment()))
                        .as(kind.segment())
                        .isEqualTo(contents(snapshot, kind.segment()));
            }

            String other = twin.createCodeEngineProject("us-south");
            CodeEngineSeedManifest otherManifest = twin.seedCodeEngine("us-south", other, 200, 43);
            assertThat(otherManifest.domainNames()).isNotEqualTo(manifest.domainNames());
            assertThat(names(twin.codeEngineSnapshot("us-south", other), "apps"))
                    .isNotEqualTo(names(snapshot, "apps"));
        }
    }

    @Test
    void seedingRefusesSmallCountsClashesAndInactiveProjects() {
        String fresh = simulator.createCodeEngineProject("eu-de");
        assertThatThrownBy(() -> simulator.seedCodeEngine("eu-de", fresh, 19, 1))
                .isInstanceOf(IllegalArgumentException.class);
        // the same seed maps the same domains: the first project holds them in us-south, not in eu-de
        String rival = simulator.createCodeEngineProject("us-south");
        assertThatThrownBy(() -> simulator.seedCodeEngine("us-south", rival, 200, 42))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("domain");
        assertThat(simulator.seedCodeEngine("eu-de", fresh, 200, 42).domainNames())
                .isEqualTo(manifest.domainNames());
        assertThatThrownBy(() -> simulator.seedCodeEngine("eu-de", "no-such-project", 20, 1))
                .isInstanceOf(IllegalArgumentException.class);
        String small = simulator.createCodeEngineProject("eu-de");
        assertThat(simulator.seedCodeEngine("eu-de", small, 20, 7).resourceCount())
                .isEqualTo(20);
    }

    private static List<String> names(JsonNode snapshot, String kind) {
        List<String> names = new ArrayList<>();
        snapshot.get(kind)
                .forEach(item ->
                        names.add(item.path("name").asText(item.path("prefix").asText())));
        return names;
    }

    /**
     * Each item without server-made fields and, for the system secret, its random password; sorted,
     * because bindings are listed by their random ids.
     */
    private static List<JsonNode> contents(JsonNode snapshot, String kind) {
        List<JsonNode> contents = new ArrayList<>();
        for (JsonNode item : snapshot.get(kind)) {
            ObjectNode copy = item.deepCopy();
            copy.remove(SERVER_FIELDS);
            if (copy.path("generated_by").asText().equals("system")) {
                copy.remove("data");
            }
            if (copy.get("service_operator") instanceof ObjectNode operator) {
                operator.remove("apikey_id");
            }
            contents.add(copy);
        }
        contents.sort(java.util.Comparator.comparing(JsonNode::toString));
        return contents;
    }
}
