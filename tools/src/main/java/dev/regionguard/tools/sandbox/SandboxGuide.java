package dev.regionguard.tools.sandbox;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.tools.demo.SampleFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the sandbox prints once it is up: how to reach it, what exists in it, what to try. */
final class SandboxGuide {
    private final Sandbox sandbox;
    private final Path samples;

    SandboxGuide(Sandbox sandbox, Path samples) {
        this.sandbox = sandbox;
        this.samples = samples;
    }

    void print(PrintStream out) {
        IbmCloudSimulator sim = sandbox.simulator();
        out.println("RegionGuard sandbox is up: simulated IBM Cloud, an embedded Kubernetes API with the CRDs,"
                + " the operator. Ctrl-C stops it.");
        out.println();
        out.println("Kubernetes API (no authentication): " + sandbox.kubernetesUrl());
        out.println("  export KUBECONFIG=" + sandbox.kubeconfig().toAbsolutePath());
        out.println();
        out.println("IBM Cloud simulator: " + sim.baseUrl() + "   (IAM " + sim.iamUrl() + ", any API key works)");
        for (String region : sim.regions()) {
            out.printf("  %s%n", region);
            out.printf(
                    "    Event Notifications %s  instances %s%n",
                    sim.eventNotificationsUrl(region), sim.instanceIds(region));
            out.printf(
                    "    Code Engine         %s  projects  %s%n",
                    sim.codeEngineUrl(region), sim.codeEngineProjectIds(region));
        }
        out.println();
        out.println("1. The API-key Secret (the simulator takes any key). The embedded API reads JSON only (kubectl");
        out.println("   creates built-in kinds with protobuf: go through apply) and serves no OpenAPI document");
        out.println("   (--validate=false):");
        out.println("  kubectl create secret generic ibmcloud-apikey --from-literal=apikey=sandbox-key \\");
        out.println("    --dry-run=client -o yaml | kubectl apply --validate=false -f -");
        out.println("2. The sample protections (their primaries hold the demo's configuration), and watch them:");
        out.println("  kubectl apply --validate=false "
                + protectionSampleFiles().stream().map(f -> "-f " + f).collect(Collectors.joining(" ")));
        out.println(
                "  watch kubectl get regionguard            # kubectl get -w does not stream from the embedded API");
        out.println("3. Faults, through the simulator's control API:");
        out.println("  curl -X POST " + sim.baseUrl() + "/_sim/regions/us-south/down      # outage; .../up ends it");
        out.println("  curl -X POST '" + sim.baseUrl()
                + "/_sim/regions/us-east/faults?kind=LOST_504&method=POST'   # the write happens, the answer is lost");
        out.println("  curl -X DELETE " + sim.baseUrl() + "/_sim/regions/us-east/faults");
        out.println("4. A failover, with the plugin or the sample RegionFailover:");
        out.println("  kubectl regionguard failover orders-notifications --to us-east --reason sandbox");
        out.println("  kubectl create --validate=false -f "
                + samples.resolve("failover/orders-notifications-failover.yaml"));
        out.println("  kubectl regionguard status");
        out.flush();
    }

    /** The sample files except those holding a protection's API-key Secret (step 1 creates that one). */
    private List<Path> protectionSampleFiles() {
        Set<String> keySecrets = SampleFiles.read(samples).stream()
                .map(SandboxGuide::credentialsSecret)
                .filter(name -> name != null)
                .collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .filter(f -> !holdsSecretNamed(f, keySecrets))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String credentialsSecret(HasMetadata object) {
        if (object instanceof EventNotificationsProtection enp) {
            return enp.getSpec().credentialsSecretRef.name;
        }
        if (object instanceof CodeEngineProtection cep) {
            return cep.getSpec().credentialsSecretRef.name;
        }
        return null;
    }

    private static boolean holdsSecretNamed(Path file, Set<String> names) {
        try {
            String text = Files.readString(file);
            return text.contains("kind: Secret") && names.stream().anyMatch(n -> text.contains("name: " + n + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
