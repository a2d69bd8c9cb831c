package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** What to protect and how. Written only by its owner (kubectl, Argo CD); never by the operator. */
@ValidationRule(
        value = "self.standbys.all(s, s.region != self.primary.region)",
        message = "a standby must be in another region than the primary")
@ValidationRule(
        value = "self.standbys.all(s, self.standbys.exists_one(t, t.region == s.region))",
        message = "standbys must be in distinct regions")
@ValidationRule(
        value = "!has(self.sync) || !has(self.sync.entities) || self.sync.entities.all(e, e in "
                + "['integration', 'source', 'smtp_config', 'smtp_user', 'destination', 'template', 'topic', "
                + "'subscription', 'tag_subscription'])",
        fieldPath = ".sync.entities",
        message = "sync.entities may only name integration, source, smtp_config, smtp_user, destination, template, "
                + "topic, subscription and tag_subscription")
public class EventNotificationsProtectionSpec extends CommonProtectionSpec {
    @Required
    @JsonPropertyDescription("The instance whose configuration is copied.")
    public EnInstanceRef primary;

    @Required
    @Size(min = 1, max = 10)
    @JsonPropertyDescription("Instances in other regions kept in sync with the primary.")
    public List<EnStandby> standbys = new ArrayList<>();

    @JsonPropertyDescription("Secrets with the write-only settings of destinations, per destination name.")
    public List<DestinationSecretRef> destinationSecrets = new ArrayList<>();

    @JsonPropertyDescription("Where template bodies live, per template name (the API never returns them).")
    public List<TemplateBodyRef> templateBodies = new ArrayList<>();

    @JsonPropertyDescription(
            "Continuous proof that each standby works: IBM's test call on chosen destinations of the standby. Absent: no proof, and readiness does not ask for one.")
    public EnVerificationSpec verification;

    @Override
    public VerificationSpec verificationSpec() {
        return verification;
    }

    @Override
    public SideRef primarySide() {
        return primary;
    }

    @Override
    public List<? extends SideRef> standbySides() {
        return standbys == null ? List.of() : standbys;
    }
}
