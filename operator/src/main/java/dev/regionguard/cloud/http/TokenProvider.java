package dev.regionguard.cloud.http;

import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;

/** Hands out IAM bearer tokens for API keys. Implementations cache and refresh them. */
public interface TokenProvider {

    /**
     * A token that is valid now.
     *
     * @throws IbmApiException {@link ErrorCategory#AUTHENTICATION} when IAM refuses the key, a
     *                         transient category when IAM cannot be reached or fails
     */
    String bearerToken(ApiKey key);

    /** Forgets the cached token of a key, e.g. after a service answered 401 to it. */
    void invalidate(ApiKey key);
}
