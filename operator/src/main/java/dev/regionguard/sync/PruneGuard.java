package dev.regionguard.sync;

import java.util.Optional;

/**
 * Decides whether a complete read of the source may drive deletions on targets. An empty or
 * sharply shrunk source looks exactly like a sick one (external-dns, Argo CD ApplicationSet), so
 * both hold deletions until the owner confirms the count. Pure.
 */
public final class PruneGuard {
    public static final String PRIMARY_EMPTY = "PrimaryEmpty";
    public static final String PRIMARY_SHRUNK = "PrimaryShrunk";

    private PruneGuard() {}

    /**
     * @param sourceCount non-built-in entities on the source, across all types
     * @return why deletions must wait, or empty when they may go ahead
     */
    public static Optional<String> holdReason(int sourceCount, SyncPolicy policy) {
        Integer confirmed = policy.confirmedSourceCount();
        boolean confirmedAsIs = confirmed != null && confirmed == sourceCount;
        if (sourceCount == 0) {
            return confirmedAsIs ? Optional.empty() : Optional.of(PRIMARY_EMPTY);
        }
        int baseline = policy.shrinkBaseline();
        boolean belowHalf = 2L * sourceCount < baseline;
        boolean beyondCap = baseline - sourceCount > policy.maxDeletionsPerPass();
        if (baseline > 0 && belowHalf && beyondCap && !confirmedAsIs) {
            return Optional.of(PRIMARY_SHRUNK);
        }
        return Optional.empty();
    }
}
