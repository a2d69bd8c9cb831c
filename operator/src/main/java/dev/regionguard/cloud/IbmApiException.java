package dev.regionguard.cloud;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A failed IBM Cloud call, parsed from IBM's error body
 * ({@code {"status_code":..,"trace":..,"errors":[{"code":..,"message":..}]}}).
 * Messages come from IBM and never contain request bodies or credentials.
 */
public class IbmApiException extends RuntimeException {
    private final int status;
    private final ErrorCategory category;
    private final String errorCode;
    private final String trace;
    private final String region;
    private final Duration retryAfter;

    public IbmApiException(
            int status,
            ErrorCategory category,
            String errorCode,
            String message,
            String trace,
            String region,
            Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.category = category;
        this.errorCode = errorCode;
        this.trace = trace;
        this.region = region;
        this.retryAfter = retryAfter;
    }

    /** The call's answer, or null where IBM says that what it asked for is not there (404). */
    public static <T> T nullIfNotFound(Supplier<T> call) {
        try {
            return call.get();
        } catch (IbmApiException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** HTTP status, or 0 when no answer came back. */
    public int status() {
        return status;
    }

    public ErrorCategory category() {
        return category;
    }

    /** IBM's {@code errors[0].code}, e.g. {@code authorization_error}; may be null. */
    public String errorCode() {
        return errorCode;
    }

    /** IBM's trace id for support cases; may be null. */
    public String trace() {
        return trace;
    }

    public String region() {
        return region;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** One line for status conditions and Events: "409 conflict: name already exists (trace abc)". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(status == 0 ? "no answer" : String.valueOf(status));
        if (errorCode != null) {
            sb.append(' ').append(errorCode);
        }
        sb.append(": ").append(getMessage());
        if (trace != null) {
            sb.append(" (trace ").append(trace).append(')');
        }
        return sb.toString();
    }
}
