package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic, repeatable Code Engine project of exactly n resources (n >= 20), written through the
 * same validation as HTTP requests and settled at once (apps ready). Mix: 25 % apps, 12 % jobs, 10 %
 * config maps, 8 % functions, 6 % builds, 4 % bindings, 3 % persistent data stores, 3 % allowed
 * outbound destinations, 1 domain mapping (2 from n = 60), and secrets for the rest: a registry, an
 * HMAC, a service_access and one tls secret per domain mapping, then the other formats in turn.
 * The same seed gives the same names and contents; ids, tags, timestamps and passwords of system
 * secrets are the server's.
 */
final class CeSeeder {

    static final int MINIMUM = 20;

    private static final String[] TEAMS = {
        "orders",
        "payments",
        "billing",
        "inventory",
        "shipping",
        "checkout",
        "identity",
        "catalog",
        "search",
        "reports",
        "audit",
        "pricing",
        "loyalty",
        "profile"
    };
    private static final String[] OTHER_SECRET_FORMATS = {
        "generic",
        "basic_auth",
        "generic",
        "ssh_auth",
        "registry",
        "generic",
        "hmac_auth",
        "basic_auth",
        "service_access",
        "service_operator"
    };
    private static final String[][] SIZES = {{"0.25", "0.5G"}, {"0.5", "1G"}, {"1", "4G"}, {"2", "8G"}};

    private final CeProject project;
    private final Random random;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> domains = new ArrayList<>();
    private final Map<String, List<String>> secretsByFormat = new LinkedHashMap<>();
    private final List<String> configMaps = new ArrayList<>();
    private final List<String> dataStores = new ArrayList<>();
    private final List<String> apps = new ArrayList<>();
    private final List<String> jobs = new ArrayList<>();

    private CeSeeder(CeProject project, long seed) {
        this.project = project;
        this.random = new Random(seed);
    }

    static CodeEngineSeedManifest seed(CeProject project, int resourceCount, long seed) {
        if (resourceCount < MINIMUM) {
            throw new IllegalArgumentException("resourceCount must be at least " + MINIMUM + ": " + resourceCount);
        }
        return project.withResources(now -> new CeSeeder(project, seed).run(resourceCount));
    }

