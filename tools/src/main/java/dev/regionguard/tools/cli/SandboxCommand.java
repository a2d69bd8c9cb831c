package dev.regionguard.tools.cli;

import dev.regionguard.tools.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** The simulator, the embedded Kubernetes API and the operator, left running for kubectl and curl. */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {
            "Start simulated IBM Cloud regions, an embedded Kubernetes API with the CRDs and the operator, write a",
            "kubeconfig, print what to try, and stay up until Ctrl-C or SIGTERM (exit 0)."
        })
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--samples",
            defaultValue = "config/samples",
            description =
                    "Sample manifests whose instances and projects the simulator holds (default ${DEFAULT-VALUE}).")
    Path samples;

    @Option(
            names = "--regions",
            split = ",",
            defaultValue = "us-south,us-east,eu-de",
            description = "Simulated regions (default ${DEFAULT-VALUE}).")
    List<String> regions;

    @Option(
            names = "--kubernetes-port",
            defaultValue = "16443",
            description = "Port of the embedded Kubernetes API, 0 for any free one (default ${DEFAULT-VALUE}).")
    int kubernetesPort;

    @Option(
            names = "--simulator-port",
            defaultValue = "8090",
            description = "Port of the IBM Cloud simulator, 0 for any free one (default ${DEFAULT-VALUE}).")
    int simulatorPort;

    @Option(
            names = "--kubeconfig",
            defaultValue = "${java.io.tmpdir}/regionguard-sandbox.kubeconfig",
            description = "Where to write the kubeconfig (default ${DEFAULT-VALUE}).")
    Path kubeconfig;

    @Option(names = "--verbose", description = "Show the operator's and the simulator's log lines here.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException, IOException {
        OptionChecks.requireSamples(spec, samples);
        OptionChecks.require(spec, validPort(kubernetesPort), "--kubernetes-port must be 0 to 65535");
        OptionChecks.require(spec, validPort(simulatorPort), "--simulator-port must be 0 to 65535");
        EngineLog.toTempFileUnless(verbose, "regionguard-sandbox-");
        CountDownLatch stop = new CountDownLatch(1);
        // Handled here rather than in a shutdown hook, so that a stop on purpose ends with exit code 0.
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        try (Sandbox sandbox =
                Sandbox.start(new Sandbox.Options(samples, regions, kubernetesPort, simulatorPort, kubeconfig))) {
            sandbox.describe(System.out);
            stop.await();
            System.out.println("Stopping the sandbox.");
        }
        return 0;
    }

    private static boolean validPort(int port) {
        return port >= 0 && port <= 65535;
    }
}
