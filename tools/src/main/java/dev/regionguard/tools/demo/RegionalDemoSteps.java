package dev.regionguard.tools.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EnRegionalOverrides;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.eventnotifications.EventNotificationsClient;
import java.util.List;
import java.util.Optional;

/**
 * A standby that works without the primary's region: the primary's key integration is its own
 * region's Key Protect and an ibmce destination targets its region's Code Engine project. Applied
 * first without the sample's {@code regionalOverrides}, the audit lists what the standby's copy
 * still takes from the primary's region; with them, the copy is the standby region's own. The
 * references are shown again after the failover and after the relocation.
 */
final class RegionalDemoSteps {
    private final DemoWatch watch;
    private final EnRegionalOverrides heldBack;
    private boolean allOwn = true;

    private RegionalDemoSteps(DemoWatch watch, EnRegionalOverrides heldBack) {
        this.watch = watch;
        this.heldBack = heldBack;
    }

    /** Takes the first standby's overrides out of the sample until {@link #applyOverrides}. */
    static RegionalDemoSteps holdBack(DemoWatch watch, EventNotificationsProtection sample) {
        EnRegionalOverrides overrides = sample.getSpec().standbys.get(0).regionalOverrides;
        sample.getSpec().standbys.get(0).regionalOverrides = null;
        return new RegionalDemoSteps(watch, overrides);
    }

    /** The audit of the copy made without overrides: what still names the primary's region. */
    void showDependent() {
        ProtectionStatus status = watch.await(
                "the region independence audit of the standby",
                () -> Optional.ofNullable(watch.status()).filter(s -> conditionIs(s, "False")));
        Condition condition = Conditions.find(status.conditions, Conditions.REGION_INDEPENDENT);
        watch.say("RegionIndependent=False (%s): %s", condition.reason, condition.message);
        StandbyStatus standby = status.standbys.get(0);
        standby.regionReferences.forEach(f -> watch.say(
                "    %s %s %s -> %s (%s)", standby.region, f.kind + "/" + f.name, f.field, f.region, f.value));
    }

    /** kubectl apply of the sample as written: the overrides go in, the copy becomes the standby's own. */
    void applyOverrides() {
        EventNotificationsProtection edited = watch.protection();
        edited.getSpec().standbys.get(0).regionalOverrides = heldBack;
        edited.setStatus(null);
        watch.k8s().resource(edited).update();
        watch.say(
                "kubectl apply: the sample's regionalOverrides for %s (its own Key Protect instance and key)",
                edited.getSpec().standbys.get(0).region);
        ProtectionStatus status = watch.await(
                "RegionIndependent=True",
                () -> Optional.ofNullable(watch.status()).filter(s -> conditionIs(s, "True")));
        watch.say(
                "RegionIndependent=True: %s",
                Conditions.find(status.conditions, Conditions.REGION_INDEPENDENT).message);
        StandbyStatus standby = status.standbys.get(0);
        if (standby.smtpUserSecrets != null) {
            watch.say(
                    "SMTP users of %s: credentials in Secrets %s (never in status, Events or logs)",
                    standby.region, standby.smtpUserSecrets);
        }
    }

    /** True when every instance shown named only its own region: a workload switched to it depends on no other. */
    boolean allOwn() {
        return allOwn;
    }

    /** Prints the regional references of one instance; true when each names the instance's region. */
    boolean showReferences(EventNotificationsClient instance, String when) {
        String region = instance.region();
        watch.say("Regional references of %s %s:", region, when);
        boolean own = true;
        for (ObjectNode integration : instance.list(EnKind.INTEGRATION)) {
            ObjectNode metadata = integration.path("metadata") instanceof ObjectNode m ? m : null;
            if (metadata != null && metadata.has("crn")) {
                own &= show(
                        "integration/" + integration.path("type").asText() + " endpoint",
                        metadata.path("endpoint").asText(),
                        region);
                own &= show(
                        "integration/" + integration.path("type").asText() + " crn",
                        metadata.path("crn").asText(),
                        region);
            }
        }
        for (ObjectNode destination : instance.list(EnKind.DESTINATION)) {
            if ("smtp_custom".equals(destination.path("type").asText())) {
                ObjectNode params = (ObjectNode)
                        instance.get(EnKind.DESTINATION, destination.path("id").asText())
                                .path("config")
                                .path("params");
                watch.say(
                        "    %-36s %s  dkim %s, spf %s (verified by %s itself)",
                        "destination/" + destination.path("name").asText() + " domain",
                        params.path("domain").asText(),
                        params.path("dkim").path("verification").asText(),
                        params.path("spf").path("verification").asText(),
                        region);
            }
            if ("ibmce".equals(destination.path("type").asText())) {
                ObjectNode full =
                        instance.get(EnKind.DESTINATION, destination.path("id").asText());
                own &= show(
                        "destination/" + full.path("name").asText() + " project_crn",
                        full.path("config").path("params").path("project_crn").asText(),
                        region);
            }
        }
        allOwn &= own;
        return own;
    }

    private boolean show(String what, String value, String region) {
        boolean own = List.of(value.split("[:./]")).contains(region);
        watch.say("    %-36s %s  %s", what, value, own ? "(" + region + ")" : "(NOT " + region + ")");
        return own;
    }

    private static boolean conditionIs(ProtectionStatus s, String value) {
        Condition c = Conditions.find(s.conditions, Conditions.REGION_INDEPENDENT);
        return c != null && value.equals(c.status) && !s.standbys.isEmpty();
    }
}
