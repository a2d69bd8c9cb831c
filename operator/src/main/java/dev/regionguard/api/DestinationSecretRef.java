package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Write-only settings of a destination. Each key of the Secret is a {@code config.params} name
 * (routing_key, client_secret, password, token, api_key, private_key), or
 * {@code header.<Name>} for a sensitive webhook header, or {@code certificate} for a push certificate.
 */
public class DestinationSecretRef {
    @Required
    @JsonPropertyDescription("Name of the destination on the primary.")
    public String destination;

    @Required
    @JsonPropertyDescription(
            "Secret in this namespace whose keys are the destination's write-only params (routing_key, client_secret, password, token, api_key, private_key), header.<Name> for sensitive webhook headers, or certificate.")
    public String secretName;

    public DestinationSecretRef() {}

    public DestinationSecretRef(String destination, String secretName) {
        this.destination = destination;
        this.secretName = secretName;
    }
}
