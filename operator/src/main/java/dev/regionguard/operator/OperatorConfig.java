package dev.regionguard.operator;

import dev.regionguard.cloud.Endpoints;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's own configuration, from environment variables (see README "Configuration").
 *
 * @param endpoints              where IBM Cloud lives (public, private, or templates for a simulator)
 * @param watchNamespaces        namespaces to watch; empty means all
 * @param leaderElection         whether to take a Lease before reconciling
 * @param leaseDuration          how long a Lease holds without renewal: a standby takes over at most this late
 * @param maxConcurrentPerRegion in-flight IBM Cloud calls per region, across all protections
 * @param syncParallelism        entity reads and writes one pass keeps in flight per store
 * @param codeEnginePollInterval how often a Code Engine app or delete is polled until it settles
 * @param maxReconcileInterval   longest time between two passes of a protection without any event: its
 *                               probes and sync never wait longer for a timer that was lost
 * @param exitOnInformerFailure  whether the operator owns its process: an informer that fails after its start,
 *                               or a lost lease, ends it (Kubernetes restarts the pod); in-process users (the
 *                               tools, the tests) keep their JVM and the operator just stops
 */
public record OperatorConfig(
        Endpoints endpoints,
        Set<String> watchNamespaces,
        boolean leaderElection,
        String leaseName,
        String leaseNamespace,
        String identity,
        Duration leaseDuration,
        int maxConcurrentPerRegion,
        int syncParallelism,
        int httpPort,
        Duration codeEnginePollInterval,
        Duration maxReconcileInterval,
        boolean exitOnInformerFailure) {

    static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

    public static OperatorConfig fromEnvironment(Map<String, String> env) {
        Endpoints base = Endpoints.of(env.getOrDefault("REGIONGUARD_ENDPOINT_TYPE", "public"));
        Endpoints endpoints = new Endpoints(
                env.getOrDefault("REGIONGUARD_IAM_URL", base.iamUrl()),
                env.getOrDefault("REGIONGUARD_EN_ENDPOINT_TEMPLATE", base.eventNotificationsTemplate()),
                env.getOrDefault("REGIONGUARD_CE_ENDPOINT_TEMPLATE", base.codeEngineTemplate()),
                env.getOrDefault("REGIONGUARD_CIS_ENDPOINT", base.cisUrl()));
        Set<String> namespaces = Arrays.stream(
                        env.getOrDefault("REGIONGUARD_WATCH_NAMESPACES", "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new OperatorConfig(
                endpoints,
                namespaces,
                Boolean.parseBoolean(env.getOrDefault("REGIONGUARD_LEADER_ELECTION", "false")),
                env.getOrDefault("REGIONGUARD_LEASE_NAME", "regionguard-operator"),
                env.get("REGIONGUARD_LEASE_NAMESPACE"),
                env.getOrDefault("REGIONGUARD_POD_NAME", hostname()),
                DEFAULT_LEASE,
                positive(env, "REGIONGUARD_MAX_CONCURRENT_PER_REGION", 8),
                positive(env, "REGIONGUARD_SYNC_PARALLELISM", 16),
                positive(env, "REGIONGUARD_HTTP_PORT", 8080),
                Duration.ofSeconds(5),
                ReconcileSchedule.maxInterval(env.get("REGIONGUARD_MAX_RECONCILE_INTERVAL")),
                true);
    }

    /**
     * Against local endpoints (the simulator, in the tools and the tests): every namespace, no Lease, no
     * HTTP port of its own, quick Code Engine polling.
     */
    public static OperatorConfig local(Endpoints endpoints) {
        return new OperatorConfig(
                endpoints,
                Set.of(),
                false,
                "regionguard-operator",
                null,
                "local",
                DEFAULT_LEASE,
                8,
                16,
                0,
                Duration.ofMillis(100),
                ReconcileSchedule.DEFAULT_MAX_INTERVAL,
                false);
    }

    /** This configuration taking the Lease {@code leaseName} in {@code namespace} as {@code identity}. */
    public OperatorConfig withLeaderElection(String namespace, String identity, Duration lease) {
        return new OperatorConfig(
                endpoints,
                watchNamespaces,
                true,
                leaseName,
                namespace,
                identity,
                lease,
                maxConcurrentPerRegion,
                syncParallelism,
                httpPort,
                codeEnginePollInterval,
                maxReconcileInterval,
                exitOnInformerFailure);
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
    }

    private static String hostname() {
        String host = System.getenv("HOSTNAME");
        return host == null ? "regionguard" : host;
    }
}
