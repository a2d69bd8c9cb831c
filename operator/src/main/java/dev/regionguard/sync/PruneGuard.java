package dev.regionguard.sync;

import java.util.Optional;

/**
 * Decides whether a complete read of the source may drive deletions on targets. An empty or
 * sharply shrunk source looks exactly like a sick one (external-dns, Argo CD ApplicationSet), so
 * both hold deletions until the owner confirms the count: for the whole source, and for each type
 * on its own (one type's poisoned list hides in a total that barely moves). Pure.
 */
public final class PruneGuard {
    public static final String PRIMARY_EMPTY = "PrimaryEmpty";
    public static final String PRIMARY_SHRUNK = "PrimaryShrunk";
    public static final String PRIMARY_TYPE_EMPTY = "PrimaryTypeEmpty";
    public static final String PRIMARY_TYPE_SHRUNK = "PrimaryTypeShrunk";

    private PruneGuard() {}

    /**
     * @param sourceCount non-built-in entities on the source, across all types
     * @return why deletions must wait, or empty when they may go ahead
     */
    public static Optional<String> holdReason(int sourceCount, SyncPolicy policy) {
        boolean confirmedAsIs = policy.confirms(sourceCount);
        if (sourceCount == 0) {
            return confirmedAsIs ? Optional.empty() : Optional.of(PRIMARY_EMPTY);
        }
        if (sharpShrink(sourceCount, policy.shrinkBaseline(), policy.maxDeletionsPerPass()) && !confirmedAsIs) {
            return Optional.of(PRIMARY_SHRUNK);
        }
        return Optional.empty();
    }

    /**
     * For one type whose entities a target has and the source lacks.
     *
     * @param typeCount non-built-in entities of the type on the source
     * @param confirmed the owner confirmed the source's total count as it is now
     */
    public static Optional<String> typeHoldReason(
            int typeCount, int typeBaseline, int maxDeletionsPerPass, boolean confirmed) {
        if (confirmed) {
            return Optional.empty();
        }
        if (typeCount == 0) {
            return Optional.of(PRIMARY_TYPE_EMPTY);
        }
        return sharpShrink(typeCount, typeBaseline, maxDeletionsPerPass)
                ? Optional.of(PRIMARY_TYPE_SHRUNK)
                : Optional.empty();
    }

    /**
     * A type listed empty whose whole baseline one pass may delete anyway (the last SMTP
     * configuration deleted) is released when a direct read proves each deletion: a poisoned
     * empty list cannot pass that, a real deletion of a few entities does.
     */
    public static boolean emptyTypeMayGoOnReads(int typeBaseline, int maxDeletionsPerPass) {
        return typeBaseline <= maxDeletionsPerPass;
    }

    /** Below half the baseline and by more than one pass may delete. */
    private static boolean sharpShrink(int count, int baseline, int maxDeletionsPerPass) {
        return baseline > 0 && 2L * count < baseline && baseline - count > maxDeletionsPerPass;
    }
}
