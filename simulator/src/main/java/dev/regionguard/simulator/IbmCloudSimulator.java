package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IBM Cloud on 127.0.0.1 for tests and the standalone {@code simulate} mode: IAM's token endpoint,
 * the Event Notifications admin API v1 and the Code Engine API v2 of several regions, and global CIS
 * load balancing, with fault injection. It follows IBM's wire format (IBM's API docs and SDKs) and
 * shares no code with the operator's clients.
 *
 * <p>Paths on {@link #baseUrl()}:
 * <ul>
 *   <li>{@code POST /iam/identity/token}: IAM apikey grant.</li>
 *   <li>{@code /{region}/event-notifications/v1/instances/{id}/...}: EN, Bearer token required.</li>
 *   <li>{@code /{region}/codeengine/v2/...}: Code Engine projects and resources, as EN.</li>
 *   <li>{@code /apps/{region}/{projectId}/{app}/...}: the endpoints of Code Engine apps (see {@code endpoint}).</li>
 *   <li>{@code /cis/v1/{crn}/...} (CIS API), {@code /edge/{hostname}/...} (its load balancers): see {@link #cis()}.</li>
 *   <li>{@code /_sim/...}: the control API, neither counted nor faulted (see {@code ControlApi}).</li>
 * </ul>
 */
public final class IbmCloudSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IbmCloudSimulator.class);

    private final SimulatedRegions regions;
    private final int requestedPort;
    private final SimClock clock = new SimClock();
    private final CeContext codeEngine = new CeContext(clock, this::baseUrl);
    private final TokenIssuer tokens;
    private final AccessDenials denials = new AccessDenials();
    private final StatsRecorder iamStats = new StatsRecorder();
    private final CisControl cis = new CisControl(denials, this::baseUrl);
    private SimulatorHttpServer server;
    private volatile String baseUrl;

    private IbmCloudSimulator(Builder builder) {
        this.regions = new SimulatedRegions(builder.regions, codeEngine);
        this.requestedPort = builder.port;
        this.tokens = new TokenIssuer(builder.tokenTtl);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private List<String> regions = List.of("us-south", "eu-de");
        private int port;
        private Duration tokenTtl = Duration.ofHours(1);

        private Builder() {}

        /** The regions served (default us-south and eu-de). */
        public Builder regions(String... names) {
            regions = SimulatedRegions.validNames(names);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = SimulatorHttpServer.validPort(port);
            return this;
        }

        /** Lifetime of access tokens (default 1 h); whole seconds are reported as expires_in. */
        public Builder tokenTtl(Duration ttl) {
            this.tokenTtl = TokenIssuer.validTtl(ttl);
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
        Map<String, Region> byName = regions.byName();
        server = SimulatorHttpServer.start(
                requestedPort,
                new SimulatorHttpServer.Endpoints(
                        new EnEndpoint(byName, tokens, denials, this::baseUrl, regions.emailDns()),
                        new CeEndpoint(byName, tokens, denials),
                        new AppTraffic(byName),
                        new IamEndpoint(tokens, iamStats),
                        new ControlApi(this, codeEngine.timings()),
                        new CisEndpoint(cis, tokens, denials, byName)));
        baseUrl = server.baseUrl();
        LOG.info("IBM Cloud simulator serving {} on {}", regions.names(), baseUrl);
        return this;
    }

    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return url;
    }

    public OutsideWorld outside() {
        return new OutsideWorld(regions);
    }

    public String iamUrl() {
        return baseUrl() + "/iam";
    }

    public String eventNotificationsTemplate() {
        return baseUrl() + "/{region}/event-notifications";
    }

    public String eventNotificationsUrl(String region) {
        return eventNotificationsTemplate()
                .replace("{region}", regions.get(region).name());
    }

    public String codeEngineTemplate() {
        return baseUrl() + "/{region}/codeengine/v2";
    }

    /** The Code Engine v2 base URL of a region, e.g. {@code http://127.0.0.1:PORT/eu-de/codeengine/v2}. */
    public String codeEngineUrl(String region) {
        return codeEngineTemplate().replace("{region}", regions.get(region).name());
    }

    /** IBM Cloud Internet Services: instances and zones, the API's faults and stats, API and edge URLs. */
    public CisControl cis() {
        return cis;
    }

    public List<String> regions() {
        return regions.names();
    }

    /** A new instance with a random GUID and IBM's built-ins. */
    public String createEventNotificationsInstance(String region) {
        return regions.addInstance(region, UUID.randomUUID().toString(), clock);
    }

    public void createEventNotificationsInstance(String region, String instanceId) {
        regions.addInstance(region, instanceId, clock);
    }

    public List<String> instanceIds(String region) {
        return regions.get(region).instanceIds();
    }

    /** About {@code entityCount} realistic, repeatable entities (at least 8); refused when the names exist. */
    public SeedManifest seedEventNotifications(String region, String instanceId, int entityCount, long randomSeed) {
        return regions.seedInstance(region, instanceId, entityCount, randomSeed);
    }

    /** Everything the instance holds, write-only values included (see {@link EnSnapshot#of}). */
    public ObjectNode eventNotificationsSnapshot(String region, String instanceId) {
        return EnSnapshot.of(regions.get(region).requireInstance(instanceId));
    }

    /** A new, active Code Engine project with a random UUID, named {@code project-<id>}. */
    public String createCodeEngineProject(String region) {
        return regions.addProject(region, UUID.randomUUID().toString());
    }

    /** As above, with that id (IllegalArgumentException when taken): it holds only {@code ce-auto-icr-private-<region>}. */
    public void createCodeEngineProject(String region, String projectId) {
        regions.addProject(region, projectId);
    }

    /** Projects of the region not permanently deleted (soft-deleted ones included), sorted. */
    public List<String> codeEngineProjectIds(String region) {
        return regions.get(region).codeEngine().all().stream()
                .map(CeProject::id)
                .toList();
    }

    /**
     * Writes a realistic, repeatable project of exactly {@code resourceCount} resources (at least 20),
     * settled at once (apps ready); see {@link CeSeeder} for the mix. Its domain names are unique per
     * region, so one seed cannot be applied to two projects of one region.
     *
     * @throws IllegalStateException when the project is not active or already holds the seed's names
     */
    public CodeEngineSeedManifest seedCodeEngine(String region, String projectId, int resourceCount, long seed) {
        return regions.seedProject(region, projectId, resourceCount, seed);
    }

    /** Everything the project holds (see {@link CeSnapshot#of}); works in any project status. */
    public ObjectNode codeEngineSnapshot(String region, String projectId) {
        return CeSnapshot.of(regions.requireProject(region, projectId));
    }

    /** From now on, revisions and runs of this exact image (build runs: output_image) fail to pull: apps go failed/warning. */
    public void failImage(String imageReference) {
        codeEngine.failImage(Objects.requireNonNull(imageReference, "imageReference"));
    }

    /** Undoes {@link #failImage} for revisions made from now on. */
    public void healImage(String imageReference) {
        codeEngine.healImage(Objects.requireNonNull(imageReference, "imageReference"));
    }

    /** Write delays from now on: app/function until ready (100 ms), DELETE until gone/soft_deleted (200 ms); 0: at once. */
    public void setCodeEngineTimings(Duration appReady, Duration deleteCompletes) {
        codeEngine.timings().appReady(appReady);
        codeEngine.timings().deleteCompletes(deleteCompletes);
    }

    /** How long projects created over HTTP from now on stay {@code creating} (default 200 ms). */
    public void setCodeEngineProjectActivation(Duration delay) {
        codeEngine.timings().projectActivation(delay);
    }

    public FaultControls faults(String region) {
        return regions.get(region).faults();
    }

    /** IAM refuses the key from now on; tokens issued before stay valid until they expire. */
    public void revokeApiKey(String apiKey) {
        tokens.revoke(apiKey);
    }

    /** Undoes {@link #revokeApiKey}. */
    public void restoreApiKey(String apiKey) {
        tokens.restore(apiKey);
    }

    /** Token requests IAM refused because this key is revoked. */
    public int refusedTokenRequests(String apiKey) {
        return tokens.refusalsOf(apiKey);
    }

    /** EN and Code Engine answer 403 to tokens of this key on that EN instance or Code Engine project. */
    public void denyAccess(String apiKey, String region, String instanceId) {
        denials.deny(apiKey, regions.get(region).name(), instanceId);
    }

    /** Undoes {@link #denyAccess}. */
    public void allowAccess(String apiKey, String region, String instanceId) {
        denials.allow(apiKey, regions.get(region).name(), instanceId);
    }

    /** Every token issued so far is expired; EN and Code Engine answer 401 until the client fetches a new one. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** API calls of the region, EN and Code Engine (not IAM, control or app traffic). */
    public CallStats stats(String region) {
        return regions.get(region).apiStats().snapshot();
    }

    /** The region's Event Notifications calls. */
    public CallStats eventNotificationsStats(String region) {
        return regions.get(region).eventNotificationsStats().snapshot();
    }

    /** The region's Code Engine API calls. */
    public CallStats codeEngineStats(String region) {
        return regions.get(region).codeEngineStats().snapshot();
    }

    /** Requests to the region's app endpoints; only {@code calls} and {@code byStatus} are filled. */
    public CallStats appTrafficStats(String region) {
        return regions.get(region).appTrafficStats().snapshot();
    }

    /** Calls to the IAM token endpoint; only {@code calls} and {@code byStatus} are filled. */
    public CallStats iamStats() {
        return iamStats.snapshot();
    }

    public void resetStats() {
        iamStats.reset();
        regions.resetStats();
        cis.resetStats();
    }

    /** Stops serving; held BLACKHOLE calls are let go first. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        regions.allUp();
        server.stop();
        server = null;
        LOG.info("IBM Cloud simulator on {} stopped", baseUrl);
    }
}
