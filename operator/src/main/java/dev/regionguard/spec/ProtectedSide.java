package dev.regionguard.spec;

import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.SideRef;

/**
 * One side of a protection, the same for every service: a region, the instance or project ID
 * there, and the Secret with its API key (null on a standby: the primary's key).
 */
public record ProtectedSide(String region, String id, SecretKeyRef credentials) {

    public static ProtectedSide of(SideRef ref, SecretKeyRef credentials) {
        return new ProtectedSide(ref.region(), ref.id(), credentials);
    }
}
