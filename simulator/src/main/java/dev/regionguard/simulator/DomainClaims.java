package dev.regionguard.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which domain mapping holds each domain name within a region. As in Code Engine, a name is unique
 * per region, not across regions: the same custom domain can be mapped in every region's project
 * at once (each with its own CNAME target). Within a region the first live mapping holds the name;
 * a later one fails with {@code domain_already_claimed} until the holder is gone or its project
 * soft-deleted (IBM: deleting a project deletes its components; unverified for domains).
 */
final class DomainClaims {

    private record Claim(CeProject project, CeResource mapping) {
        boolean releasedAt(Instant now) {
            return mapping.goneAt(now) || project.softDeleted(now);
        }
    }

    private final ConcurrentHashMap<String, List<Claim>> claims = new ConcurrentHashMap<>();

    /** Queues {@code mapping} for its name in the project's region; the earliest live claim holds it. */
    void claim(String domain, CeProject project, CeResource mapping, Instant now) {
        claims.compute(key(project, domain), (name, queue) -> {
            List<Claim> next = queue == null ? new ArrayList<>() : new ArrayList<>(queue);
            next.removeIf(claim -> claim.releasedAt(now));
            next.add(new Claim(project, mapping));
            return next;
        });
    }

    /** The project that holds {@code domain} in the region of {@code mapping}'s project, if not that mapping. */
    CeProject heldByOther(String domain, CeProject project, CeResource mapping, Instant now) {
        List<Claim> queue = claims.getOrDefault(key(project, domain), List.of());
        for (Claim claim : queue) {
            if (!claim.releasedAt(now)) {
                return claim.mapping() == mapping ? null : claim.project();
            }
        }
        return null;
    }

    private static String key(CeProject project, String domain) {
        return project.region() + "/" + domain;
    }
}
