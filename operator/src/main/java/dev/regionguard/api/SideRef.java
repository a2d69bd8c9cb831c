package dev.regionguard.api;

/** One side of a protection as its spec names it: a region, the instance or project ID there, and its own key. */
public interface SideRef {
    String region();

    /** The instance GUID (Event Notifications) or the project ID (Code Engine). */
    String id();

    /** The side's own API key; null means the protection's {@code credentialsSecretRef}. */
    default SecretKeyRef ownCredentials() {
        return null;
    }
}
