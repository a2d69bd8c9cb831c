package dev.regionguard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PruneGuardTest {

    private static SyncPolicy policy(int maxDeletions, int baseline, Integer confirmed) {
        return new SyncPolicy(true, true, maxDeletions, false, baseline, confirmed);
    }

    @Test
    void emptySourceIsHeldUnlessZeroIsConfirmed() {
        assertThat(PruneGuard.holdReason(0, policy(10, 0, null))).contains("PrimaryEmpty");
        assertThat(PruneGuard.holdReason(0, policy(10, 0, 3))).contains("PrimaryEmpty");
        assertThat(PruneGuard.holdReason(0, policy(10, 0, 0))).isEmpty();
    }

    @Test
    void noBaselineMeansNoShrinkCheck() {
        assertThat(PruneGuard.holdReason(1, policy(0, 0, null))).isEmpty();
    }

    @Test
    void shrinkBelowHalfAndBeyondTheCapIsHeld() {
        assertThat(PruneGuard.holdReason(5, policy(10, 20, null))).contains("PrimaryShrunk");
    }

    @Test
    void exactlyHalfIsNotAShrink() {
        assertThat(PruneGuard.holdReason(20, policy(5, 40, null))).isEmpty();
        assertThat(PruneGuard.holdReason(19, policy(5, 40, null))).contains("PrimaryShrunk");
    }

    @Test
    void shrinkTheCapCoversAnywayIsNotHeld() {
        // 4 of 10 left: below half, but the 6 deletions fit in one pass's cap.
        assertThat(PruneGuard.holdReason(4, policy(6, 10, null))).isEmpty();
        assertThat(PruneGuard.holdReason(4, policy(5, 10, null))).contains("PrimaryShrunk");
    }

    @Test
    void confirmationMustMatchTheCurrentCount() {
        assertThat(PruneGuard.holdReason(5, policy(10, 20, 5))).isEmpty();
        assertThat(PruneGuard.holdReason(5, policy(10, 20, 6))).contains("PrimaryShrunk");
    }

    @Test
    void growthIsNeverHeld() {
        assertThat(PruneGuard.holdReason(50, policy(0, 20, null))).isEmpty();
    }

    @Test
    void aTypeListedEmptyIsHeldWhateverItsBaselineUnlessTheTotalIsConfirmed() {
        assertThat(PruneGuard.typeHoldReason(0, 0, 10, false)).contains("PrimaryTypeEmpty");
        assertThat(PruneGuard.typeHoldReason(0, 40, 10, false)).contains("PrimaryTypeEmpty");
        assertThat(PruneGuard.typeHoldReason(0, 40, 10, true)).isEmpty();
    }

    @Test
    void aTypeShrinkIsJudgedAgainstItsOwnBaselineLikeTheTotal() {
        assertThat(PruneGuard.typeHoldReason(4, 30, 10, false)).contains("PrimaryTypeShrunk");
        assertThat(PruneGuard.typeHoldReason(15, 30, 10, false)).isEmpty(); // exactly half
        assertThat(PruneGuard.typeHoldReason(4, 12, 10, false)).isEmpty(); // the cap covers it
        assertThat(PruneGuard.typeHoldReason(1, 0, 10, false)).isEmpty(); // no baseline yet
        assertThat(PruneGuard.typeHoldReason(4, 30, 10, true)).isEmpty();
    }
}
