package dev.regionguard.tools.sandbox;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.Protections;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.embedded.EmbeddedKubernetes;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.operator.OperatorConfig;
import dev.regionguard.operator.RegionGuardOperator;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.tools.demo.CodeEngineDemo;
import dev.regionguard.tools.demo.DemoSeed;
import dev.regionguard.tools.demo.SampleFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulator (its instances and projects seeded for the samples, the primaries with the demo's
 * configuration), the embedded Kubernetes API with the CRDs, and the operator against it, until
 * {@link #close()}. What a user needs to reach it is written as a kubeconfig file.
 */
public final class Sandbox implements AutoCloseable {
    /**
     * @param kubernetesPort the embedded API's port, 0 for any free one
     * @param simulatorPort the simulator's port, 0 for any free one
     */
    public record Options(Path samples, List<String> regions, int kubernetesPort, int simulatorPort, Path kubeconfig) {}

    private final IbmCloudSimulator simulator;
    private final EmbeddedKubernetes kubernetes;
    private final RegionGuardOperator operator;
    private final Path kubeconfig;
    private final Path samples;

    private Sandbox(
            IbmCloudSimulator simulator, EmbeddedKubernetes kubernetes, RegionGuardOperator operator, Options options) {
        this.samples = options.samples();
        this.simulator = simulator;
        this.kubernetes = kubernetes;
        this.operator = operator;
        this.kubeconfig = options.kubeconfig();
    }

    public static Sandbox start(Options options) {
        List<HasMetadata> samples = SampleFiles.read(options.samples());
        requireSampleRegions(samples, options.regions());
        IbmCloudSimulator simulator = IbmCloudSimulator.builder()
                .regions(options.regions().toArray(String[]::new))
                .port(options.simulatorPort())
                .build()
                .start();
        EmbeddedKubernetes kubernetes = null;
        try {
            Endpoints endpoints = endpoints(simulator);
            seed(simulator, endpoints, samples);
            kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES, options.kubernetesPort());
            Files.writeString(options.kubeconfig(), kubernetes.kubeconfig());
            RegionGuardOperator operator = RegionGuardOperator.start(
                    kubernetes.client(), OperatorConfig.local(endpoints), Clock.systemUTC(), true);
            return new Sandbox(simulator, kubernetes, operator, options);
        } catch (IOException e) {
            closeQuietly(simulator, kubernetes);
            throw new UncheckedIOException("cannot write the kubeconfig " + options.kubeconfig(), e);
        } catch (RuntimeException e) {
            closeQuietly(simulator, kubernetes);
            throw e;
        }
    }

    static Endpoints endpoints(IbmCloudSimulator simulator) {
        return new Endpoints(simulator.iamUrl(), simulator.eventNotificationsTemplate(), simulator.codeEngineTemplate())
                .withCis(simulator.cis().apiUrl());
    }

    /**
     * The samples' instances and projects, the primaries filled like the demo's, and in every region
     * one more empty instance and project for standbys a user adds.
     */
    private static void seed(IbmCloudSimulator simulator, Endpoints endpoints, List<HasMetadata> samples) {
        var en = HttpEventNotificationsClients.create(endpoints, HttpSettings.defaults(), CallObserver.NONE);
        for (HasMetadata object : samples) {
            if (object instanceof EventNotificationsProtection enp) {
                var primary = enp.getSpec().primary;
                simulator.createEventNotificationsInstance(primary.region, primary.instanceId);
                enp.getSpec().standbys.forEach(s -> simulator.createEventNotificationsInstance(s.region, s.instanceId));
                new DemoSeed(en.forInstance(primary.region, primary.instanceId, new ApiKey("sandbox"))).create();
            } else if (object instanceof CodeEngineProtection cep) {
                new CodeEngineDemo(System.out, simulator, endpoints, cep, (format, args) -> {}).seed();
            }
        }
        for (String region : simulator.regions()) {
            simulator.createEventNotificationsInstance(region);
            simulator.createCodeEngineProject(region);
        }
    }

    private static void requireSampleRegions(List<HasMetadata> samples, List<String> regions) {
        Set<String> needed = new LinkedHashSet<>();
        for (HasMetadata object : samples) {
            if (object instanceof EventNotificationsProtection enp) {
                needed.add(enp.getSpec().primary.region);
                enp.getSpec().standbys.forEach(s -> needed.add(s.region));
            } else if (object instanceof CodeEngineProtection cep) {
                needed.add(cep.getSpec().primary.region);
                cep.getSpec().standbys.forEach(s -> needed.add(s.region));
            }
        }
        needed.removeAll(regions);
        if (!needed.isEmpty()) {
            throw new IllegalArgumentException(
                    "the samples use regions " + needed + " that the sandbox does not simulate; add them to --regions");
        }
    }

    public IbmCloudSimulator simulator() {
        return simulator;
    }

    /** The embedded API's URL, as the kubeconfig names it. */
    public String kubernetesUrl() {
        return kubernetes.client().getMasterUrl().toString();
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** Prints how to reach and use the sandbox. */
    public void describe(PrintStream out) {
        new SandboxGuide(this, samples).print(out);
    }

    @Override
    public void close() {
        operator.close();
        closeQuietly(simulator, kubernetes);
    }

    private static void closeQuietly(IbmCloudSimulator simulator, EmbeddedKubernetes kubernetes) {
        if (kubernetes != null) {
            kubernetes.close();
        }
        simulator.close();
    }
}