    private CodeEngineSeedManifest run(int n) {
        int domainMappings = n >= 60 ? 2 : 1;
        int appCount = share(n, 0.25);
        int jobCount = share(n, 0.12);
        int configMapCount = share(n, 0.10);
        int functionCount = share(n, 0.08);
        int buildCount = share(n, 0.06);
        int bindingCount = share(n, 0.04);
        int dataStoreCount = share(n, 0.03);
        int outboundCount = share(n, 0.03);
        int secretCount = n
                - domainMappings
                - appCount
                - jobCount
                - configMapCount
                - functionCount
                - buildCount
                - bindingCount
                - dataStoreCount
                - outboundCount;

        createSecrets(secretCount, domainMappings);
        for (int i = 0; i < configMapCount; i++) {
            createConfigMap(i);
        }
        for (int i = 0; i < dataStoreCount; i++) {
            createDataStore(i);
        }
        for (int i = 0; i < outboundCount; i++) {
            createOutboundDestination(i);
        }
        for (int i = 0; i < buildCount; i++) {
            createBuild(i);
        }
        for (int i = 0; i < appCount; i++) {
            createApp(i);
        }
        for (int i = 0; i < jobCount; i++) {
            createJob(i);
        }
        for (int i = 0; i < functionCount; i++) {
            createFunction(i);
        }
        for (int i = 0; i < bindingCount; i++) {
            createBinding(i);
        }
        for (int i = 0; i < domainMappings; i++) {
            createDomainMapping(i);
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new CodeEngineSeedManifest(total, counts, domains);
    }

    private static int share(int n, double fraction) {
        return Math.max(1, (int) Math.round(n * fraction));
    }

    private ObjectNode create(CeKind kind, ObjectNode body) {
        counts.merge(kind.segment(), 1, Integer::sum);
        return project.create(kind, body, true);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String hex(int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", random.nextInt(256)));
        }
        return sb.toString();
    }

    private String base64(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static ObjectNode named(String name) {
        return Json.object().put("name", name);
    }

    // ---- secrets and config maps

    private void createSecrets(int count, int tlsCount) {
        List<String> formats = new ArrayList<>(List.of("registry", "hmac_auth", "service_access"));
        for (int i = 0; i < tlsCount; i++) {
            formats.add("tls");
        }
        for (int i = 0; formats.size() < count; i++) {
            formats.add(OTHER_SECRET_FORMATS[i % OTHER_SECRET_FORMATS.length]);
        }
        for (int i = 0; i < formats.size(); i++) {
            createSecret(i, formats.get(i));
        }
    }

    private void createSecret(int i, String format) {
        String team = pick(TEAMS);
        String purpose = switch (format) {
            case "registry" -> "registry";
            case "hmac_auth" -> "cos-hmac";
            case "tls" -> "tls";
            case "ssh_auth" -> "git-ssh";
            case "basic_auth" -> "db-credentials";
            case "service_access" -> "service-access";
            case "service_operator" -> "operator";
            default -> "api-keys";
        };
        String name = String.format("%s-%s-%03d", team, purpose, i + 1);
        ObjectNode body = named(name).put("format", format);
        ObjectNode data = Json.object();
        switch (format) {
            case "registry" ->
                data.put("username", "iamapikey")
                        .put("password", base64(33))
                        .put("server", "us.icr.io")
                        .put("email", team + "-builds@example.com");
            case "hmac_auth" -> data.put("access_key_id", hex(16)).put("secret_access_key", hex(24));
            case "tls" -> data.put("tls_cert", pem("CERTIFICATE", 96)).put("tls_key", pem("PRIVATE KEY", 64));
            case "ssh_auth" ->
                data.put("ssh_key", pem("OPENSSH PRIVATE KEY", 72))
                        .put("known_hosts", "github.com ssh-ed25519 " + base64(32));
            case "basic_auth" -> data.put("username", team + "_app").put("password", base64(18));
            case "service_access" -> serviceAccess(body.putObject("service_access"));
            case "service_operator" -> {
                ObjectNode operator = body.putObject("service_operator");
                operator.putArray("resource_group_ids").add(hex(16));
                operator.putObject("serviceid").put("id", "ServiceId-" + uuid());
            }
            default ->
                data.put("API_KEY", base64(24))
                        .put("WEBHOOK_SECRET", hex(16))
                        .put("SENTRY_DSN", "https://" + hex(16) + "@sentry.example.com/" + random.nextInt(100));
        }
        if (!data.isEmpty()) {
            body.set("data", data);
        }
        create(CeKinds.SECRETS, body);
        secretsByFormat.computeIfAbsent(format, f -> new ArrayList<>()).add(name);
    }

    private void serviceAccess(ObjectNode access) {
        access.putObject("resource_key").put("id", uuid()).put("name", "ce-binding-key-" + hex(3));
        access.putObject("role")
                .put(
                        "crn",
                        "crn:v1:bluemix:public:iam::::serviceRole:"
                                + pick(new String[] {"Reader", "Writer", "Manager"}));
        access.putObject("service_instance").put("id", uuid());
        access.putObject("serviceid").put("id", "ServiceId-" + uuid());
    }

    private String pem(String type, int bytes) {
        return "-----BEGIN " + type + "-----\n" + base64(bytes) + "\n-----END " + type + "-----\n";
    }

    private List<String> secrets(String format) {
        return secretsByFormat.getOrDefault(format, List.of());
    }

    private void createConfigMap(int i) {
        String team = pick(TEAMS);
        String name = String.format("%s-settings-%03d", team, i + 1);
        ObjectNode data = Json.object();
        data.put("LOG_LEVEL", pick(new String[] {"info", "debug", "warn"}));
        data.put("FEATURE_FLAGS", "new-checkout=" + random.nextBoolean() + ",dark-mode=" + random.nextBoolean());
        data.put("UPSTREAM_URL", "https://" + team + "-backend.example.com/api/v" + (1 + random.nextInt(3)));
        if (random.nextBoolean()) {
            data.put(
                    "application.properties",
                    "cache.ttl=" + (30 + random.nextInt(300)) + "\npool.size=" + (5 + random.nextInt(20)) + "\n");
        }
        create(CeKinds.CONFIG_MAPS, named(name).set("data", data));
        configMaps.add(name);
    }

    // ---- storage and networking

    private void createDataStore(int i) {
        String name = String.format("%s-data-%03d", pick(TEAMS), i + 1);
        ObjectNode body = named(name).put("storage_type", "object_storage");
        body.putObject("data")
                .put("bucket_name", name + "-" + hex(3))
                .put("bucket_location", pick(new String[] {"us-geo", "eu-geo", "us-south", "eu-de"}))
                .put("secret_name", pick(secrets("hmac_auth")));
        create(CeKinds.PERSISTENT_DATA_STORES, body);
        dataStores.add(name);
    }

    private void createOutboundDestination(int i) {
        ObjectNode body = named(String.format("%s-egress-%03d", pick(TEAMS), i + 1));
        if (i % 3 == 2) {
            body.put("type", CeOutboundDestinationKind.GATEWAY)
                    .put(
                            "private_path_service_gateway_crn",
                            "crn:v1:bluemix:public:is:us-south:a/" + hex(16) + "::private-path-service-gateway:r006-"
                                    + uuid())
                    .put("isolation_policy", random.nextBoolean() ? "shared" : "dedicated");
        } else {
            body.put("type", CeOutboundDestinationKind.CIDR_BLOCK)
                    .put("cidr_block", "10." + random.nextInt(256) + "." + random.nextInt(256) + ".0/24");
        }
        create(CeKinds.ALLOWED_OUTBOUND_DESTINATIONS, body);
    }

    private void createBuild(int i) {
        String team = pick(TEAMS);
        String name = String.format("%s-build-%03d", team, i + 1);
        boolean dockerfile = random.nextBoolean();
        ObjectNode body = named(name)
                .put("output_image", "us.icr.io/" + team + "/" + name)
                .put("output_secret", pick(secrets("registry")))
                .put("strategy_type", dockerfile ? "dockerfile" : "buildpacks")
                .put("source_type", "git")
                .put("source_url", "https://github.com/example-org/" + team + "-service")
                .put("source_revision", pick(new String[] {"main", "release", "v2"}))
                .put("strategy_size", pick(new String[] {"small", "medium", "large"}))
                .put("timeout", 600 + 300 * random.nextInt(4));
        if (!secrets("ssh_auth").isEmpty() && random.nextBoolean()) {
            body.put("source_url", "git@github.com:example-org/" + team + "-service.git")
                    .put("source_secret", pick(secrets("ssh_auth")));
        }
        create(CeKinds.BUILDS, body);
    }

    // ---- workloads

    private void createApp(int i) {
        String team = pick(TEAMS);
        String name = String.format("%s-%s-%03d", team, pick(new String[] {"api", "web", "worker", "gateway"}), i + 1);
        ObjectNode body = named(name);
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
        String[] size = pick(SIZES);
        body.put("scale_cpu_limit", size[0]).put("scale_memory_limit", size[1]);
        body.put("scale_concurrency", pick(new Integer[] {10, 50, 100}));
        if (random.nextInt(6) == 0) {
            body.put("managed_domain_mappings", "local_private");
        }
        create(CeKinds.APPS, body);
        apps.add(name);
    }

    /** Public sample images, or a private one pulled with a user registry secret. */
    private void image(ObjectNode body, String team, String name) {
        if (random.nextInt(3) == 0) {
            body.put("image_reference", "icr.io/codeengine/" + pick(new String[] {"helloworld", "hello", "testapp"}));
        } else {
            body.put(
                    "image_reference",
                    "us.icr.io/" + team + "/" + name + ":" + (1 + random.nextInt(3)) + "." + random.nextInt(10) + "."
                            + random.nextInt(10));
            body.put("image_secret", pick(secrets("registry")));
        }
    }

    private ArrayNode envVariables(String team) {
        ArrayNode env = Json.array();
        env.addObject().put("type", "literal").put("name", "TEAM").put("value", team);
        if (random.nextBoolean()) {
            env.addObject().put("type", "config_map_full_reference").put("reference", pick(configMaps));
        } else {
            env.addObject()
                    .put("type", "config_map_key_reference")
                    .put("name", "LOG_LEVEL")
                    .put("key", "LOG_LEVEL")
                    .put("reference", pick(configMaps));
        }
        List<String> generic = secrets("generic");
        if (!generic.isEmpty() && random.nextBoolean()) {
            env.addObject()
                    .put("type", "secret_key_reference")
                    .put("name", "API_KEY")
                    .put("key", "API_KEY")
                    .put("reference", pick(generic));
        }
        List<String> basic = secrets("basic_auth");
        if (!basic.isEmpty() && random.nextInt(3) == 0) {
            env.addObject()
                    .put("type", "secret_full_reference")
                    .put("prefix", "DB_")
                    .put("reference", pick(basic));
        }
        return env;
    }

    private ArrayNode volumeMounts() {
        ArrayNode mounts = Json.array();
        if (!dataStores.isEmpty() && random.nextBoolean()) {
            mounts.addObject()
                    .put("type", "persistent_data_store")
                    .put("reference", pick(dataStores))
                    .put("mount_path", "/data")
                    .put("read_only", false);
        } else {
            mounts.addObject()
                    .put("type", "config_map")
                    .put("reference", pick(configMaps))
                    .put("mount_path", "/etc/config")
                    .put("read_only", true);
        }
        return mounts;
    }

    private void createJob(int i) {
        String team = pick(TEAMS);
        String name =
                String.format("%s-%s-%03d", team, pick(new String[] {"nightly", "report", "cleanup", "sync"}), i + 1);
        ObjectNode body = named(name);
        image(body, team, name);
        body.put("run_mode", random.nextInt(5) == 0 ? "daemon" : "task");
        body.set("run_env_variables", envVariables(team));
        body.putArray("run_arguments").add("--batch-size=" + (100 * (1 + random.nextInt(10))));
        body.put("scale_array_spec", random.nextBoolean() ? "0" : "0-" + (1 + random.nextInt(9)));
        body.put("scale_max_execution_time", 600 * (1 + random.nextInt(12)));
        body.put("scale_retry_limit", random.nextInt(4));
        create(CeKinds.JOBS, body);
        jobs.add(name);
    }

    private void createFunction(int i) {
        String team = pick(TEAMS);
        String name = String.format("%s-hook-%03d", team, i + 1);
        boolean node = random.nextBoolean();
        String code = node
                ? "function main(params) { return { body: { team: '" + team + "', ok: true } }; }"
                : "def main(params):\n    return {'body': {'team': '" + team + "', 'ok': True}}\n";
        ObjectNode body = named(name)
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
                .put("reference", pick(configMaps));
        create(CeKinds.FUNCTIONS, body);
    }

    // ---- wiring

    private void createBinding(int i) {
        boolean toApp = jobs.isEmpty() || random.nextInt(4) != 0;
        ObjectNode body = Json.object();
        body.putObject("component")
                .put("name", toApp ? pick(apps) : pick(jobs))
                .put("resource_type", toApp ? "app_v2" : "job_v2");
        body.put("prefix", pick(new String[] {"COS", "CLOUDANT", "EVENTSTREAMS", "DB"}) + "_" + (i + 1));
        body.put("secret_name", pick(secrets("service_access")));
        create(CeKinds.BINDINGS, body);
    }

    private void createDomainMapping(int i) {
        String team = pick(TEAMS);
        String domain = (i == 0 ? "www" : "api") + "." + team + "-" + hex(3) + ".example.com";
        ObjectNode body = named(domain).put("tls_secret", secrets("tls").get(i));
        body.putObject("component").put("name", apps.get(i % apps.size())).put("resource_type", "app_v2");
        create(CeKinds.DOMAIN_MAPPINGS, body);
        domains.add(domain);
    }
}
