package dev.regionguard.codeengine;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;

/**
 * Every call succeeded, but a resource did not reach the state a write waited for: an app went
 * to {@code failed}, or did not get ready, or a delete did not finish in time. An
 * {@link IbmApiException} so that the sync engine reports it like any failed write; its summary
 * shows no HTTP status because no call failed.
 */
public final class CeWaitFailedException extends IbmApiException {
    public static final String APP_FAILED = "app_failed";
    public static final String APP_NOT_READY = "app_not_ready";
    public static final String DELETE_NOT_FINISHED = "delete_not_finished";

    /** @param code one of the constants above; {@code message} must never carry resource bodies */
    public CeWaitFailedException(String code, String message, String region) {
        super(200, ErrorCategory.UNEXPECTED, code, message, null, region, null, null);
    }

    @Override
    public String summary() {
        return errorCode() + ": " + getMessage();
    }
}
