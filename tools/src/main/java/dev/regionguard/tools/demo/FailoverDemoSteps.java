package dev.regionguard.tools.demo;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.QuorumSpec;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.operator.OperatorConfig;
import dev.regionguard.operator.WitnessOperator;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.IbmCloudSimulator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The failover part of the demo, on the running demo (an EN protection, its operator running):
 * the standby is proven and drilled ({@link ProofDemoSteps}); the operator alone is cut off from the primary and is outvoted by two witnesses; then the primary
 * region really goes down, probes fail everywhere, the operator fails over by itself, the endpoint is
 * published; the region comes back and on-call relocates. Every wait is bounded.
 */
public final class FailoverDemoSteps {
    /** How long the demo waits for any one thing before it gives up with the reason. */
    public static final Duration STEP_LIMIT = Duration.ofSeconds(60);

    private static final Duration PARTITION_QUIET = Duration.ofSeconds(8);
    private static final List<String> WITNESSES = List.of("witness-a", "witness-b");

    private final DemoWatch watch;
    private final KubernetesClient k8s;
    private final String namespace;
    private final String name;

    private FailoverDemoSteps(DemoWatch watch) {
        this.watch = watch;
        this.k8s = watch.k8s();
        this.namespace = watch.namespace();
        this.name = watch.name();
    }

    /**
     * Returns normally when the proof, the drill, the failover and the relocation succeeded; throws with
     * the reason otherwise (any one wait longer than stepLimit). Two witnesses run meanwhile, each with its own API key, as they would in other clusters.
     */
    public static void run(
            PrintStream out,
            IbmCloudSimulator sim,
            KubernetesClient k8s,
            OperatorConfig config,
            String namespace,
            String protectionName,
            Duration stepLimit) {
        run(out, sim, k8s, config, namespace, protectionName, stepLimit, () -> {});
    }

    /** As above; {@code duringOutage} runs after the failover, while the primary region is still down. */
    public static void run(
            PrintStream out,
            IbmCloudSimulator sim,
            KubernetesClient k8s,
            OperatorConfig config,
            String namespace,
            String protectionName,
            Duration stepLimit,
            Runnable duringOutage) {
        List<WitnessOperator> witnesses = new ArrayList<>();
        try {
            for (String witness : WITNESSES) {
                witnesses.add(WitnessOperator.start(
                        k8s,
                        config,
                        new WitnessOperator.WitnessConfig(witness, new ApiKey(witness + "-key")),
                        Clock.systemUTC(),
                        true));
            }
            DemoWatch watch = new DemoWatch(out, k8s, namespace, protectionName, stepLimit);
            ProofDemoSteps.run(watch);
            new FailoverDemoSteps(watch).run(sim, duringOutage);
        } finally {
            witnesses.forEach(WitnessOperator::close);
        }
    }

    private void run(IbmCloudSimulator sim, Runnable duringOutage) {
        EventNotificationsProtection enp = watch.protection();
        String primary = enp.getSpec().primary.region;
        String standby = enp.getSpec().standbys.get(0).region;
        String configMap = name + "-endpoint";
        switchToAutomatic(configMap);
        partitionDoesNotFailOver(sim, primary);
        outageFailsOver(sim, primary, standby, configMap);
        duringOutage.run();
        relocateBack(sim, primary, standby);
    }

