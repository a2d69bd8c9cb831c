package dev.regionguard.eventnotifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a standby's custom e-mail domain may be verified again. IBM only says VERIFIED after the DNS
 * records exist, which takes a person and DNS propagation: a verify call on every pass would only
 * repeat the same answer. The first check is at once; after each answer that is not VERIFIED the
 * next waits 1 minute, doubling up to 1 hour; a verified domain is forgotten. Outlives passes (held
 * by the reconciler), shared by all its standbys: keys name the instance.
 */
public final class DomainVerifyBackoff {
    static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    static final Duration MAX_DELAY = Duration.ofHours(1);

    private record Next(Instant at, Duration delay) {}

    private final Clock clock;
    private final Map<String, Next> next = new ConcurrentHashMap<>();

    public DomainVerifyBackoff(Clock clock) {
        this.clock = clock;
    }

    boolean due(String key) {
        Next n = next.get(key);
        return n == null || !clock.instant().isBefore(n.at());
    }

    void notVerified(String key) {
        next.compute(key, (k, previous) -> {
            Duration delay =
                    previous == null ? FIRST_DELAY : min(previous.delay().multipliedBy(2), MAX_DELAY);
            return new Next(clock.instant().plus(delay), delay);
        });
    }

    void verified(String key) {
        next.remove(key);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
