package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A custom domain as one protected project maps it. Every region's project maps the same domains
 * (a name is unique per region, not across regions), each with its own CNAME target; a failover
 * reads the active project's entries without asking the old region.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DomainMappingRecord {
    @JsonPropertyDescription("The domain, e.g. www.example.com.")
    public String name;

    @JsonPropertyDescription("The region of the project that holds this mapping.")
    public String region;

    @JsonPropertyDescription("The app it routes to.")
    public String app;

    @JsonPropertyDescription("The tls Secret of the project that holds its certificate (synced like any user secret).")
    public String tlsSecret;

    @JsonPropertyDescription(
            "Where this region serves the domain: custom.<id>.<region>.codeengine.appdomain.cloud; point DNS or"
                    + " the edge's origin pool for this region here.")
    public String cnameTarget;

    @JsonPropertyDescription("Code Engine's state of the mapping: deploying, ready, failed or deleting.")
    public String status;

    @JsonPropertyDescription("Why it is not ready, as Code Engine says (e.g. domain_already_claimed, app_ref_failed).")
    public String reason;

    public DomainMappingRecord() {}

    public DomainMappingRecord(String name, String app, String tlsSecret) {
        this.name = name;
        this.app = app;
        this.tlsSecret = tlsSecret;
    }
}
