package dev.regionguard.tools.bench;

import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.codeengine.CeEntityStore;
import dev.regionguard.codeengine.CeEntityTypes;
import dev.regionguard.codeengine.CodeEngineClients;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.eventnotifications.DomainVerifyBackoff;
import dev.regionguard.eventnotifications.EnEntityStore;
import dev.regionguard.eventnotifications.EnEntityTypes;
import dev.regionguard.eventnotifications.EventNotificationsClients;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.simulator.CallStats;
import dev.regionguard.simulator.CodeEngineSeedManifest;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.simulator.SeedManifest;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Material;
import dev.regionguard.sync.MaterialSource;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncPolicy;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import dev.regionguard.sync.Watermarks;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sync speed on the simulator with a fixed latency per call: initial sync of a realistic
 * instance into an empty standby, the same copy done naively, and a steady-state pass.
 * Calls and writes are counted by the simulator, not by the code under test.
 */
public final class Benchmark {
    /** The sizes the speed targets are set for. */
    public static final int DEFAULT_ENTITIES = 1000;

    public static final int DEFAULT_CE_RESOURCES = 200;
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "us-east";
    private static final String NAIVE_STANDBY = "eu-de";

    private final PrintStream out;
    private final int entities;
    private final Duration latency;
    private final int concurrency;
    private final int ceResources;
    private final boolean failover;
    /** Size of the extra EN instance whose steady pass is measured alone; 0 for none. */
    private final int steadyEntities;

    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();

    public Benchmark(
            PrintStream out,
            int entities,
            int ceResources,
            Duration latency,
            int concurrency,
            boolean failover,
            int steadyEntities) {
        this.out = out;
        this.steadyEntities = steadyEntities;
        this.failover = failover;
        this.entities = entities;
        this.ceResources = ceResources;
        this.latency = latency;
        this.concurrency = concurrency;
    }

