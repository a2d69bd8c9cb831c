package dev.regionguard.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** The operator itself, against the cluster of the kubeconfig or the in-cluster service account. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the operator against the cluster in the kubeconfig (or in-cluster config).",
            "Configured by REGIONGUARD_* environment variables; see README 'Configuration'."
        })
public final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        OperatorConfig config = OperatorConfig.fromEnvironment(System.getenv());
        KubernetesClient client = new KubernetesClientBuilder().build();
        RegionGuardOperator operator = RegionGuardOperator.start(client, config, Clock.systemUTC(), false);
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
