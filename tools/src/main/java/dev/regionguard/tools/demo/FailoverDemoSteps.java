package dev.regionguard.tools.demo;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverMode;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.IbmCloudSimulator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The failover part of the demo, on the running demo (an EN protection, its operator running):
 * the primary region goes down, probes fail, the operator fails over by itself, the endpoint is
 * published; the region comes back and on-call relocates. Every wait is bounded.
 */
public final class FailoverDemoSteps {
    private static final Duration STEP_LIMIT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final KubernetesClient k8s;
    private final String namespace;
    private final String name;

    private FailoverDemoSteps(PrintStream out, KubernetesClient k8s, String namespace, String name) {
        this.out = out;
        this.k8s = k8s;
        this.namespace = namespace;
        this.name = name;
    }

    /** Returns normally when the failover and the relocation succeeded; throws with the reason otherwise. */
    public static void run(
            PrintStream out, IbmCloudSimulator sim, KubernetesClient k8s, String namespace, String protectionName) {
        new FailoverDemoSteps(out, k8s, namespace, protectionName).run(sim);
    }

    private void run(IbmCloudSimulator sim) {
        EventNotificationsProtection enp = protection();
        String primary = enp.getSpec().primary.region;
        String standby = enp.getSpec().standbys.get(0).region;
        String configMap = name + "-endpoint";
        switchToAutomatic(configMap);
        outageFailsOver(sim, primary, standby, configMap);
        relocateBack(sim, primary, standby);
    }

    private void switchToAutomatic(String configMap) {
        EventNotificationsProtection edited = protection();
        edited.getSpec().failover.mode = FailoverMode.Automatic;
        edited.getSpec().failover.endpointConfigMap = configMap;
        edited.getSpec().healthCheck.interval = "2s";
        edited.getSpec().healthCheck.timeout = "1s";
        // Readiness wants a successful sync within two sync intervals: 3s (the demo's) is shorter than it
        // takes 2s probes to call an outage, so the standby would never count as ready.
        edited.getSpec().sync.interval = "30s";
        edited.setStatus(null);
        k8s.resource(edited).update(); // optimistic: fails if someone else changed it meanwhile
        say(
                "Failover: %s set to failover.mode Automatic, healthCheck every 2s (3 failures = Unhealthy), "
                        + "endpoint published in ConfigMap %s",
                name, configMap);
        await(
                "both regions Healthy",
                () -> Optional.ofNullable(status())
                        .filter(s -> s.regions.size() >= 2
                                && s.regions.stream().allMatch(r -> r.state == HealthState.Healthy)));
        printRegions(status());
    }

    /** The primary goes down; the operator fails over by itself and publishes the endpoint. */
    private void outageFailsOver(IbmCloudSimulator sim, String primary, String standby, String configMap) {
        say("Simulated outage: %s answers 503 to every Event Notifications call", primary);
        sim.faults(primary).down(DownMode.UNAVAILABLE);
        Map<String, HealthState> seen = new HashMap<>();
        RegionFailover automatic = await("an automatic RegionFailover", () -> {
            ProtectionStatus s = status();
            if (s != null) {
                for (RegionStatus r : s.regions) {
                    if (seen.put(r.region, r.state) != r.state) {
                        say("  probe: %-9s %-9s %s", r.region, r.state, r.lastError == null ? "" : r.lastError);
                    }
                }
            }
            return k8s.resources(RegionFailover.class).inNamespace(namespace).list().getItems().stream()
                    .filter(r -> name.equals(r.getSpec().protectionRef.name))
                    .findFirst();
        });
        say("RegionGuard created RegionFailover %s: %s", automatic.getMetadata().getName(), automatic.getSpec().reason);
        follow(automatic.getMetadata().getName());
        ProtectionStatus after = await(
                "the protection to show the new active region",
                () -> Optional.ofNullable(status()).filter(s -> standby.equals(s.activeRegion) && s.failover == null));
        say("%s is the active region at epoch %d; fenced: %s", after.activeRegion, after.epoch, after.fencedRegions);
        ConfigMap published =
                k8s.configMaps().inNamespace(namespace).withName(configMap).get();
        if (published == null) {
            throw new IllegalStateException("ConfigMap " + configMap + " was not published");
        }
        say("ConfigMap %s:", configMap);
        new TreeMap<>(published.getData()).forEach((k, v) -> say("    %-28s %s", k, v));
    }

    /** The primary comes back; nothing fails back by itself, on-call relocates. */
    private void relocateBack(IbmCloudSimulator sim, String primary, String standby) {
        say("%s is back", primary);
        sim.faults(primary).up();
        await(
                primary + " Healthy again",
                () -> Optional.ofNullable(status())
                        .filter(s -> s.regions.stream()
                                .anyMatch(r -> primary.equals(r.region) && r.state == HealthState.Healthy)));
        say("No automatic failback: %s stays active until on-call relocates", standby);
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
        say("kubectl create: RegionFailover %s (type Relocate, back to %s)", relocate, primary);
        follow(relocate);
        ProtectionStatus back = await(
                "the protection to show " + primary + " active again",
                () -> Optional.ofNullable(status()).filter(s -> primary.equals(s.activeRegion) && s.failover == null));
        say(
                "%s is the active region again at epoch %d; fenced: %s; history: %d entries",
                back.activeRegion, back.epoch, back.fencedRegions, back.failoverHistory.size());
    }

    /** Prints each step of a RegionFailover as it completes; throws unless it Succeeds. */
    private void follow(String rfo) {
        Set<String> printed = new HashSet<>();
        RegionFailover done = await("RegionFailover " + rfo + " to finish", () -> {
            RegionFailover current = k8s.resources(RegionFailover.class)
                    .inNamespace(namespace)
                    .withName(rfo)
                    .get();
            if (current == null || current.getStatus() == null) {
                return Optional.empty();
            }
            for (FailoverStepStatus step : current.getStatus().steps) {
                if (step.result != null && printed.add(step.step.name())) {
                    say("  step %-11s %-9s %s", step.step, step.result, step.message == null ? "" : step.message);
                }
            }
            return Optional.of(current)
                    .filter(r ->
                            r.getStatus().phase != null && r.getStatus().phase.isFinal());
        });
        if (done.getStatus().phase != FailoverPhase.Succeeded) {
            throw new IllegalStateException("RegionFailover " + rfo + " ended " + done.getStatus().phase + ": "
                    + done.getStatus().steps.get(done.getStatus().steps.size() - 1).message);
        }
        say("RegionFailover %s Succeeded in %ds", rfo, done.getStatus().durationSeconds);
    }

    private void printRegions(ProtectionStatus status) {
        status.regions.forEach(r -> say("  %-9s %-8s %s", r.region, r.role, r.state));
    }

    private EventNotificationsProtection protection() {
        EventNotificationsProtection enp = k8s.resources(EventNotificationsProtection.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (enp == null) {
            throw new IllegalStateException("protection " + namespace + "/" + name + " not found");
        }
        return enp;
    }

    private ProtectionStatus status() {
        return protection().getStatus();
    }

    private <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(200); // demo pacing, not a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException("demo: no " + what + " within " + STEP_LIMIT.toSeconds() + "s");
    }

    private void say(String format, Object... args) {
        out.printf("[failover] " + format + "%n", args);
    }
}
