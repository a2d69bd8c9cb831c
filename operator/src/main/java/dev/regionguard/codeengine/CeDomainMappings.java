package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/** What a failover needs to move the primary's domain mappings to the standby. */
public final class CeDomainMappings {
    private CeDomainMappings() {}

    /**
     * The create bodies ({@code name}, {@code component}, {@code tls_secret}) of the primary's
     * mappings, by name. Create them on the new primary only after deleting them on the old one
     * (one claim per domain), then point DNS at the new mappings' {@code cname_target}.
     */
    public static List<ObjectNode> createBodies(List<ObjectNode> primaryMappings) {
        return primaryMappings.stream()
                .map(CeNormal::createBody)
                .sorted(Comparator.comparing(body -> String.valueOf(CeJson.text(body, "name"))))
                .toList();
    }
}
