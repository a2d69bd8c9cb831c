package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The IBM Cloud Internet Services (CIS) global load balancer in front of the projects' custom
 * domain, as IBM's multi-region Code Engine tutorial sets it up: one origin pool per region whose
 * origin is that region's CNAME target. RegionGuard does not create these objects (the network
 * team's Terraform owns them); it checks them, reads CIS's health of each pool, and on a failover
 * puts the new active region's pool first and disables the old region's pool.
 */
@ValidationRule(
        value = "self.loadBalancer == self.zone || self.loadBalancer.endsWith('.' + self.zone)",
        message = "loadBalancer must be the zone or a name inside it",
        fieldPath = ".loadBalancer")
@ValidationRule(
        value = "self.pools.all(p, self.pools.exists_one(q, q.region == p.region))",
        message = "each region has one pool",
        fieldPath = ".pools")
public class EdgeSpec {
    static final String HOST = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$";

    @Required
    @Pattern("^crn:v1:[a-z-]+:[a-z-]+:internet-svcs:global:a/[0-9a-f]{32}:[0-9a-f-]{36}::$")
    @JsonPropertyDescription(
            "CRN of the CIS instance, e.g. crn:v1:bluemix:public:internet-svcs:global:a/<account>:<guid>::."
                    + " Its API key is spec.credentialsSecretRef's.")
    public String cisInstanceCrn;

    @Required
    @Pattern(HOST)
    @Size(max = 253)
    @JsonPropertyDescription("The CIS zone (domain) that holds the load balancer, e.g. example.com.")
    public String zone;

    @Required
    @Pattern(HOST)
    @Size(max = 253)
    @JsonPropertyDescription(
            "Name of the global load balancer: the custom domain every project maps, e.g. www.example.com.")
    public String loadBalancer;

    @Required
    @Size(min = 2, max = 11)
    @JsonPropertyDescription("The origin pool standing for each protected region; every region needs one.")
    public List<EdgePool> pools = new ArrayList<>();

    /** The origin pool of one region. */
    public static class EdgePool {
        @Required
        @Pattern(EnInstanceRef.REGION)
        @Size(max = 16)
        @JsonPropertyDescription("The region whose project the pool's origin points at.")
        public String region;

        @Required
        @Pattern("^[0-9a-f]{32}$")
        @JsonPropertyDescription("ID of the CIS origin pool (32 hex digits).")
        public String poolId;

        public EdgePool() {}

        public EdgePool(String region, String poolId) {
            this.region = region;
            this.poolId = poolId;
        }
    }
}
