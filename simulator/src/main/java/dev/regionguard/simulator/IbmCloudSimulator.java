package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IBM Cloud on 127.0.0.1 for tests and the standalone {@code simulate} mode: IAM's token endpoint,
 * the Event Notifications admin API v1 and the Code Engine API v2 of several regions, with fault
 * injection. It follows IBM's wire format (IBM's API docs and SDKs) and shares no code with
 * the operator's clients.
 *
 * <p>Paths on {@link #baseUrl()}:
 * <ul>
 *   <li>{@code POST /iam/identity/token}: IAM apikey grant.</li>
 *   <li>{@code /{region}/event-notifications/v1/instances/{id}/...}: EN, Bearer token required.</li>
 *   <li>{@code /{region}/codeengine/v2/...}: Code Engine projects and their resources, Bearer token
 *     required; the region's faults apply as to EN.</li>
 *   <li>{@code /apps/{region}/{projectId}/{app}/...}: the endpoints of Code Engine apps (see {@code endpoint}).</li>
 *   <li>{@code /_sim/...}: the control API, neither counted nor faulted:
 *     {@code POST regions/{r}/down?mode=UNAVAILABLE|CONNECTION_RESET|BLACKHOLE}, {@code POST regions/{r}/up},
 *     {@code POST regions/{r}/clear}, {@code POST regions/{r}/latency?ms=N},
 *     {@code POST regions/{r}/error-rate?rate=0.1[&seed=S]}, {@code POST regions/{r}/throttle?count=N&retryAfter=S},
 *     {@code POST regions/{r}/instances[?instance_id=ID][&entities=N&seed=S]} (201 {@code {"instance_id"}}),
 *     {@code GET regions/{r}/instances}, {@code GET regions/{r}/instances/{id}/snapshot},
 *     {@code POST regions/{r}/projects[?project_id=ID][&resources=N&seed=S]} (201 {@code {"project_id"}}),
 *     {@code GET regions/{r}/projects}, {@code GET regions/{r}/projects/{id}/snapshot},
 *     {@code POST codeengine/fail-image?image=REF}, {@code POST codeengine/heal-image?image=REF},
 *     {@code POST codeengine/timings[?app_ready_ms=N][&delete_ms=N][&project_active_ms=N]},
 *     {@code POST revoke} (form or JSON field {@code apikey}), {@code POST expire-tokens},
 *     {@code GET stats}, {@code POST stats/reset}.</li>
 * </ul>
 */
public final class IbmCloudSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IbmCloudSimulator.class);
    private static final int HANDLER_THREADS = 200;

    static {
        // The JDK server flushes headers and body separately; with Nagle on, each answer then waits
        // ~40 ms for the client's delayed ACK. Read once, when the first HttpServer is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Map<String, Region> regions;
    private final List<String> regionOrder;
    private final int requestedPort;
    private final SimClock clock = new SimClock();
    private final CeContext codeEngine = new CeContext(clock, this::baseUrl);
    private final TokenIssuer tokens;
    private final AccessDenials denials = new AccessDenials();
    private final StatsRecorder iamStats = new StatsRecorder();
    private HttpServer server;
    private ExecutorService executor;
    private volatile String baseUrl;

    private IbmCloudSimulator(Builder builder) {
        Map<String, Region> byName = new LinkedHashMap<>();
        builder.regions.forEach(name -> byName.put(name, new Region(name, codeEngine)));
        this.regions = Map.copyOf(byName);
        this.requestedPort = builder.port;
        this.regionOrder = List.copyOf(byName.keySet());
        this.tokens = new TokenIssuer(builder.tokenTtl);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<String> regions = new ArrayList<>(List.of("us-south", "eu-de"));
        private int port;
        private Duration tokenTtl = Duration.ofHours(1);

        private Builder() {}

        /** The regions served (default us-south and eu-de). */
        public Builder regions(String... names) {
            if (names.length == 0) {
                throw new IllegalArgumentException("at least one region is needed");
            }
            regions.clear();
            for (String name : names) {
                if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                    throw new IllegalArgumentException("not a region name: " + name);
                }
                if (!regions.contains(name)) {
                    regions.add(name);
                }
            }
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Lifetime of access tokens (default 1 h); whole seconds are reported as expires_in. */
        public Builder tokenTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("token TTL must be positive: " + ttl);
            }
            this.tokenTtl = ttl;
            return this;
        }

        public IbmCloudSimulator build() {
            return new IbmCloudSimulator(this);
        }
    }

    /** Binds 127.0.0.1 and starts serving. */
    public synchronized IbmCloudSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName("127.0.0.1"), requestedPort), HANDLER_THREADS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + requestedPort, e);
        }
        // a large pool: latency and BLACKHOLE faults park handler threads, and must not serialise calls
        executor = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads());
        server.setExecutor(executor);
        Endpoints endpoints = new Endpoints(
                new EnEndpoint(regions, tokens, denials, this::baseUrl),
                new CeEndpoint(regions, tokens, denials),
                new AppTraffic(regions),
                new IamEndpoint(tokens, iamStats),
                new ControlApi(this));
        server.createContext("/", exchange -> dispatch(exchange, endpoints));
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        LOG.info("IBM Cloud simulator serving {} on {}", regionOrder, baseUrl);
        return this;
    }

    private record Endpoints(
            EnEndpoint en, CeEndpoint codeEngine, AppTraffic apps, IamEndpoint iam, ControlApi control) {}

    private static void dispatch(HttpExchange exchange, Endpoints endpoints) {
        try {
            List<String> segments = HttpIo.pathSegments(exchange);
            String first = segments.isEmpty() ? "" : segments.get(0);
            String second = segments.size() >= 2 ? segments.get(1) : "";
            if (first.equals("_sim")) {
                endpoints.control().handle(exchange, segments);
            } else if (first.equals("iam")) {
                endpoints.iam().handle(exchange, segments);
            } else if (first.equals("apps")) {
                endpoints.apps().handle(exchange, segments);
            } else if (second.equals("event-notifications")) {
                endpoints.en().handle(exchange, segments);
            } else if (second.equals("codeengine")) {
                endpoints.codeEngine().handle(exchange, segments);
            } else {
                HttpIo.sendError(
                        exchange,
                        IbmService.EVENT_NOTIFICATIONS,
                        ApiException.notFound("No such path: " + exchange.getRequestURI()));
            }
        } catch (ApiException e) {
            sendQuietly(exchange, e);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Simulator exchange failed: {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private static void sendQuietly(HttpExchange exchange, ApiException e) {
        try {
            HttpIo.sendError(exchange, IbmService.EVENT_NOTIFICATIONS, e);
        } catch (IOException | RuntimeException ignored) {
            // the client is gone; nothing left to tell it
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ibm-cloud-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return url;
    }

    public String iamUrl() {
        return baseUrl() + "/iam";
    }

    public String eventNotificationsTemplate() {
        return baseUrl() + "/{region}/event-notifications";
    }

    public String eventNotificationsUrl(String region) {
        return eventNotificationsTemplate().replace("{region}", region(region).name());
    }

    public String codeEngineTemplate() {
        return baseUrl() + "/{region}/codeengine/v2";
    }

    /** The Code Engine v2 base URL of a region, e.g. {@code http://127.0.0.1:PORT/eu-de/codeengine/v2}. */
    public String codeEngineUrl(String region) {
        return codeEngineTemplate().replace("{region}", region(region).name());
    }

    public List<String> regions() {
        return regionOrder;
    }

    /** A new instance with a random GUID and IBM's built-ins. */
    public String createEventNotificationsInstance(String region) {
        String instanceId = UUID.randomUUID().toString();
        createEventNotificationsInstance(region, instanceId);
        return instanceId;
    }

    public void createEventNotificationsInstance(String region, String instanceId) {
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank() || instanceId.contains("/")) {
            throw new IllegalArgumentException("not an instance id: " + instanceId);
        }
        region(region).addInstance(instanceId, clock);
    }

    public List<String> instanceIds(String region) {
        return region(region).instanceIds();
    }

    /**
     * Writes a realistic, repeatable configuration of about {@code entityCount} entities (at least
     * eight: every kind gets one) into a fresh instance.
     *
     * @throws IllegalStateException when the instance already holds entities with the seed's names
     */
    public SeedManifest seedEventNotifications(String region, String instanceId, int entityCount, long randomSeed) {
        try {
            return EnSeeder.seed(region(region).requireInstance(instanceId), entityCount, randomSeed);
        } catch (ApiException e) {
            throw new IllegalStateException("cannot seed instance " + instanceId + ": " + e.getMessage(), e);
        }
    }

    /** Everything the instance holds, write-only values included (see {@link EnSnapshot#of}). */
    public ObjectNode eventNotificationsSnapshot(String region, String instanceId) {
        return EnSnapshot.of(region(region).requireInstance(instanceId));
    }

    /** A new, active Code Engine project with a random UUID, named {@code project-<id>}. */
    public String createCodeEngineProject(String region) {
        String projectId = UUID.randomUUID().toString();
        createCodeEngineProject(region, projectId);
        return projectId;
    }

    /**
     * A new, active Code Engine project (no creation delay) holding only its system secret
     * {@code ce-auto-icr-private-<region>}.
     *
     * @throws IllegalArgumentException when the region already has a project with that id
     */
    public void createCodeEngineProject(String region, String projectId) {
        Objects.requireNonNull(projectId, "projectId");
        if (projectId.isBlank() || projectId.contains("/")) {
            throw new IllegalArgumentException("not a project id: " + projectId);
        }
        try {
            region(region)
                    .codeEngine()
                    .create(projectId, "project-" + projectId, CeProject.DEFAULT_RESOURCE_GROUP, Duration.ZERO);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Projects of the region that are not gone, sorted. */
    public List<String> codeEngineProjectIds(String region) {
        return region(region).codeEngine().all().stream().map(CeProject::id).toList();
    }

    /**
     * Writes a realistic, repeatable project of exactly {@code resourceCount} resources (at least 20),
     * settled at once (apps ready); see {@link CeSeeder} for the mix. Its domain names are claimed
     * simulator-wide, so one seed cannot be applied to two projects of one simulator.
     *
     * @throws IllegalStateException when the project is not active or already holds the seed's names
     */
    public CodeEngineSeedManifest seedCodeEngine(String region, String projectId, int resourceCount, long seed) {
        try {
            return CeSeeder.seed(requireProject(region, projectId), resourceCount, seed);
        } catch (ApiException e) {
            throw new IllegalStateException("cannot seed project " + projectId + ": " + e.getMessage(), e);
        }
    }

    /** Everything the project holds (see {@link CeSnapshot#of}); works in any project status. */
    public ObjectNode codeEngineSnapshot(String region, String projectId) {
        return CeSnapshot.of(requireProject(region, projectId));
    }

    /**
     * App revisions made from now on with this exact {@code image_reference} fail to pull: the app
     * goes {@code failed} (or {@code warning} while an older revision still serves).
     */
    public void failImage(String imageReference) {
        codeEngine.failImage(Objects.requireNonNull(imageReference, "imageReference"));
    }

    /** Undoes {@link #failImage} for revisions made from now on. */
    public void healImage(String imageReference) {
        codeEngine.healImage(Objects.requireNonNull(imageReference, "imageReference"));
    }

    /**
     * Delays for writes from now on: an app or function write until ready (default 100 ms), a 202
     * DELETE until the resource or project is gone (default 200 ms). Zero completes at once.
     */
    public void setCodeEngineTimings(Duration appReady, Duration deleteCompletes) {
        codeEngine.timings().appReady(appReady);
        codeEngine.timings().deleteCompletes(deleteCompletes);
    }

    /** How long projects created over HTTP from now on stay {@code creating} (default 200 ms). */
    public void setCodeEngineProjectActivation(Duration delay) {
        codeEngine.timings().projectActivation(delay);
    }

    /** For the control API, which sets single delays. */
    CeTimings codeEngineTimings() {
        return codeEngine.timings();
    }

    private CeProject requireProject(String region, String projectId) {
        CeProject project = region(region).codeEngine().find(projectId);
        if (project == null) {
            throw new IllegalArgumentException("Region " + region + " has no Code Engine project " + projectId);
        }
        return project;
    }

    public FaultControls faults(String region) {
        return region(region).faults();
    }

    /** IAM refuses the key from now on; tokens issued before stay valid until they expire. */
    public void revokeApiKey(String apiKey) {
        tokens.revoke(apiKey);
    }

    /** Undoes {@link #revokeApiKey}. */
    public void restoreApiKey(String apiKey) {
        tokens.restore(apiKey);
    }

    /** EN and Code Engine answer 403 to tokens of this key on that EN instance or Code Engine project. */
    public void denyAccess(String apiKey, String region, String instanceId) {
        denials.deny(apiKey, region(region).name(), instanceId);
    }

    /** Undoes {@link #denyAccess}. */
    public void allowAccess(String apiKey, String region, String instanceId) {
        denials.allow(apiKey, region(region).name(), instanceId);
    }

    /** Every token issued so far is expired; EN and Code Engine answer 401 until the client fetches a new one. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** API calls of the region, EN and Code Engine (IAM, control and app traffic are not counted). */
    public CallStats stats(String region) {
        return region(region).apiStats().snapshot();
    }

    /** The region's Event Notifications calls. */
    public CallStats eventNotificationsStats(String region) {
        return region(region).eventNotificationsStats().snapshot();
    }

    /** The region's Code Engine API calls. */
    public CallStats codeEngineStats(String region) {
        return region(region).codeEngineStats().snapshot();
    }

    /** Requests to the region's app endpoints; only {@code calls} and {@code byStatus} are filled. */
    public CallStats appTrafficStats(String region) {
        return region(region).appTrafficStats().snapshot();
    }

    /** Calls to the IAM token endpoint; only {@code calls} and {@code byStatus} are filled. */
    public CallStats iamStats() {
        return iamStats.snapshot();
    }

    public void resetStats() {
        iamStats.reset();
        regions.values().forEach(Region::resetStats);
    }

    /** Stops serving; held BLACKHOLE calls are let go first. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        regions.values().forEach(region -> region.faults().up());
        server.stop(0);
        executor.shutdownNow();
        server = null;
        LOG.info("IBM Cloud simulator on {} stopped", baseUrl);
    }

    private Region region(String name) {
        Region region = regions.get(name);
        if (region == null) {
            throw new IllegalArgumentException("unknown region " + name + "; the simulator serves " + regionOrder);
        }
        return region;
    }
}
