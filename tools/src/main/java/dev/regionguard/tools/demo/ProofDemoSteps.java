package dev.regionguard.tools.demo;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.api.StandbyVerification;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Optional;

/**
 * Before anything fails: the standby is proven (spec.verification sends IBM's test through its copy
 * of a destination), then a drill exercises it as a failover would and changes nothing.
 */
final class ProofDemoSteps {
    private ProofDemoSteps() {}

    static void run(DemoWatch watch) {
        if (watch.protection().getSpec().verification == null) {
            throw new IllegalStateException("the demo protection has no spec.verification to prove its standby with");
        }
        watch.say(
                "Standby proof: IBM's test of the standby's copy of %s",
                watch.protection().getSpec().verification.destinations);
        ProtectionStatus proven = watch.await(
                "StandbyVerified=True",
                () -> Optional.ofNullable(watch.status())
                        .filter(s -> Conditions.isTrue(s.conditions, Conditions.STANDBY_VERIFIED)));
        StandbyVerification proof = proven.standbys.get(0).verification;
        proof.checks.forEach(c -> watch.say(
                "  %s %-28s %s in %dms (%s)",
                proven.standbys.get(0).region, c.name, c.passed ? "passed" : "FAILED", c.durationMs, c.message));
        Condition verified = Conditions.find(proven.conditions, Conditions.STANDBY_VERIFIED);
        watch.say("  StandbyVerified %s: %s", verified.reason, verified.message);
        drill(watch, proven.standbys.get(0).region, proven.activeRegion);
    }

    private static void drill(DemoWatch watch, String standby, String active) {
        watch.await(
                "FailoverReady=True before the drill",
                () -> Optional.ofNullable(watch.status())
                        .filter(s -> Conditions.isTrue(s.conditions, Conditions.FAILOVER_READY)));
        String drill = watch.name() + "-drill";
        RegionFailover request = new RegionFailover();
        request.setMetadata(new ObjectMetaBuilder()
                .withName(drill)
                .withNamespace(watch.namespace())
                .build());
        RegionFailoverSpec spec = new RegionFailoverSpec();
        spec.protectionRef = new ProtectionRef(ProtectionKind.EventNotificationsProtection, watch.name());
        spec.type = FailoverType.Drill;
        spec.targetRegion = standby;
        spec.reason = "demo: game day";
        request.setSpec(spec);
        watch.k8s().resource(request).create();
        watch.say("kubectl regionguard drill: RegionFailover %s (type Drill, to %s)", drill, standby);
        watch.follow(drill);
        ProtectionStatus after = watch.await(
                "the drill in the failover history",
                () -> Optional.ofNullable(watch.status())
                        .filter(s ->
                                s.failover == null && s.failoverHistory.stream().anyMatch(r -> drill.equals(r.name))));
        FailoverRecord recorded = after.failoverHistory.stream()
                .filter(r -> drill.equals(r.name))
                .findFirst()
                .orElseThrow();
        watch.say(
                "  history: %s %s %s; %s is still the active region at epoch %d, nothing fenced",
                recorded.name, recorded.type, recorded.phase, after.activeRegion, after.epoch);
        watch.say("  %s", recorded.message); // its proof and what a Failover's steps are expected to take
        if (!active.equals(after.activeRegion) || !after.fencedRegions.isEmpty()) {
            throw new IllegalStateException("a drill changed the active region or fenced a region");
        }
    }
}
