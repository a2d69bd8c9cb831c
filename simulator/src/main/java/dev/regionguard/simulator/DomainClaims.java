package dev.regionguard.simulator;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which domain mapping holds each domain name, across every project of every region: a domain can
 * be mapped in one project at a time. A claim ends when its mapping (or project) is gone, not when
 * its delete is accepted.
 */
final class DomainClaims {

    private record Claim(CeProject project, CeResource mapping) {
        boolean releasedAt(Instant now) {
            return mapping.goneAt(now) || project.goneAt(now);
        }
    }

    private final ConcurrentHashMap<String, Claim> claims = new ConcurrentHashMap<>();

    /** 409 {@code domain_already_claimed} while another live mapping holds the domain. */
    void claim(String domain, CeProject project, CeResource mapping, Instant now) {
        claims.compute(domain, (name, held) -> {
            if (held != null && held.mapping() != mapping && !held.releasedAt(now)) {
                throw new ApiException(
                        409,
                        "domain_already_claimed",
                        "The domain '" + domain
                                + "' is already mapped in project "
                                + held.project().id() + " (" + held.project().region()
                                + "); delete that domain mapping and wait until it is gone first");
            }
            return new Claim(project, mapping);
        });
    }
}
