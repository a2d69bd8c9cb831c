package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ActiveRegionDecisionTest {
    private static final Map<String, String> SIDES = Map.of("us-south", "inst-a", "eu-de", "inst-b");
    /** A protection that knows nothing: spec.primary us-south at epoch 0. */
    private static final RegionTopology FRESH =
            new RegionTopology("us-south", List.of("eu-de"), "us-south", 0, Set.of());

    private static ActiveRegionRecord ledger(String active, long epoch, Set<String> fenced, Set<String> pending) {
        return new ActiveRegionRecord(
                active, epoch, new TreeSet<>(fenced), new TreeSet<>(pending), new TreeMap<>(SIDES));
    }

    private static ActiveRegionDecision decide(ActiveRegionRecord ledger, RegionTopology topology, String decided) {
        return ActiveRegionDecision.decide(ledger, topology, SIDES, Set.of(), decided);
    }

    @Test
    void theFirstPassRecordsTheTopology() {
        var proceed = (ActiveRegionDecision.Proceed) decide(null, FRESH, null);
        assertThat(proceed.topology()).isEqualTo(FRESH);
        assertThat(proceed.record()).isEqualTo(ledger("us-south", 0, Set.of(), Set.of()));
    }

    @Test
    void aNewCommitIsRecordedWithTheFenceItCouldNotApplyPending() {
        RegionTopology after = FRESH.afterFailover("eu-de");
        var proceed = (ActiveRegionDecision.Proceed) decide(ledger("us-south", 0, Set.of(), Set.of()), after, null);
        assertThat(proceed.topology()).isEqualTo(after);
        assertThat(proceed.record()).isEqualTo(ledger("eu-de", 1, Set.of("us-south"), Set.of("us-south")));
    }

    @Test
    void aFenceTheFailoverAppliedIsNotPending() {
        RegionTopology after = FRESH.afterFailover("eu-de");
        var proceed = (ActiveRegionDecision.Proceed) ActiveRegionDecision.decide(
                ledger("us-south", 0, Set.of(), Set.of()), after, SIDES, Set.of("us-south"), null);
        assertThat(proceed.record().pendingFences()).isEmpty();
    }

    @Test
    void aNewerLedgerNamingTheSameActiveRegionIsAdopted() {
        // relocated to eu-de and back: the re-created protection agrees on us-south but not on the epoch
        var proceed = (ActiveRegionDecision.Proceed) decide(ledger("us-south", 2, Set.of(), Set.of()), FRESH, null);
        assertThat(proceed.topology().activeRegion()).isEqualTo("us-south");
        assertThat(proceed.topology().epoch()).isEqualTo(2);
    }

    @Test
    void aNewerLedgerKeepsItsFencesAndPendingFences() {
        RegionTopology specSaysEuDe = new RegionTopology("eu-de", List.of("us-south"), "eu-de", 0, Set.of());
        var proceed = (ActiveRegionDecision.Proceed)
                decide(ledger("eu-de", 1, Set.of("us-south"), Set.of("us-south")), specSaysEuDe, null);
        assertThat(proceed.topology().fencedRegions()).containsExactly("us-south");
        assertThat(proceed.topology().syncTargets()).isEmpty();
        assertThat(proceed.record().pendingFences()).containsExactly("us-south");
    }

    @Test
    void aLedgerNamingAnotherActiveRegionHoldsAndNamesBoth() {
        var decision = decide(ledger("eu-de", 3, Set.of("us-south"), Set.of()), FRESH, null);
        assertThat(decision).isInstanceOf(ActiveRegionDecision.Conflict.class);
        assertThat(((ActiveRegionDecision.Conflict) decision).message())
                .contains("eu-de is active at epoch 3")
                .contains("us-south at epoch 0")
                .contains("regionguard.dev/active-region=REGION@3");
    }

    @Test
    void twoActiveRegionsAtOneEpochConflict() {
        RegionTopology other = new RegionTopology("us-south", List.of("eu-de"), "us-south", 1, Set.of());
        assertThat(decide(ledger("eu-de", 1, Set.of(), Set.of()), other, null))
                .isInstanceOf(ActiveRegionDecision.Conflict.class);
    }

    @Test
    void anotherInstanceInARegionConflicts() {
        ActiveRegionRecord foreign = new ActiveRegionRecord(
                "us-south", 0, new TreeSet<>(), new TreeSet<>(), new TreeMap<>(Map.of("us-south", "inst-old")));
        var decision = decide(foreign, FRESH, null);
        assertThat(decision).isInstanceOf(ActiveRegionDecision.Conflict.class);
        assertThat(((ActiveRegionDecision.Conflict) decision).message())
                .contains("inst-old")
                .contains("inst-a");
    }

    @Test
    void theDecisionAtTheLedgersEpochMakesItsRegionActiveAtTheNextEpoch() {
        var keep = (ActiveRegionDecision.Proceed)
                decide(ledger("eu-de", 3, Set.of("us-south"), Set.of()), FRESH, "eu-de@3");
        assertThat(keep.record()).isEqualTo(ledger("eu-de", 4, Set.of("us-south"), Set.of()));
        assertThat(keep.topology().activeRegion()).isEqualTo("eu-de");

        var override = (ActiveRegionDecision.Proceed)
                decide(ledger("eu-de", 3, Set.of("us-south"), Set.of("us-south")), FRESH, "us-south@3");
        assertThat(override.record()).isEqualTo(ledger("us-south", 4, Set.of(), Set.of()));
        assertThat(override.topology().syncTargets()).containsExactly("eu-de");
    }

    @Test
    void anAppliedDecisionKeepsHoldingUntilTheStatusShowsIt() {
        var proceed = (ActiveRegionDecision.Proceed)
                decide(ledger("eu-de", 4, Set.of("us-south"), Set.of()), FRESH, "eu-de@3");
        assertThat(proceed.record().epoch()).isEqualTo(4);
        assertThat(proceed.topology().activeRegion()).isEqualTo("eu-de");
    }

    @Test
    void aStaleOrUnreadableDecisionDoesNotWin() {
        ActiveRegionRecord atFive = ledger("eu-de", 5, Set.of("us-south"), Set.of());
        assertThat(decide(atFive, FRESH, "us-south@3")).isInstanceOf(ActiveRegionDecision.Conflict.class);
        assertThat(decide(atFive, FRESH, "us-south")).isInstanceOf(ActiveRegionDecision.Conflict.class);
        assertThat(decide(atFive, FRESH, "ap-north@5")).isInstanceOf(ActiveRegionDecision.Conflict.class);
        assertThat(((ActiveRegionDecision.Conflict) decide(atFive, FRESH, "us-south@3")).message())
                .contains("stale");
    }
}
