package dev.regionguard.simulator;

/**
 * Faults injected AFTER the simulator processed a call (writes are applied), or that poison a list
 * answer. See {@link Fault} for how to inject them.
 */
public enum FaultKind {
    /** Processed, then no answer: the connection is held until the client gives up (or 30 s). */
    LOST_TIMEOUT,
    /** Processed, then the connection is closed without an answer. */
    LOST_RESET,
    /** Processed, then 504 Gateway Timeout. */
    LOST_504,
    /** A list answers 200 with an empty collection (and {@code total_count} 0 where the API has it). */
    EMPTY_LIST,
    /** A list answers 200 without the collection key ({@code {"total_count":0}} for EN). */
    BARE_LIST,
    /** The page keeps only the first 60% of its items; totals and links unchanged. */
    TRUNCATED_PAGE,
    /** The page has no {@code next} link although more items exist. */
    MISSING_NEXT,
    /** The {@code next} link points back at the page just served (a cycle). */
    CYCLIC_NEXT,
    /**
     * Offset paging only (EN): a page after the first loses its first item and {@code total_count}
     * drops by one, as if an entity on an earlier page was deleted while this page was read. Code
     * Engine's start tokens are immune, so a CE page is left as it is.
     */
    SHIFTED_PAGE;

    /** Whether the fault rewrites a list answer (it then only applies to 200 answers with a list). */
    boolean poisonsList() {
        return this != LOST_TIMEOUT && this != LOST_RESET && this != LOST_504;
    }
}
