package dev.regionguard.operator;

import dev.regionguard.api.ProtectionKind;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IamTokenService;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.cloud.http.TokenProvider;
import dev.regionguard.codeengine.CeEntityStore;
import dev.regionguard.codeengine.CodeEngineClients;
import dev.regionguard.codeengine.CodeEngineProtectionReconciler;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.controller.failover.FailoverHooks;
import dev.regionguard.controller.failover.RegionFailoverReconciler;
import dev.regionguard.controller.protection.ProtectionServices;
import dev.regionguard.controller.protection.SyncReporter;
import dev.regionguard.edge.HttpCisClients;
import dev.regionguard.eventnotifications.EventNotificationsClients;
import dev.regionguard.eventnotifications.EventNotificationsProtectionReconciler;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.health.RegionHealthBoard;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.telemetry.EventRecorder;
import dev.regionguard.telemetry.LogContext;
import dev.regionguard.telemetry.RegionGuardMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the reconcilers to their collaborators and runs them under Java Operator SDK. */
public final class RegionGuardOperator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegionGuardOperator.class);
    /** Standbys proven at once; more wait in the queue, and a full queue retries at the next pass. */
    private static final int VERIFY_THREADS = 4;

    private static final int VERIFY_QUEUE = 256;
    private final Operator operator;
    private final List<ExecutorService> pools;
    private final PrometheusMeterRegistry registry;
    private final RegionGuardMetrics metrics;
    private final AtomicBoolean stopping;

    private RegionGuardOperator(
            Operator operator,
            List<ExecutorService> pools,
            PrometheusMeterRegistry registry,
            RegionGuardMetrics metrics,
            AtomicBoolean stopping) {
        this.stopping = stopping;
        this.operator = operator;
        this.pools = pools;
        this.registry = registry;
        this.metrics = metrics;
    }

    /**
     * @param withoutServerSideApply true for an API server without server-side apply (such as the embedded
     *     one of the tools and tests): status is then written with JSON patches
     */
    public static RegionGuardOperator start(
            KubernetesClient client, OperatorConfig config, Clock clock, boolean withoutServerSideApply) {
        return start(client, config, clock, withoutServerSideApply, FailoverHooks.NONE);
    }

    /** @param hooks test seam of the RegionFailover reconciler */
    public static RegionGuardOperator start(
            KubernetesClient client,
            OperatorConfig config,
            Clock clock,
            boolean withoutServerSideApply,
            FailoverHooks hooks) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RegionGuardMetrics metrics = new RegionGuardMetrics(registry, clock);
        // Pool threads log with the protection of the pass that gave them the task.
        ExecutorService executor = LogContext.propagating(Executors.newFixedThreadPool(
                Math.max(config.syncParallelism(), config.maxConcurrentPerRegion() * 2),
                daemonThreads("regionguard-sync-")));
        HttpSettings http = HttpSettings.defaults().withMaxConcurrentPerRegion(config.maxConcurrentPerRegion());
        // One connection pool and one token cache for every service and for the probes.
        OkHttpClient okHttp = IbmHttp.newOkHttpClient(http);
        TokenProvider tokens = new IamTokenService(okHttp, config.endpoints().iamTokenUrl(), clock, metrics);
        IbmHttp ibm = new IbmHttp(okHttp, tokens, http, metrics, clock); // one limit per region for sync calls
        EventNotificationsClients en = new HttpEventNotificationsClients(config.endpoints(), ibm);
        CodeEngineClients ce = new HttpCodeEngineClients(config.endpoints(), ibm, config.codeEnginePollInterval());
        SyncEngine engine = new SyncEngine(executor, config.syncParallelism());
        EventRecorder events = new EventRecorder(client, clock);
        SyncReporter reporter = new SyncReporter(events, metrics);
        // Probes have their own pool, per-region slots and cancellable calls (never queued behind a sync)
        // and no backoff retries: RegionProbes makes its quick attempts itself.
        ProbeResources probes =
                ProbeResources.create(okHttp, http, config.endpoints().iamTokenUrl(), metrics, clock);
        IbmHttp probeHttp = probes.http();
        ExecutorService verifyExecutor = verificationPool();
        ProtectionServices services = new ProtectionServices(
                new RegionHealthBoard(), events, metrics, probes.executor(), verifyExecutor, config.endpoints());
        EventNotificationsProtectionReconciler enReconciler = new EventNotificationsProtectionReconciler(
                client,
                en,
                new HttpEventNotificationsClients(config.endpoints(), probeHttp),
                engine,
                reporter,
                clock,
                services);
        CodeEngineProtectionReconciler ceReconciler = new CodeEngineProtectionReconciler(
                ce,
                new HttpCodeEngineClients(config.endpoints(), probeHttp, config.codeEnginePollInterval()),
                new HttpCisClients(config.endpoints(), ibm),
                CeEntityStore.Settings.defaults(),
                engine,
                reporter,
                clock,
                services);
        RegionFailoverReconciler failovers = new RegionFailoverReconciler(
                Map.of(
                        ProtectionKind.EventNotificationsProtection, enReconciler.failoverPort(),
                        ProtectionKind.CodeEngineProtection, ceReconciler.failoverPort()),
                events,
                metrics,
                clock,
                hooks);

        AtomicBoolean stopping = new AtomicBoolean();
        Operator operator = newOperator(client, config, withoutServerSideApply, registry, stopping);
        operator.register(enReconciler, protections(config));
        operator.register(ceReconciler, protections(config));
        operator.register(failovers, watched(config));
        operator.start();
        return new RegionGuardOperator(
                operator, List.of(executor, probes.executor(), verifyExecutor), registry, metrics, stopping);
    }

    private static Operator newOperator(
            KubernetesClient client,
            OperatorConfig config,
            boolean withoutServerSideApply,
            PrometheusMeterRegistry registry,
            AtomicBoolean stopping) {
        AtomicReference<Operator> started = new AtomicReference<>();
        Runnable onLeaseLost = config.exitOnInformerFailure()
                ? () -> System.exit(1) // Kubernetes restarts the pod, which then waits for the lease
                : () -> Optional.ofNullable(started.get()).ifPresent(Operator::stop); // in-process: stop acting
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
            if (withoutServerSideApply) {
                o.withUseSSAToPatchPrimaryResource(false).withSSABasedCreateUpdateMatchForDependentResources(false);
            }
            if (!config.exitOnInformerFailure()) {
                // JOSDK's default handler calls System.exit, which would end a test run or the demo.
                o.withInformerStoppedHandler((informer, e) -> {
                    if (e != null) {
                        LOG.error("an informer stopped: {}", e.toString());
                    }
                });
            }
            if (config.leaderElection()) {
                o.withLeaderElectionConfiguration(LeaseElection.configuration(config, stopping::get, onLeaseLost));
            }
        });
        started.set(operator);
        return operator;
    }

    public Operator operator() {
        return operator;
    }

    /** Prometheus exposition of JOSDK's and RegionGuard's metrics. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public RegionGuardMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        stopping.set(true); // a stop on purpose releases the lease; it is not a lost lease
        operator.stop();
        pools.forEach(ExecutorService::shutdownNow);
    }

    private static <P extends HasMetadata> Consumer<ControllerConfigurationOverrider<P>> protections(
            OperatorConfig config) {
        return c -> {
            RegionGuardOperator.<P>watched(config).accept(c);
            c.withReconciliationMaxInterval(config.maxReconcileInterval());
        };
    }

    private static <P extends HasMetadata> Consumer<ControllerConfigurationOverrider<P>> watched(
            OperatorConfig config) {
        return c -> {
            c.withRetry(ReconcileSchedule.neverGiveUp());
            if (!config.watchNamespaces().isEmpty()) {
                c.settingNamespaces(config.watchNamespaces());
            }
        };
    }

    /** Proofs of standbys (spec.verification) wait for cold starts and job runs: never on the probe threads. */
    private static ExecutorService verificationPool() {
        return boundedPool("regionguard-verify-", VERIFY_THREADS, VERIFY_QUEUE);
    }

    /** Daemon threads that end when idle, and a bounded queue: a full one refuses (the caller decides). */
    static ThreadPoolExecutor boundedPool(String prefix, int threads, int queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), daemonThreads(prefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
