package dev.regionguard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The simulator's IBM Cloud Internet Services: instances known by CRN with their zones, the API's
 * faults and call counts, and where the API and the load balanced host names are served. CIS is a
 * global service, so its faults are the simulator's, not a region's; they model the control plane
 * only: load balancing at the edge and health checks go on while the API is down, and follow the
 * regions' outages instead.
 */
public final class CisControl {

    /** The region slot of {@link AccessDenials} for CIS, which has no region. */
    static final String SCOPE = "global";

    private final Map<String, CisInstance> instances = new ConcurrentHashMap<>();
    private final FaultControls faults = new FaultControls();
    private final StatsRecorder stats = new StatsRecorder();
    private final AccessDenials denials;
    private final Supplier<String> baseUrl;

    CisControl(AccessDenials denials, Supplier<String> baseUrl) {
        this.denials = denials;
        this.baseUrl = baseUrl;
    }

    /**
     * A new instance with a random GUID holding the given zones (domains); returns its CRN,
     * {@code crn:v1:bluemix:public:internet-svcs:global:a/<account>:<guid>::}.
     */
    public String createInstance(String... zones) {
        String crn =
                "crn:v1:bluemix:public:internet-svcs:global:a/" + CeProject.ACCOUNT_ID + ":" + UUID.randomUUID() + "::";
        CisInstance instance = new CisInstance(crn);
        for (String zone : zones) {
            instance.addZone(zone);
        }
        instances.put(crn, instance);
        return crn;
    }

    /**
     * Adds a zone to the instance; returns its id.
     *
     * @throws IllegalArgumentException for an unknown CRN, a zone the instance has, or no domain name
     */
    public String addZone(String crn, String zone) {
        return require(crn).addZone(zone);
    }

    /** The id of the instance's zone named {@code zone}; @throws IllegalArgumentException when it has none */
    public String zoneId(String crn, String zone) {
        String id = require(crn).zoneIdOf(zone);
        if (id == null) {
            throw new IllegalArgumentException("instance " + crn + " has no zone " + zone);
        }
        return id;
    }

    /**
     * Seeds the load balancing of IBM's multi-region tutorial for {@code hostname} in {@code zone}:
     * a health check sending it as Host, a pool per region with that region's CNAME target as its
     * origin, and a load balancer over the pools in the map's order.
     *
     * @param targets region to CNAME target ({@code custom.<id>.<region>.codeengine.appdomain.cloud})
     * @return region to pool id
     */
    public Map<String, String> seedLoadBalancer(String crn, String zone, String hostname, Map<String, String> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a load balancer needs at least one pool");
        }
        zoneId(crn, zone);
        return CisSeeder.seed(require(crn), zone, hostname, targets);
    }

    public List<String> instanceCrns() {
        return instances.keySet().stream().sorted().toList();
    }

    /** {@code <base>/cis}, the simulator's stand-in for {@code https://api.cis.cloud.ibm.com}. */
    public String apiUrl() {
        return baseUrl.get() + "/cis";
    }

    /**
     * {@code <base>/edge/<hostname>}: what {@code https://<hostname>} reaches through the instance's
     * global load balancer of that name (see {@code EdgeTraffic}).
     */
    public String edgeUrl(String hostname) {
        return baseUrl.get() + "/edge/" + hostname;
    }

    /** The CIS API's faults: down modes, latency, error rate, throttling, partitions (not injected faults). */
    public FaultControls faults() {
        return faults;
    }

    /** Calls to the CIS API (not the edge). */
    public CallStats stats() {
        return stats.snapshot();
    }

    public void resetStats() {
        stats.reset();
    }

    /** The CIS API answers 403 to tokens of this key on that instance. */
    public void denyAccess(String apiKey, String crn) {
        denials.deny(apiKey, SCOPE, Objects.requireNonNull(crn, "crn"));
    }

    /** Undoes {@link #denyAccess}. */
    public void allowAccess(String apiKey, String crn) {
        denials.allow(apiKey, SCOPE, crn);
    }

    /** The instance, or null. */
    CisInstance instance(String crn) {
        return instances.get(crn);
    }

    /** Every instance, for the edge. */
    List<CisInstance> instances() {
        return new ArrayList<>(instances.values());
    }

    StatsRecorder statsRecorder() {
        return stats;
    }

    private CisInstance require(String crn) {
        CisInstance instance = instances.get(crn);
        if (instance == null) {
            throw new IllegalArgumentException("no CIS instance " + crn);
        }
        return instance;
    }
}
