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
            LOG.info(
                    "the Kubernetes API at {} does not take server-side apply (415): status is written with JSON"
                            + " patches instead",
                    kubernetes.getMasterUrl());
        }
        RegionGuardOperator operator =
                RegionGuardOperator.start(client, config, Clock.systemUTC(), withoutServerSideApply);
        OperatorHttpServer http = new OperatorHttpServer(
                config.httpPort(), () -> operator.operator().getRuntimeInfo(), operator.registry());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            // Stop reconciling (and release the Lease) before the probes go away.
                            operator.close();
                            http.close();
                            client.close();
                            stopped.countDown();
                        },
                        "regionguard-shutdown"));
        stopped.await();
        return 0;
    }
}
