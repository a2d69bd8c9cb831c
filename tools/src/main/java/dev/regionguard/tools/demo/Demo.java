package dev.regionguard.tools.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.embedded.EmbeddedKubernetes;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.eventnotifications.EventNotificationsClient;
import dev.regionguard.eventnotifications.EventNotificationsClients;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.operator.OperatorConfig;
import dev.regionguard.operator.RegionGuardOperator;
import dev.regionguard.simulator.IbmCloudSimulator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The README's demo: simulated IBM Cloud regions, an embedded Kubernetes API, the operator, the
 * sample protection applied, a visible sync, then a change on the primary that reaches the standby.
 * Ends by itself; exit code 0 when everything it shows happened.
 */
public final class Demo {
    public static final String PRIMARY_REGION = "us-south";
    public static final String STANDBY_REGION = "us-east";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final Path samples;
    private final Duration latency;
    private final long started = System.nanoTime();
    private final EnDemoPrint print;

    public Demo(PrintStream out, Path samples, Duration latency) {
        this.out = out;
        this.samples = samples;
        this.latency = latency;
        this.print = new EnDemoPrint(out);
    }

    public int run() throws InterruptedException {
        List<HasMetadata> objects = SampleFiles.read(samples);
        EventNotificationsProtection sample = first(objects, EventNotificationsProtection.class)
                .orElseThrow(() -> new IllegalArgumentException("no EventNotificationsProtection in " + samples));
        CodeEngineProtection ceSample =
                first(objects, CodeEngineProtection.class).orElse(null);
        String primaryId = sample.getSpec().primary.instanceId;
        String standbyId = sample.getSpec().standbys.get(0).instanceId;

        try (IbmCloudSimulator sim = IbmCloudSimulator.builder()
                        .regions(PRIMARY_REGION, STANDBY_REGION)
                        .build()
                        .start();
                EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES)) {
            startRegions(sim, primaryId, standbyId);
            Endpoints endpoints = endpoints(sim);
            EventNotificationsClients clients =
                    HttpEventNotificationsClients.create(endpoints, HttpSettings.defaults(), CallObserver.NONE);
            ApiKey demoKey = new ApiKey("demo-api-key");
            EventNotificationsClient primary = clients.forInstance(PRIMARY_REGION, primaryId, demoKey);
            EventNotificationsClient standby = clients.forInstance(STANDBY_REGION, standbyId, demoKey);
            DemoSeed seed = seedPrimary(primary, standby, ceSample);
            CodeEngineDemo codeEngine = seedCodeEngine(sim, endpoints, ceSample);

            KubernetesClient k8s = kubernetes.client();
            try (RegionGuardOperator operator =
                    RegionGuardOperator.start(k8s, OperatorConfig.local(endpoints), Clock.systemUTC(), true)) {
                say("Embedded Kubernetes API at %s; RegionGuard operator started", k8s.getMasterUrl());
                String namespace =
                        Objects.requireNonNullElse(sample.getMetadata().getNamespace(), "default");
                String name = sample.getMetadata().getName();
                RegionalDemoSteps regional = RegionalDemoSteps.holdBack(
                        new DemoWatch(out, k8s, namespace, name, STEP_TIMEOUT, "regional"), sample);
                apply(k8s, objects, sample, ceSample);
                boolean same = syncAndFollowChange(k8s, namespace, name, primary, standby, seed);
                regional.showDependent();
                regional.applyOverrides();
                regional.showReferences(standby, "(the standby's copy)");
                Runnable edge = codeEngine == null ? () -> {} : codeEngineAtTheEdge(k8s, sim, codeEngine, ceSample);
                Runnable duringOutage = () -> {
                    regional.showReferences(standby, "(active after the failover)");
                    edge.run();
                };
                FailoverDemoSteps.run(
                        out,
                        sim,
                        k8s,
                        OperatorConfig.local(endpoints),
                        namespace,
                        name,
                        FailoverDemoSteps.STEP_LIMIT,
                        duringOutage);
                regional.showReferences(primary, "(active again after the relocation)");
                say("Events recorded for %s:", name);
                print.printEvents(k8s, namespace, name);
                say("Demo finished: standbys kept in sync, a change followed, an outage failed over and relocated.");
                return same && regional.allOwn() ? 0 : 1;
            }
        }
    }

    private static Endpoints endpoints(IbmCloudSimulator sim) {
        return new Endpoints(sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate())
                .withCis(sim.cis().apiUrl());
    }

    private CodeEngineDemo seedCodeEngine(IbmCloudSimulator sim, Endpoints endpoints, CodeEngineProtection ceSample) {
        if (ceSample == null) {
            return null;
        }
        CodeEngineDemo codeEngine = new CodeEngineDemo(out, sim, endpoints, ceSample, this::say);
        codeEngine.seed();
        return codeEngine;
    }

    /** The CE protection shown, then put behind CIS; returns what the outage shows of it. */
    private Runnable codeEngineAtTheEdge(
            KubernetesClient k8s, IbmCloudSimulator sim, CodeEngineDemo codeEngine, CodeEngineProtection ceSample)
            throws InterruptedException {
        codeEngine.showProtected(k8s);
        EdgeDemoSteps edge = new EdgeDemoSteps(sim, ceSample, this::say);
        edge.configure(k8s);
        return () -> edge.duringOutage(k8s, ceSample.getSpec().standbys.get(0).region);
    }

    private static <T> Optional<T> first(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private void startRegions(IbmCloudSimulator sim, String primaryId, String standbyId) {
        sim.createEventNotificationsInstance(PRIMARY_REGION, primaryId);
        sim.createEventNotificationsInstance(STANDBY_REGION, standbyId);
        sim.outside().publishDnsRecords(DemoSeed.MAIL_DOMAIN);
        sim.outside().publishDnsRecords(DemoSeed.RELAY_DOMAIN);
        sim.faults(PRIMARY_REGION).latency(latency);
        sim.faults(STANDBY_REGION).latency(latency);
        say(
                "Simulated IBM Cloud at %s: regions %s and %s, %d ms per call",
                sim.baseUrl(), PRIMARY_REGION, STANDBY_REGION, latency.toMillis());
    }

    private DemoSeed seedPrimary(
            EventNotificationsClient primary, EventNotificationsClient standby, CodeEngineProtection ceSample) {
        DemoSeed seed = new DemoSeed(primary);
        seed.create();
        seed.regionalReferences(
                ceSample == null
                        ? null
                        : "crn:v1:bluemix:public:codeengine:" + ceSample.getSpec().primary.region + ":a/"
                                + DemoSeed.ACCOUNT + ":" + ceSample.getSpec().primary.projectId + "::");
        say(
                "Primary %s/%s: %d entities created through the Event Notifications API",
                PRIMARY_REGION, primary.instanceId(), seed.entityCount());
        say("Standby %s/%s: only the built-ins every instance has", STANDBY_REGION, standby.instanceId());
        print.inventory(primary, standby);
        return seed;
    }

    /** kubectl apply of the samples, with the sync interval shortened. */
    private void apply(
            KubernetesClient k8s,
            List<HasMetadata> objects,
            EventNotificationsProtection sample,
            CodeEngineProtection ceSample) {
        // The sample syncs every 30s; the demo has no time to wait for that.
        sample.getSpec().sync.interval = "3s";
        if (ceSample != null) {
            ceSample.getSpec().sync.interval = "3s";
        }
        say("kubectl apply -f %s   (sync.interval shortened to 3s for the demo)", samples);
        for (HasMetadata object : objects) {
            object.getMetadata()
                    .setNamespace(
                            Objects.requireNonNullElse(object.getMetadata().getNamespace(), "default"));
            k8s.resource(object).createOr(c -> c.update());
            say("  %s/%s created", object.getKind(), object.getMetadata().getName());
        }
    }

    /** The first sync, then a change on the primary that reaches the standby; true when the rules match. */
    private boolean syncAndFollowChange(
            KubernetesClient k8s,
            String namespace,
            String name,
            EventNotificationsClient primary,
            EventNotificationsClient standby,
            DemoSeed seed)
            throws InterruptedException {
        ProtectionStatus status = await(k8s, namespace, name, s -> Conditions.isTrue(s.conditions, Conditions.READY));
        say("%s is Ready: standby in sync", name);
        print.printRow(k8s, namespace, name);
        print.printStandby(status.standbys.get(0));
        print.inventory(primary, standby);

        say("Change on the primary: topic order-events gets a new rule and description, destination ops-teams"
                + " a new description, subscription alerts-to-teams is deleted");
        seed.change();
        String before = status.standbys.get(0).lastSuccessfulSyncTime;
        ProtectionStatus after = await(
                k8s,
                namespace,
                name,
                s -> Conditions.isTrue(s.conditions, Conditions.READY)
                        && !Objects.equals(s.standbys.get(0).lastSuccessfulSyncTime, before)
                        && s.standbys.get(0).counts != null
                        && s.standbys.get(0).counts.updated + s.standbys.get(0).counts.deleted > 0);
        say("The change reached %s", STANDBY_REGION);
        print.printStandby(after.standbys.get(0));
        print.inventory(primary, standby);
        boolean same = sameTopicRules(primary, standby, "order-events");
        say("Topic order-events has the same rules on both sides: %s", same ? "yes" : "NO");
        return same;
    }

    private static boolean sameTopicRules(
            EventNotificationsClient primary, EventNotificationsClient standby, String topic) {
        return filters(primary, topic).equals(filters(standby, topic));
    }

    private static List<String> filters(EventNotificationsClient client, String topicName) {
        ObjectNode item = client.list(EnKind.TOPIC).stream()
                .filter(t -> topicName.equals(t.path("name").asText()))
                .findFirst()
                .orElseThrow();
        ObjectNode topic = client.get(EnKind.TOPIC, item.get("id").asText());
        return topic.findValuesAsText("notification_filter").stream().sorted().toList();
    }

    private ProtectionStatus await(
            KubernetesClient k8s, String namespace, String name, Predicate<ProtectionStatus> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            EventNotificationsProtection enp = k8s.resources(EventNotificationsProtection.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
            if (enp != null && enp.getStatus() != null && done.test(enp.getStatus())) {
                return enp.getStatus();
            }
            Thread.sleep(100); // a person watching; not a test
        }
        throw new IllegalStateException(name + " did not get there within " + STEP_TIMEOUT.toSeconds() + "s");
    }

    void say(String format, Object... args) {
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("[%5.1fs] %s%n", seconds, String.format(format, args));
        out.flush();
    }
}
