package dev.regionguard.codeengine;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;

/**
 * The project a side names cannot be used: IBM answers 404 for it, or its status is not
 * {@code active} (creating, soft-deleted, ...). Its summary is the plain sentence, with no HTTP status:
 * the call that found it out succeeded.
 */
final class CeProjectUnavailableException extends IbmApiException {
    CeProjectUnavailableException(int status, String region, String message, Throwable cause) {
        super(status, ErrorCategory.UNAVAILABLE, null, message, null, region, null, cause);
    }

    @Override
    public String summary() {
        return getMessage();
    }
}