    /** Only this cluster loses the primary: the witnesses still reach it, and outvote the operator. */
    private void partitionDoesNotFailOver(IbmCloudSimulator sim, String primary) {
        String key = DemoCredentials.apiKeyOf(k8s, watch.protection());
        watch.say("Network partition: this cluster can no longer reach %s; both witnesses still can", primary);
        sim.faults(primary).partition(key);
        Condition outvoted = watch.await(
                "the operator to be outvoted",
                () -> Optional.ofNullable(watch.status())
                        .map(s -> Conditions.find(s.conditions, Conditions.QUORUM))
                        .filter(q -> "Outvoted".equals(q.reason)));
        watch.say("  Quorum %s: %s", outvoted.reason, outvoted.message);
        long quietUntil = System.nanoTime() + PARTITION_QUIET.toNanos();
        watch.await("the partition to pass without a failover", () -> {
            if (!watch.failovers(FailoverType.Failover).isEmpty()) {
                throw new IllegalStateException("a partition of one vantage point started a failover");
            }
            return System.nanoTime() > quietUntil ? Optional.of(true) : Optional.empty();
        });
        sim.faults(primary).heal(key);
        watch.await(
                "the operator to see " + primary + " Healthy again",
                () -> Optional.ofNullable(watch.status())
                        .filter(s -> s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)));
        watch.say(
                "  no failover in %ds of partition; healed, %s Healthy again from here too",
                PARTITION_QUIET.toSeconds(), primary);
    }

    private void switchToAutomatic(String configMap) {
        EventNotificationsProtection edited = watch.protection();
        edited.getSpec().failover.mode = FailoverMode.Automatic;
        edited.getSpec().failover.endpointConfigMap = configMap;
        edited.getSpec().failover.quorum = new QuorumSpec();
        edited.getSpec().failover.quorum.witnesses = WITNESSES;
        edited.getSpec().failover.quorum.maxAge = "10s";
        edited.getSpec().healthCheck.interval = "2s";
        edited.getSpec().healthCheck.timeout = "1s";
        // Readiness wants a successful sync within two sync intervals: 3s (the demo's) is shorter than it
        // takes 2s probes to call an outage, so the standby would never count as ready.
        edited.getSpec().sync.interval = "30s";
        edited.setStatus(null);
        k8s.resource(edited).update(); // optimistic: fails if someone else changed it meanwhile
        watch.say(
                "Failover: %s set to failover.mode Automatic, healthCheck every 2s (3 failures = Unhealthy), "
                        + "endpoint published in ConfigMap %s, quorum of 2 among the operator and witnesses %s",
                name, configMap, WITNESSES);
        watch.await(
                "both regions Healthy from every vantage point",
                () -> Optional.ofNullable(watch.status())
                        .filter(s -> s.regions.size() >= 2
                                && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)
                                && s.vantagePoints.stream().filter(v -> v.fresh).count() == WITNESSES.size() + 1));
        printRegions(watch.status());
    }

    /** The primary goes down; the operator fails over by itself and publishes the endpoint. */
    private void outageFailsOver(IbmCloudSimulator sim, String primary, String standby, String configMap) {
        watch.say(
                "Simulated outage: %s answers 503 to every IBM Cloud call (Event Notifications, Code Engine, its apps)",
                primary);
        sim.faults(primary).down(DownMode.UNAVAILABLE);
        Map<String, HealthState> seen = new HashMap<>();
        RegionFailover automatic = watch.await("an automatic RegionFailover", () -> {
            ProtectionStatus s = watch.status();
            if (s != null) {
                for (RegionStatus r : s.regions) {
                    if (seen.put(r.region, r.state) != r.state) {
                        watch.say("  probe: %-9s %-9s %s", r.region, r.state, r.lastError == null ? "" : r.lastError);
                    }
                }
            }
            return watch.failovers(FailoverType.Failover).stream().findFirst();
        });
        watch.say(
                "RegionGuard created RegionFailover %s: %s",
                automatic.getMetadata().getName(), automatic.getSpec().reason);
        watch.follow(automatic.getMetadata().getName());
        ProtectionStatus after = watch.await(
                "the protection to show the new active region",
                () -> Optional.ofNullable(watch.status())
                        .filter(s -> standby.equals(s.activeRegion) && s.failover == null));
        watch.say(
                "%s is the active region at epoch %d; fenced: %s",
                after.activeRegion, after.epoch, after.fencedRegions);
        ConfigMap published =
                k8s.configMaps().inNamespace(namespace).withName(configMap).get();
        if (published == null) {
            throw new IllegalStateException("ConfigMap " + configMap + " was not published");
        }
        watch.say("ConfigMap %s:", configMap);
        new TreeMap<>(published.getData()).forEach((k, v) -> watch.say("    %-28s %s", k, v));
    }

    /** The primary comes back; nothing fails back by itself, on-call relocates. */
    private void relocateBack(IbmCloudSimulator sim, String primary, String standby) {
        watch.say("%s is back", primary);
        sim.faults(primary).up();
        watch.await(
                primary + " Healthy again",
                () -> Optional.ofNullable(watch.status())
                        .filter(s -> s.regions.stream()
                                .anyMatch(r -> primary.equals(r.region) && r.state == HealthState.Healthy)));
        watch.say("No automatic failback: %s stays active until on-call relocates", standby);
        String relocate = name + "-relocate";
        RegionFailover request = new RegionFailover();
        request.setMetadata(new ObjectMetaBuilder()
                .withName(relocate)
                .withNamespace(namespace)
                .build());
        RegionFailoverSpec spec = new RegionFailoverSpec();
        spec.protectionRef = new ProtectionRef(ProtectionKind.EventNotificationsProtection, name);
        spec.type = FailoverType.Relocate;
        spec.reason = "demo: " + primary + " recovered";
        request.setSpec(spec);
        k8s.resource(request).create();
        watch.say("kubectl create: RegionFailover %s (type Relocate, back to %s)", relocate, primary);
        watch.follow(relocate);
        ProtectionStatus back = watch.await(
                "the protection to show " + primary + " active again",
                () -> Optional.ofNullable(watch.status())
                        .filter(s -> primary.equals(s.activeRegion) && s.failover == null));
        watch.say(
                "%s is the active region again at epoch %d; fenced: %s; history: %d entries",
                back.activeRegion, back.epoch, back.fencedRegions, back.failoverHistory.size());
    }

    private void printRegions(ProtectionStatus status) {
        status.regions.forEach(r -> watch.say("  %-9s %-8s %s", r.region, r.role, r.state));
    }
}
