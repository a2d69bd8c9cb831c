package dev.regionguard.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's time: timestamps for created_at/updated_at (RFC 3339 with milliseconds, UTC) and
 * the instants that Code Engine's delayed transitions are measured against.
 */
final class SimClock {

    private static final DateTimeFormatter RFC3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final AtomicLong lastMillis = new AtomicLong();

    /**
     * Strictly increasing, so two writes within one millisecond still change {@code updated_at}:
     * clients use it to tell whether anything changed.
     */
    String nextTimestamp() {
        return format(lastMillis.updateAndGet(last -> Math.max(System.currentTimeMillis(), last + 1)));
    }

    /** Now, for deadlines. */
    Instant now() {
        return Instant.now();
    }

    static String format(long epochMillis) {
        return RFC3339_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    static String format(Instant instant) {
        return RFC3339_MILLIS.format(instant);
    }
}
