package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
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
        value =
                "!has(self.sync) || !has(self.sync.entities) || self.sync.entities.all(e, e in ['secret', "
                        + "'config_map', 'persistent_data_store', 'allowed_outbound_destination', 'build', 'app', 'job', 'function', 'binding', 'domain_mapping'])",
        message =
                "sync.entities may only name secret, config_map, persistent_data_store, allowed_outbound_destination, "
                        + "build, app, job, function, binding, domain_mapping",
        fieldPath = ".sync.entities")
@ValidationRule(
        value = "!has(self.edge) || (self.edge.pools.exists(p, p.region == self.primary.region)"
                + " && self.standbys.all(s, self.edge.pools.exists(p, p.region == s.region))"
                + " && self.edge.pools.all(p, p.region == self.primary.region"
                + " || self.standbys.exists(s, s.region == p.region)))",
        message = "edge.pools must name one pool for the primary's region and for each standby's, and no other",
        fieldPath = ".edge.pools")
public class CodeEngineProtectionSpec extends CommonProtectionSpec {
    static final String DEFAULT_STANDBY_MODE = "Cold";

    @Required
    @JsonPropertyDescription("The project whose workloads are copied.")
    public CeProjectRef primary;

    @Required
    @Size(min = 1, max = 10)
    @JsonPropertyDescription("Projects in other regions kept ready to take the workload.")
    public List<CeStandby> standbys = new ArrayList<>();

    @Default(DEFAULT_STANDBY_MODE)
    @JsonPropertyDescription(
            "Warm copies the primary's scaling; Cold keeps standby apps deployed at scale_min_instances 0 and the failover restores the primary's scaling. Defaults to Cold.")
    public CodeEngineStandbyMode standbyMode = CodeEngineStandbyMode.valueOf(DEFAULT_STANDBY_MODE);

    @JsonPropertyDescription("App endpoints the health checks probe in each region.")
    public List<AppHealthRef> apps = new ArrayList<>();

    @JsonPropertyDescription(
            "Continuous proof that each standby works: each app's health path answered on the standby (cold start timed) and chosen jobs run there. Absent: no proof, and readiness does not ask for one.")
    public CeVerificationSpec verification;

    @JsonPropertyDescription(
            "Steering at the edge: the CIS global load balancer in front of the custom domain. RegionGuard checks it,"
                    + " shows CIS's health of each region's pool, and on a failover steers traffic there.")
    public EdgeSpec edge;

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
