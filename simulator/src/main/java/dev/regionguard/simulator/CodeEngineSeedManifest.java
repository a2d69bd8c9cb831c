package dev.regionguard.simulator;

import java.util.List;
import java.util.Map;

/**
 * What {@link IbmCloudSimulator#seedCodeEngine} created. Secret data is readable through the API, so
 * unlike {@link SeedManifest} nothing write-only needs recording.
 *
 * @param resourceCount resources created (the project's system secret not counted)
 * @param countsByKind  collection name ({@code secrets}, {@code apps}, ...) to how many were created
 * @param domainNames   the mapped domains, which no other project can map while these exist
 */
public record CodeEngineSeedManifest(int resourceCount, Map<String, Integer> countsByKind, List<String> domainNames) {

    public CodeEngineSeedManifest {
        countsByKind = Map.copyOf(countsByKind);
        domainNames = List.copyOf(domainNames);
    }
}
