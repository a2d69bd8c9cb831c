package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A custom domain of the active project, recorded so a failover can move it without asking the old region. */
public class DomainMappingRecord {
    @JsonPropertyDescription("The domain, e.g. www.example.com.")
    public String name;

    @JsonPropertyDescription("The app it routes to.")
    public String app;

    @JsonPropertyDescription("The tls Secret of the project that holds its certificate (synced like any user secret).")
    public String tlsSecret;

    public DomainMappingRecord() {}

    public DomainMappingRecord(String name, String app, String tlsSecret) {
        this.name = name;
        this.app = app;
        this.tlsSecret = tlsSecret;
    }
}
