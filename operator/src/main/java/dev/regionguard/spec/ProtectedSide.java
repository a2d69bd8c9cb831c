package dev.regionguard.spec;

import dev.regionguard.api.SecretKeyRef;

/**
 * One side of a protection, the same for every service: a region, the instance or project ID
 * there, and the Secret with its API key.
 */
public record ProtectedSide(String region, String id, SecretKeyRef credentials) {}
