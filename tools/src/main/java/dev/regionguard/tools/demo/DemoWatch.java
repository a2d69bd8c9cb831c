package dev.regionguard.tools.demo;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStepStatus;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the demo's steps read and print of one protection: its status, its RegionFailovers followed
 * step by step, and bounded waits (each at most the step limit) that end the demo with the reason.
 */
final class DemoWatch {
    private final PrintStream out;
    private final KubernetesClient k8s;
    private final String namespace;
    private final String name;
    private final Duration stepLimit;
    private final String prefix;

    DemoWatch(PrintStream out, KubernetesClient k8s, String namespace, String name, Duration stepLimit) {
        this(out, k8s, namespace, name, stepLimit, "failover");
    }

    /** {@code part} names the part of the demo each line belongs to. */
    DemoWatch(PrintStream out, KubernetesClient k8s, String namespace, String name, Duration stepLimit, String part) {
        this.prefix = "[" + part + "] ";
        this.out = out;
        this.k8s = k8s;
        this.namespace = namespace;
        this.name = name;
        this.stepLimit = stepLimit;
    }

    KubernetesClient k8s() {
        return k8s;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    EventNotificationsProtection protection() {
        EventNotificationsProtection enp = k8s.resources(EventNotificationsProtection.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (enp == null) {
            throw new IllegalStateException("protection " + namespace + "/" + name + " not found");
        }
        return enp;
    }

    ProtectionStatus status() {
        return protection().getStatus();
    }

    /** This protection's RegionFailovers of the type. */
    List<RegionFailover> failovers(FailoverType type) {
        return k8s.resources(RegionFailover.class).inNamespace(namespace).list().getItems().stream()
                .filter(r -> name.equals(r.getSpec().protectionRef.name) && r.getSpec().type == type)
                .toList();
    }

    /** Prints each step of a RegionFailover as it completes; throws unless it Succeeds. */
    RegionFailover follow(String rfo) {
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
        return done;
    }

    <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + stepLimit.toNanos();
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
        throw new IllegalStateException("demo: no " + what + " within " + stepLimit.toSeconds() + "s");
    }

    void say(String format, Object... args) {
        out.printf(prefix + format + "%n", args);
    }
}