    public int run() {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency * 4);
        try (IbmCloudSimulator sim = IbmCloudSimulator.builder()
                .regions(PRIMARY, STANDBY, NAIVE_STANDBY)
                .build()
                .start()) {
            eventNotifications(sim, pool, entities, "en");
            codeEngine(sim, pool);
            if (steadyEntities > 0) {
                eventNotifications(sim, pool, steadyEntities, "en.steady" + steadyEntities / 1000 + "k");
            }
        } finally {
            pool.shutdownNow();
        }
        results.put("restart", RestartBenchmark.measure(entities, ceResources, latency));
        if (failover) {
            results.putAll(FailoverBenchmark.run());
        }
        BenchmarkReport.print(out, latency, concurrency, results);
        return 0;
    }

    /** The full comparison under "en"; under any other name only the steady pass after a sync. */
    private void eventNotifications(IbmCloudSimulator sim, ExecutorService pool, int size, String name) {
        String primaryId = sim.createEventNotificationsInstance(PRIMARY);
        SeedManifest manifest = sim.seedEventNotifications(PRIMARY, primaryId, size, 7);
        String standbyId = sim.createEventNotificationsInstance(STANDBY);
        String naiveId = sim.createEventNotificationsInstance(NAIVE_STANDBY);
        for (String region : List.of(PRIMARY, STANDBY, NAIVE_STANDBY)) {
            sim.faults(region).latency(latency);
        }
        Endpoints endpoints = new Endpoints(sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate());
        EventNotificationsClients clients = HttpEventNotificationsClients.create(
                endpoints, HttpSettings.defaults().withMaxConcurrentPerRegion(concurrency), CallObserver.NONE);
        ApiKey key = new ApiKey("bench-api-key");
        EnEntityStore primary = new EnEntityStore(clients.forInstance(PRIMARY, primaryId, key));
        EnEntityStore standby = new EnEntityStore(
                clients.forInstance(STANDBY, standbyId, key),
                new KeptSmtpUsers(),
                new DomainVerifyBackoff(Clock.systemUTC()));
        EnEntityStore naiveStandby = new EnEntityStore(
                clients.forInstance(NAIVE_STANDBY, naiveId, key),
                new KeptSmtpUsers(),
                new DomainVerifyBackoff(Clock.systemUTC()));
        clients.forInstance(PRIMARY, primaryId, key).probe(); // the IAM token is not what is measured
        MaterialSource material = material(manifest);
        measure(name, manifest.entityCount(), primary, standby, naiveStandby, EnEntityTypes.all(), material, sim, pool);
    }

    /** A 200-resource project, cold standby; apps are followed until ready, as in production. */
    private void codeEngine(IbmCloudSimulator sim, ExecutorService pool) {
        sim.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(100));
        String primaryId = sim.createCodeEngineProject(PRIMARY);
        CodeEngineSeedManifest manifest = sim.seedCodeEngine(PRIMARY, primaryId, ceResources, 7);
        String standbyId = sim.createCodeEngineProject(STANDBY);
        String naiveId = sim.createCodeEngineProject(NAIVE_STANDBY);
        Endpoints endpoints = new Endpoints(sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate());
        IbmHttp http = IbmHttp.create(
                endpoints, HttpSettings.defaults().withMaxConcurrentPerRegion(concurrency), CallObserver.NONE);
        CodeEngineClients clients = new HttpCodeEngineClients(endpoints, http, Duration.ofMillis(50));
        ApiKey key = new ApiKey("bench-api-key");
        clients.forProject(PRIMARY, primaryId, key).project();
        CeEntityStore.Settings settings = CeEntityStore.Settings.defaults();
        measure(
                "ce",
                manifest.resourceCount(),
                new CeEntityStore(clients.forProject(PRIMARY, primaryId, key), settings),
                new CeEntityStore(clients.forProject(STANDBY, standbyId, key), settings),
                new CeEntityStore(clients.forProject(NAIVE_STANDBY, naiveId, key), settings),
                CeEntityTypes.all(CodeEngineStandbyMode.Cold),
                MaterialSource.NONE,
                sim,
                pool);
    }

    /** Initial sync, the naive copy of the same, and a steady-state pass; calls counted by the simulator. */
    private void measure(
            String service,
            int entityCount,
            EntityStore primary,
            EntityStore standby,
            EntityStore naiveStandby,
            List<EntityType> types,
            MaterialSource material,
            IbmCloudSimulator sim,
            ExecutorService pool) {
        SyncEngine engine = new SyncEngine(pool, concurrency);
        Watermarks watermarks = new Watermarks();
        SyncRequest request = new SyncRequest(
                primary,
                List.of(new SyncTarget(STANDBY, standby, watermarks, Overrides.NONE)),
                types,
                new SyncPolicy(true, true, 10, false, 0, null),
                material);

        sim.resetStats();
        long start = System.nanoTime();
        SyncOutcome initial = engine.sync(request);
        long initialMs = millisSince(start);
        CallStats initialStats = sum(sim, PRIMARY, STANDBY);
        SyncOutcome.Counts counts = initial.targets().get(0).counts();

        boolean compare = service.equals("en") || service.equals("ce");
        sim.resetStats();
        start = System.nanoTime();
        int naiveWrites = !compare ? 0 : new NaiveCopy(primary, naiveStandby, material, pool).copy(types);
        long naiveMs = millisSince(start);
        CallStats naiveStats = sum(sim, PRIMARY, NAIVE_STANDBY);

        sim.resetStats();
        start = System.nanoTime();
        SyncOutcome steady = engine.sync(request);
        long steadyMs = millisSince(start);
        CallStats steadyStats = sum(sim, PRIMARY, STANDBY);

        Map<String, Object> st = new LinkedHashMap<>();
        st.put("wall_ms", steadyMs);
        st.put("calls", steadyStats.calls());
        st.put("writes", steadyStats.writes());
        st.put("list_calls", steadyStats.listCalls());
        st.put("entity_reads", steadyStats.entityReads());
        st.put("unchanged", steady.targets().get(0).counts().unchanged());
        if (!compare) {
            st.put("entities", entityCount);
            results.put(service, st);
            return;
        }
        results.put(service + ".steady", st);
        double boundMs = latency.toMillis() * (double) initialStats.calls() / concurrency;
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("entities", entityCount);
        init.put("wall_ms", initialMs);
        init.put("calls", initialStats.calls());
        init.put("writes", initialStats.writes());
        init.put("created", counts.created());
        init.put("failed", counts.failed());
        init.put("skipped", counts.skipped());
        init.put("naive_wall_ms", naiveMs);
        init.put("naive_calls", naiveStats.calls());
        init.put("naive_writes", naiveWrites);
        init.put("speedup", round(naiveMs / (double) initialMs));
        init.put("bound_ms", Math.round(boundMs));
        init.put("bound_ratio", round(initialMs / boundMs));
        results.put(service + ".initial", init);
    }

    private static MaterialSource material(SeedManifest manifest) {
        Map<String, Material> destinations = new HashMap<>();
        manifest.destinationSecrets()
                .forEach((name, values) -> destinations.put(name, Material.of(values, List.of(), "seed manifest")));
        Map<String, Material> templates = new HashMap<>();
        manifest.templateBodies().forEach((name, body) -> {
            Map<String, String> values = new HashMap<>();
            values.put("body", body.body());
            if (body.subject() != null) {
                values.put("subject", body.subject());
            }
            templates.put(name, Material.of(values, List.of(), "seed manifest"));
        });
        return (type, name) -> switch (type) {
            case "destination" -> Optional.ofNullable(destinations.get(name));
            case "template" -> Optional.ofNullable(templates.get(name));
            default -> Optional.empty();
        };
    }

    private static CallStats sum(IbmCloudSimulator sim, String... regions) {
        long calls = 0;
        long lists = 0;
        long reads = 0;
        long writes = 0;
        for (String r : regions) {
            CallStats s = sim.stats(r);
            calls += s.calls();
            lists += s.listCalls();
            reads += s.entityReads();
            writes += s.writes();
        }
        return new CallStats(calls, lists, reads, writes, Map.of());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
