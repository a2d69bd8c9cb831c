package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The teams whose names the seeded resources carry. */
    static final String[] TEAMS = {
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

    private final CeProject project;
    private final SeedRandom random;
    private final CeSeedNames names = new CeSeedNames();
    private final CeWorkloadSeeds workloads;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<String> domains = new ArrayList<>();

    private CeSeeder(CeProject project, long seed) {
        this.project = project;
        this.random = new SeedRandom(seed);
        this.workloads = new CeWorkloadSeeds(random, names, CeSecretKind.registryDomain(project.region()));
    }

    static CodeEngineSeedManifest seed(CeProject project, int resourceCount, long seed) {
        if (resourceCount < MINIMUM) {
            throw new IllegalArgumentException("resourceCount must be at least " + MINIMUM + ": " + resourceCount);
        }
        return project.withResources(now -> new CeSeeder(project, seed).run(resourceCount));
    }

    private CodeEngineSeedManifest run(int n) {
        int domainMappings = n >= 60 ? 2 : 1;
        int appCount = SeedRandom.share(n, 0.25);
        int jobCount = SeedRandom.share(n, 0.12);
        int configMapCount = SeedRandom.share(n, 0.10);
        int functionCount = SeedRandom.share(n, 0.08);
        int buildCount = SeedRandom.share(n, 0.06);
        int bindingCount = SeedRandom.share(n, 0.04);
        int dataStoreCount = SeedRandom.share(n, 0.03);
        int outboundCount = SeedRandom.share(n, 0.03);
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
            names.apps.add(name(create(CeKinds.APPS, workloads.app(i))));
        }
        for (int i = 0; i < jobCount; i++) {
            names.jobs.add(name(create(CeKinds.JOBS, workloads.job(i))));
        }
        for (int i = 0; i < functionCount; i++) {
            create(CeKinds.FUNCTIONS, workloads.function(i));
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

    private ObjectNode create(CeKind kind, ObjectNode body) {
        counts.merge(kind.segment(), 1, Integer::sum);
        return project.create(kind, body, true);
    }

    private static ObjectNode named(String name) {
        return Json.object().put("name", name);
    }

    private static String name(ObjectNode body) {
        return body.get("name").textValue();
    }

    private void createSecrets(int count, int tlsCount) {
        CeSecretSeeds seeds = new CeSecretSeeds(random, CeSecretKind.registryDomain(project.region()));
        List<String> formats = CeSecretSeeds.formats(count, tlsCount);
        for (int i = 0; i < formats.size(); i++) {
            ObjectNode body = seeds.secret(i, formats.get(i));
            create(CeKinds.SECRETS, body);
            names.addSecret(formats.get(i), name(body));
        }
    }

    private void createConfigMap(int i) {
        String team = random.pick(TEAMS);
        String name = String.format("%s-settings-%03d", team, i + 1);
        ObjectNode data = Json.object();
        data.put("LOG_LEVEL", random.pick(new String[] {"info", "debug", "warn"}));
        data.put("FEATURE_FLAGS", "new-checkout=" + random.nextBoolean() + ",dark-mode=" + random.nextBoolean());
        data.put("UPSTREAM_URL", "https://" + team + "-backend.example.com/api/v" + (1 + random.nextInt(3)));
        if (random.nextBoolean()) {
            data.put(
                    "application.properties",
                    "cache.ttl=" + (30 + random.nextInt(300)) + "\npool.size=" + (5 + random.nextInt(20)) + "\n");
        }
        create(CeKinds.CONFIG_MAPS, named(name).set("data", data));
        names.configMaps.add(name);
    }

    private void createDataStore(int i) {
        String name = String.format("%s-data-%03d", random.pick(TEAMS), i + 1);
        ObjectNode body = named(name).put("storage_type", "object_storage");
        body.putObject("data")
                .put("bucket_name", name + "-" + random.hex(3))
                .put("bucket_location", random.pick(new String[] {"us-geo", "eu-geo", "us-south", "eu-de"}))
                .put("secret_name", random.pick(names.secrets("hmac_auth")));
        create(CeKinds.PERSISTENT_DATA_STORES, body);
        names.dataStores.add(name);
    }

    private void createOutboundDestination(int i) {
        ObjectNode body = named(String.format("%s-egress-%03d", random.pick(TEAMS), i + 1));
        if (i % 3 == 2) {
            body.put("type", CeOutboundDestinationKind.GATEWAY)
                    .put(
                            "private_path_service_gateway_crn",
                            "crn:v1:bluemix:public:is:" + project.region() + ":a/" + random.hex(16)
                                    + "::private-path-service-gateway:r006-" + random.uuid())
                    .put("isolation_policy", random.nextBoolean() ? "shared" : "dedicated");
        } else {
            body.put("type", CeOutboundDestinationKind.CIDR_BLOCK)
                    .put("cidr_block", "10." + random.nextInt(256) + "." + random.nextInt(256) + ".0/24");
        }
        create(CeKinds.ALLOWED_OUTBOUND_DESTINATIONS, body);
    }

    private void createBuild(int i) {
        String team = random.pick(TEAMS);
        String name = String.format("%s-build-%03d", team, i + 1);
        boolean dockerfile = random.nextBoolean();
        ObjectNode body = named(name)
                .put("output_image", CeSecretKind.registryDomain(project.region()) + "/" + team + "/" + name)
                .put("output_secret", random.pick(names.secrets("registry")))
                .put("strategy_type", dockerfile ? "dockerfile" : "buildpacks")
                .put("source_type", "git")
                .put("source_url", "https://github.com/example-org/" + team + "-service")
                .put("source_revision", random.pick(new String[] {"main", "release", "v2"}))
                .put("strategy_size", random.pick(new String[] {"small", "medium", "large"}))
                .put("timeout", 600 + 300 * random.nextInt(4));
        if (!names.secrets("ssh_auth").isEmpty() && random.nextBoolean()) {
            body.put("source_url", "git@github.com:example-org/" + team + "-service.git")
                    .put("source_secret", random.pick(names.secrets("ssh_auth")));
        }
        create(CeKinds.BUILDS, body);
    }

    private void createBinding(int i) {
        boolean toApp = names.jobs.isEmpty() || random.nextInt(4) != 0;
        ObjectNode body = Json.object();
        body.putObject("component")
                .put("name", toApp ? random.pick(names.apps) : random.pick(names.jobs))
                .put("resource_type", toApp ? "app_v2" : "job_v2");
        body.put("prefix", random.pick(new String[] {"COS", "CLOUDANT", "EVENTSTREAMS", "DB"}) + "_" + (i + 1));
        body.put("secret_name", random.pick(names.secrets("service_access")));
        create(CeKinds.BINDINGS, body);
    }

    private void createDomainMapping(int i) {
        String team = random.pick(TEAMS);
        String domain = (i == 0 ? "www" : "api") + "." + team + "-" + random.hex(3) + ".example.com";
        ObjectNode body = named(domain).put("tls_secret", names.secrets("tls").get(i));
        body.putObject("component")
                .put("name", names.apps.get(i % names.apps.size()))
                .put("resource_type", "app_v2");
        ObjectNode created = create(CeKinds.DOMAIN_MAPPINGS, body);
        if ("domain_already_claimed"
                .equals(created.path("status_details").path("reason").textValue())) {
            throw new IllegalStateException(
                    "the domain " + domain + " is already mapped by another project of " + project.region());
        }
        domains.add(domain);
    }
}
