package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The edge in front of the custom domain as CIS shows it: where traffic goes first, and each region's pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EdgeStatus {
    @JsonPropertyDescription("The load balancer (the custom domain it serves).")
    public String loadBalancer;

    @JsonPropertyDescription("The region whose pool is first in the load balancer's default_pools.")
    public String firstRegion;

    @JsonPropertyDescription("The region CIS sends traffic to now: the first enabled, healthy pool's.")
    public String servingRegion;

    @JsonPropertyDescription("Each protected region's origin pool, by region.")
    public List<EdgePoolStatus> pools = new ArrayList<>();

    /** One region's origin pool, with CIS's health of it (checked from CIS's points of presence). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class EdgePoolStatus {
        public String region;
        public String poolId;

        @JsonPropertyDescription("The pool's name in CIS.")
        public String name;

        @JsonPropertyDescription("Whether the pool takes traffic; a failover disables the old region's.")
        public Boolean enabled;

        @JsonPropertyDescription("CIS's verdict: healthy origins at least minimum_origins.")
        public Boolean healthy;

        @JsonPropertyDescription("Origins CIS reports healthy, of all origins of the pool.")
        public String healthyOrigins;

        @JsonPropertyDescription("Place in default_pools, 1 first; absent when the load balancer does not list it.")
        public Integer order;
    }
}
