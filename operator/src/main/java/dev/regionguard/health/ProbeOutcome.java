package dev.regionguard.health;

import dev.regionguard.cloud.ErrorCategory;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The result of one probe of a region. Only positive evidence of an outage is a {@link Failure}:
 * a 5xx or no answer at all. Anything else that is not a success means the region answered but we
 * cannot judge it, which is {@link Inconclusive} and makes the region Unknown, never Unhealthy.
 */
public sealed interface ProbeOutcome {

    /** The region answered in time. */
    record Success(Duration latency) implements ProbeOutcome {
        public Success {
            Objects.requireNonNull(latency, "latency");
        }
    }

    /** The region is failing: 5xx, no answer, or too slow. */
    record Failure(ErrorCategory category, String message) implements ProbeOutcome {}

    /**
     * The region answered but cannot be judged (credentials refused, throttled, a request the region
     * rejected), or the probe could not ask it (IAM down, no probe thread free, a bug in the probe).
     * The reason (CamelCase, e.g. IamUnavailable) leads the region's lastError.
     */
    record Inconclusive(ErrorCategory category, String reason, String message) implements ProbeOutcome {
        public static final String IAM_UNAVAILABLE = "IamUnavailable";
        public static final String IAM_KEY_REJECTED = "IamKeyRejected";
        public static final String PROBE_BACKLOG = "ProbeBacklog";
        public static final String PROBE_ERROR = "ProbeError";
        /** Reasons of a probe that never reached the region. */
        private static final Set<String> NOT_ASKED =
                Set.of(IAM_UNAVAILABLE, IAM_KEY_REJECTED, PROBE_BACKLOG, PROBE_ERROR);

        public Inconclusive {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(reason, "reason");
        }

        /** The category's name is the reason. */
        public Inconclusive(ErrorCategory category, String message) {
            this(category, category.name(), message);
        }

        /** False when the probe never reached the region (IAM, no probe thread free, a bug): it says nothing of it. */
        public boolean regionAnswered() {
            return !NOT_ASKED.contains(reason);
        }

        /** 401/403: also reported as CredentialsValid=False by the protection. */
        public boolean credentials() {
            return category.isCredentials();
        }
    }

    static ProbeOutcome success(Duration latency) {
        return new Success(latency);
    }

    static ProbeOutcome timedOut(Duration timeout) {
        return new Failure(ErrorCategory.UNREACHABLE, "no answer within " + timeout.toMillis() + "ms");
    }

    /**
     * A failed call, by what the failure means for the region:
     * <ul>
     * <li>SERVER (5xx) and UNREACHABLE (connection refused or reset, timeout): failure.</li>
     * <li>AUTHENTICATION, AUTHORIZATION (401/403) and THROTTLED (429): inconclusive, by definition never a region failure.</li>
     * <li>NOT_FOUND: inconclusive. A wrong instance ID or a deleted instance needs a person; failing over
     *     on it would turn a typo into a regional failover.</li>
     * <li>UNAVAILABLE (a project not active): inconclusive, for the same reason.</li>
     * <li>INVALID_REQUEST, CONFLICT, PRECONDITION_FAILED: inconclusive. The region answered; the probe is wrong.</li>
     * <li>UNEXPECTED (501, odd codes, unreadable bodies): inconclusive. A false failover costs more than
     *     one that waits for a person; the region shows Unknown with the error.</li>
     * </ul>
     */
    static ProbeOutcome ofError(ErrorCategory category, String message) {
        return switch (category) {
            case SERVER, UNREACHABLE -> new Failure(category, message);
            case AUTHENTICATION,
                    AUTHORIZATION,
                    THROTTLED,
                    NOT_FOUND,
                    INVALID_REQUEST,
                    CONFLICT,
                    PRECONDITION_FAILED,
                    UNAVAILABLE,
                    UNEXPECTED -> new Inconclusive(category, message);
        };
    }
}
