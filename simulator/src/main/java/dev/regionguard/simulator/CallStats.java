package dev.regionguard.simulator;

import java.util.Map;

/**
 * Calls the simulator answered (or dropped) for one region or for IAM.
 *
 * @param calls       every call, whatever its outcome
 * @param listCalls   GET on a collection
 * @param entityReads GET of one entity by id
 * @param writes      POST, PUT, PATCH and DELETE (always 0 for IAM)
 * @param byStatus    HTTP status as a string ("200", "429") to count; {@value #NO_RESPONSE} for
 *                    calls closed without an answer (CONNECTION_RESET and BLACKHOLE)
 */
public record CallStats(long calls, long listCalls, long entityReads, long writes, Map<String, Long> byStatus) {

    public static final String NO_RESPONSE = "no_response";

    public CallStats {
        byStatus = Map.copyOf(byStatus);
    }

    /** Count for one status, 0 when none. */
    public long status(int httpStatus) {
        return byStatus.getOrDefault(String.valueOf(httpStatus), 0L);
    }
}
