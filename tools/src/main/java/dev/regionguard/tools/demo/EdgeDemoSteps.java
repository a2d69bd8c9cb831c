package dev.regionguard.tools.demo;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EdgeStatus;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.simulator.IbmCloudSimulator;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Code Engine part of the outage: the custom domain behind a CIS global load balancer (IBM's
 * multi-region tutorial). CIS's health checks see the primary's pool fail and send traffic to the
 * standby's; a RegionFailover then makes it lasting: the old pool disabled, the standby's first.
 */
final class EdgeDemoSteps {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final IbmCloudSimulator sim;
    private final CodeEngineDemo.Say say;
    private final String namespace;
    private final String name;
    private String domain;
    private CisEdge edge;

    EdgeDemoSteps(IbmCloudSimulator sim, CodeEngineProtection sample, CodeEngineDemo.Say say) {
        this.sim = sim;
        this.say = say;
        this.namespace = sample.getMetadata().getNamespace();
        this.name = sample.getMetadata().getName();
    }

    /** The network team's CIS setup over the domain both projects map, named in spec.edge. */
    void configure(KubernetesClient k8s) {
        CodeEngineProtectionStatus staged = await(
                k8s,
                "the custom domain mapped in both regions",
                s -> readyInBothRegions(s).map(d -> s));
        domain = readyInBothRegions(staged).orElseThrow();
        Map<String, String> targets = new LinkedHashMap<>(); // the active region's pool first
        staged.domainMappings.stream()
                .filter(d -> d.name.equals(domain) && d.region.equals(staged.activeRegion))
                .forEach(d -> targets.put(d.region, d.cnameTarget));
        staged.domainMappings.stream()
                .filter(d -> d.name.equals(domain))
                .forEach(d -> targets.putIfAbsent(d.region, d.cnameTarget));
        edge = CisEdge.setUp(sim, k8s, namespace, name, domain, targets);
        say.say(
                "CIS global load balancer %s: a pool per region at its CNAME target, %s first",
                domain, staged.activeRegion);
        CodeEngineProtectionStatus checked = await(
                k8s,
                "EdgeConfigured",
                s -> Optional.of(s).filter(x -> Conditions.isTrue(x.conditions, Conditions.EDGE_CONFIGURED)));
        say.say("  EdgeConfigured: %s", Conditions.find(checked.conditions, Conditions.EDGE_CONFIGURED).message);
        say.say("  https://%s answers from %s", domain, answeringRegion());
    }

    /** A custom domain whose mapping is ready in two regions. */
    private static Optional<String> readyInBothRegions(CodeEngineProtectionStatus status) {
        return status.domainMappings.stream()
                .filter(d -> "ready".equals(d.status))
                .map(d -> d.name)
                .filter(n -> status.domainMappings.stream()
                                .filter(d -> d.name.equals(n) && "ready".equals(d.status))
                                .count()
                        == 2)
                .findFirst();
    }

    /** While the primary region is down: CIS's view, then an on-call RegionFailover that steers the edge. */
    void duringOutage(KubernetesClient k8s, String standby) {
        CodeEngineProtectionStatus seen = await(
                k8s,
                "CIS to see the outage",
                s -> Optional.ofNullable(s.edge)
                        .filter(e -> standby.equals(e.servingRegion))
                        .map(e -> s));
        for (EdgeStatus.EdgePoolStatus pool : seen.edge.pools) {
            say.say(
                    "  CIS: pool %-28s %-9s healthy=%s origins=%s",
                    pool.name, pool.region, pool.healthy, pool.healthyOrigins);
        }
        say.say("  https://%s answers from %s (CIS moved it by itself)", domain, answeringRegion());
        String failover = name + "-edge";
        RegionFailover rfo = new RegionFailover();
        rfo.setMetadata(new ObjectMetaBuilder()
                .withName(failover)
                .withNamespace(namespace)
                .build());
        rfo.setSpec(new RegionFailoverSpec());
        rfo.getSpec().protectionRef = new ProtectionRef(ProtectionKind.CodeEngineProtection, name);
        rfo.getSpec().type = FailoverType.Failover;
        rfo.getSpec().targetRegion = standby;
        rfo.getSpec().force = true;
        rfo.getSpec().reason = "us-south is down; make the edge's switch lasting";
        k8s.resource(rfo).create();
        say.say("kubectl create: RegionFailover %s (CodeEngineProtection %s to %s)", failover, name, standby);
        RegionFailover done = awaitUntil(
                "RegionFailover " + failover,
                () -> Optional.ofNullable(k8s.resources(RegionFailover.class)
                                .inNamespace(namespace)
                                .withName(failover)
                                .get())
                        .filter(r -> r.getStatus() != null && r.getStatus().phase == FailoverPhase.Succeeded));
        done.getStatus().steps.stream()
                .filter(s -> s.step == FailoverStep.Fencing || s.step == FailoverStep.Redirecting)
                .forEach(s -> say.say("  %-11s %s", s.step, s.message));
        CodeEngineProtectionStatus steered = await(
                k8s,
                "the edge steered",
                s -> Optional.ofNullable(s.edge)
                        .filter(e -> standby.equals(e.firstRegion))
                        .map(e -> s));
        say.say(
                "  %s sends traffic to %s first; https://%s answers from %s",
                domain, steered.edge.firstRegion, domain, answeringRegion());
    }

    private String answeringRegion() {
        String region = edge.answeringRegion();
        return region == null ? "nowhere" : region;
    }

    private CodeEngineProtectionStatus await(
            KubernetesClient k8s,
            String what,
            Function<CodeEngineProtectionStatus, Optional<CodeEngineProtectionStatus>> done) {
        return awaitUntil(
                what,
                () -> Optional.ofNullable(k8s.resources(CodeEngineProtection.class)
                                .inNamespace(namespace)
                                .withName(name)
                                .get())
                        .map(CodeEngineProtection::getStatus)
                        .flatMap(done));
    }

    private static <T> T awaitUntil(String what, java.util.function.Supplier<Optional<T>> done) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = done.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(100); // a person watching; not a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("waited " + TIMEOUT.toSeconds() + "s for " + what);
    }
}
