package dev.regionguard.simulator;

import java.util.Map;

/**
 * The write-only material a seed used, which no GET gives back.
 *
 * @param destinationSecrets destination name to its secret values, keyed as the operator's Secrets key
 *                           them: a {@code config.params} key ({@code routing_key}, {@code client_secret},
 *                           {@code password}, {@code token}, {@code api_key}, {@code private_key}) or
 *                           {@code header.<Name>} for a sensitive custom header. Destinations without
 *                           write-only values are not listed.
 * @param templateBodies     template name to its body (plain text) and subject
 * @param entityCount        entities the seed created (built-ins not counted)
 */
public record SeedManifest(
        Map<String, Map<String, String>> destinationSecrets,
        Map<String, TemplateBody> templateBodies,
        int entityCount) {

    public SeedManifest {
        destinationSecrets = Map.copyOf(destinationSecrets);
        templateBodies = Map.copyOf(templateBodies);
    }
}
