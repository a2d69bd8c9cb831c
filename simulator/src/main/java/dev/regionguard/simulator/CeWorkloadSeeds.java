package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The apps, jobs and functions of a seeded Code Engine project: create bodies whose images, environment
 * and mounts refer to the secrets, config maps and data stores seeded before them.
 */
final class CeWorkloadSeeds {

    private static final String[][] SIZES = {{"0.25", "0.5G"}, {"0.5", "1G"}, {"1", "4G"}, {"2", "8G"}};

    private final SeedRandom random;
    private final CeSeedNames names;
    /** The project's regional registry: a team pushes its images next to the project. */
    private final String registry;

    CeWorkloadSeeds(SeedRandom random, CeSeedNames names, String registry) {
        this.registry = registry;
        this.random = random;
        this.names = names;
    }

    /** The create body of the {@code i}th app. */
    ObjectNode app(int i) {
        String team = random.pick(CeSeeder.TEAMS);
        String name =
                String.format("%s-%s-%03d", team, random.pick(new String[] {"api", "web", "worker", "gateway"}), i + 1);
        ObjectNode body = Json.object().put("name", name);
        image(body, team, name);
        body.put("image_port", 8080);
        body.set("run_env_variables", envVariables(team));
        if (random.nextInt(5) == 0) {
            body.set("run_volume_mounts", volumeMounts());
        }
        if (random.nextBoolean()) {
            body.putObject("probe_readiness")
                    .put("type", "http")
                    .put("path", "/healthz")
                    .put("port", 8080)
                    .put("interval", 10)
                    .put("timeout", 2)
                    .put("failure_threshold", 3);
            body.putObject("probe_liveness")
                    .put("type", "tcp")
                    .put("port", 8080)
                    .put("initial_delay", 5);
        }
        boolean warm = random.nextInt(5) < 2;
        body.put("scale_min_instances", warm ? 1 : 0).put("scale_max_instances", warm ? 5 : 10);
        String[] size = random.pick(SIZES);
        body.put("scale_cpu_limit", size[0]).put("scale_memory_limit", size[1]);
        body.put("scale_concurrency", random.pick(new Integer[] {10, 50, 100}));
        if (random.nextInt(6) == 0) {
            body.put("managed_domain_mappings", "local_private");
        }
        return body;
    }

    /** Public sample images, or a private one pulled with a user registry secret. */
    private void image(ObjectNode body, String team, String name) {
        if (random.nextInt(3) == 0) {
            body.put(
                    "image_reference",
                    "icr.io/codeengine/" + random.pick(new String[] {"helloworld", "hello", "testapp"}));
        } else {
            body.put(
                    "image_reference",
                    registry + "/" + team + "/" + name + ":" + (1 + random.nextInt(3)) + "." + random.nextInt(10) + "."
                            + random.nextInt(10));
            body.put("image_secret", random.pick(names.secrets("registry")));
        }
    }

    private ArrayNode envVariables(String team) {
        ArrayNode env = Json.array();
        env.addObject().put("type", "literal").put("name", "TEAM").put("value", team);
        if (random.nextBoolean()) {
            env.addObject().put("type", "config_map_full_reference").put("reference", random.pick(names.configMaps));
        } else {
            env.addObject()
                    .put("type", "config_map_key_reference")
                    .put("name", "LOG_LEVEL")
                    .put("key", "LOG_LEVEL")
                    .put("reference", random.pick(names.configMaps));
        }
        List<String> generic = names.secrets("generic");
        if (!generic.isEmpty() && random.nextBoolean()) {
            env.addObject()
                    .put("type", "secret_key_reference")
                    .put("name", "API_KEY")
                    .put("key", "API_KEY")
                    .put("reference", random.pick(generic));
        }
        List<String> basic = names.secrets("basic_auth");
        if (!basic.isEmpty() && random.nextInt(3) == 0) {
            env.addObject()
                    .put("type", "secret_full_reference")
                    .put("prefix", "DB_")
                    .put("reference", random.pick(basic));
        }
        return env;
    }

    private ArrayNode volumeMounts() {
        ArrayNode mounts = Json.array();
        if (!names.dataStores.isEmpty() && random.nextBoolean()) {
            mounts.addObject()
                    .put("type", "persistent_data_store")
                    .put("reference", random.pick(names.dataStores))
                    .put("mount_path", "/data")
                    .put("read_only", false);
        } else {
            mounts.addObject()
                    .put("type", "config_map")
                    .put("reference", random.pick(names.configMaps))
                    .put("mount_path", "/etc/config")
                    .put("read_only", true);
        }
        return mounts;
    }

    ObjectNode job(int i) {
        String team = random.pick(CeSeeder.TEAMS);
        String name = String.format(
                "%s-%s-%03d", team, random.pick(new String[] {"nightly", "report", "cleanup", "sync"}), i + 1);
        ObjectNode body = Json.object().put("name", name);
        image(body, team, name);
        body.put("run_mode", random.nextInt(5) == 0 ? "daemon" : "task");
        body.set("run_env_variables", envVariables(team));
        body.putArray("run_arguments").add("--batch-size=" + (100 * (1 + random.nextInt(10))));
        body.put("scale_array_spec", random.nextBoolean() ? "0" : "0-" + (1 + random.nextInt(9)));
        body.put("scale_max_execution_time", 600 * (1 + random.nextInt(12)));
        body.put("scale_retry_limit", random.nextInt(4));
        return body;
    }

    ObjectNode function(int i) {
        String team = random.pick(CeSeeder.TEAMS);
        String name = String.format("%s-hook-%03d", team, i + 1);
        boolean node = random.nextBoolean();
        String code = node
                ? "function main(params) { return { body: { team: '" + team + "', ok: true } }; }"
                : "def main(params):\n    return {'body': {'team': '" + team + "', 'ok': True}}\n";
        ObjectNode body = Json.object()
                .put("name", name)
                .put("runtime", node ? "nodejs-20" : "python-3.12")
                .put(
                        "code_reference",
                        "data:text/plain;base64,"
                                + Base64.getEncoder().encodeToString(code.getBytes(StandardCharsets.UTF_8)))
                .put("code_main", "main")
                .put("scale_max_execution_time", 30 + 30 * random.nextInt(4));
        body.putArray("run_env_variables")
                .addObject()
                .put("type", "config_map_full_reference")
                .put("reference", random.pick(names.configMaps));
        return body;
    }
}
