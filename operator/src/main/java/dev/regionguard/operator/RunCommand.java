package dev.regionguard.operator;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The operator itself, against the cluster of the kubeconfig or the in-cluster service account. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the operator against the cluster in the kubeconfig (KUBECONFIG, else ~/.kube/config) or, in a pod,",
            "its service account. Exits 1 within seconds, naming the server it tried, when the API does not answer."
        },
        footer = {
            "%nEnvironment variables (README 'Configuration'):",
            "  REGIONGUARD_ENDPOINT_TYPE              public (default) or private IBM Cloud endpoints",
            "  REGIONGUARD_IAM_URL                    IAM token URL override",
            "  REGIONGUARD_EN_ENDPOINT_TEMPLATE       Event Notifications URL with {region} (e.g. the simulator's)",
            "  REGIONGUARD_CE_ENDPOINT_TEMPLATE       Code Engine URL with {region}",
            "  REGIONGUARD_CIS_ENDPOINT               Internet Services (CIS) API URL override",
            "  REGIONGUARD_WATCH_NAMESPACES           comma-separated namespaces (default: all)",
            "  REGIONGUARD_MAX_CONCURRENT_PER_REGION  in-flight IBM Cloud calls per region (default 8)",
            "  REGIONGUARD_SYNC_PARALLELISM           entity calls one pass keeps in flight (default 16)",
            "  REGIONGUARD_MAX_RECONCILE_INTERVAL     longest wait between two passes (default 10s, 1s to 10m)",
            "  REGIONGUARD_LEADER_ELECTION            true takes a Lease before reconciling (default false)",
            "  REGIONGUARD_LEASE_NAME                 the Lease's name (default regionguard-operator)",
            "  REGIONGUARD_LEASE_NAMESPACE            the Lease's namespace (default: the pod's)",
            "  REGIONGUARD_POD_NAME                   this instance's identity in the Lease (default: hostname)",
            "  REGIONGUARD_HTTP_PORT                  health and /metrics port (default 8080)",
            "  REGIONGUARD_LOG_FORMAT                 text (default) or json",
            "  REGIONGUARD_WITNESS_NAME               run as this witness: probe and report, never sync or fail over",
            "  REGIONGUARD_WITNESS_APIKEY_FILE        file holding the witness's read-only IBM Cloud API key",
            "  REGIONGUARD_DEBUG                      true prints a failure's stack trace"
        })
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        OperatorConfig config = OperatorConfig.fromEnvironment(System.getenv());
        Config kubernetes = Config.autoConfigure(null);
        Optional<String> unreachable = ClusterCheck.problem(kubernetes);
        if (unreachable.isPresent()) {
            spec.commandLine().getErr().println("regionguard run: " + unreachable.get());
            spec.commandLine().getErr().flush();
            return 1;
        }
        KubernetesClient client =
                new KubernetesClientBuilder().withConfig(kubernetes).build();
        String namespace = config.watchNamespaces().stream().findFirst().orElse("default");
        boolean withoutServerSideApply = !ServerSideApplyCheck.supported(client, namespace);
        if (withoutServerSideApply) {
            LOG.warn(
                    "the Kubernetes API at {} does not take server-side apply: status is written with JSON"
                            + " patches instead",
                    kubernetes.getMasterUrl());
        }
        WitnessOperator.WitnessConfig witness = WitnessOperator.WitnessConfig.fromEnvironment(System.getenv());
        if (witness != null) {
            LOG.info("running as witness {}: probing and reporting only", witness.vantage());
            WitnessOperator operator =
                    WitnessOperator.start(client, config, witness, Clock.systemUTC(), withoutServerSideApply);
            OperatorHttpServer http = new OperatorHttpServer(
                    config.httpPort(), () -> operator.operator().getRuntimeInfo(), operator.registry());
            return untilStopped(operator, http, client);
        }
        RegionGuardOperator operator =
                RegionGuardOperator.start(client, config, Clock.systemUTC(), withoutServerSideApply);
        OperatorHttpServer http = new OperatorHttpServer(
                config.httpPort(), () -> operator.operator().getRuntimeInfo(), operator.registry());
        // Stop reconciling (and release the Lease) before the probes go away.
        return untilStopped(operator, http, client);
    }

    /** Runs until the process is told to stop, then closes each in order. */
    private static int untilStopped(AutoCloseable... closeables) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (AutoCloseable c : closeables) {
                                try {
                                    c.close();
                                } catch (Exception e) {
                                    LOG.warn("while stopping: {}", e.toString());
                                }
                            }
                            stopped.countDown();
                        },
                        "regionguard-shutdown"));
        stopped.await();
        return 0;
    }
}
