package dev.regionguard.cloud;

/** What an IBM Cloud failure means for the caller: whether to retry, report credentials, or give up. */
public enum ErrorCategory {
    /** 401, or IAM refused the API key. Never a region failure. */
    AUTHENTICATION(false),
    /** 403: the key lacks access to the instance (IAM policy, context-based restriction). */
    AUTHORIZATION(false),
    /** 400 or 422: the request itself is wrong. */
    INVALID_REQUEST(false),
    NOT_FOUND(false),
    /** 409: e.g. a name that already exists. */
    CONFLICT(false),
    /** 412: a stale If-Match entity tag. */
    PRECONDITION_FAILED(false),
    /** 429: throttled; honour Retry-After. Never a region failure. */
    THROTTLED(true),
    /** 5xx except 501. */
    SERVER(true),
    /** No HTTP answer: connection refused or reset, timeout. */
    UNREACHABLE(true),
    /**
     * IBM answered, and the instance or project cannot be used: missing, or not active (a Code Engine
     * project still creating, soft-deleted, ...). A person or IBM's provisioning must act; not a region failure.
     */
    UNAVAILABLE(false),
    /** Anything else (501, unexpected codes, unreadable bodies). */
    UNEXPECTED(false);

    private final boolean transientFailure;

    ErrorCategory(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** True when the same call may succeed later without anyone changing anything. */
    public boolean isTransient() {
        return transientFailure;
    }

    public boolean isCredentials() {
        return this == AUTHENTICATION || this == AUTHORIZATION;
    }

    public static ErrorCategory ofStatus(int status) {
        return switch (status) {
            case 400, 422 -> INVALID_REQUEST;
            case 401 -> AUTHENTICATION;
            case 403 -> AUTHORIZATION;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 429 -> THROTTLED;
            default -> status >= 500 && status != 501 ? SERVER : UNEXPECTED;
        };
    }
}
