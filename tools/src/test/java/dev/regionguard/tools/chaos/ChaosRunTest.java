package dev.regionguard.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded chaos rounds against the real engine, one run per service shared by the assertions:
 * faults really happen (500s before processing, lost answers after it, poisoned lists), no key is
 * duplicated on the standby, no standby entity is lost while the primary has it, and every round
 * converges once the faults stop.
 */
class ChaosRunTest {
    private static final int ROUNDS = 20;
    private static final long SEED = 42;

    private static ChaosResult en;
    private static ChaosResult ce;

    @BeforeAll
    static void runBothServices() {
        en = new ChaosRun("en", 200, 0.2, SEED).run(0, ROUNDS);
        ce = new ChaosRun("ce", 40, 0.2, SEED).run(0, ROUNDS);
    }

    @Test
    void faultsAndLostAnswersAreInjectedOnBothServices() {
        for (ChaosResult result : List.of(en, ce)) {
            assertThat(result.faults()).as(result.line()).isPositive();
            assertThat(result.lostAnswers()).as(result.line()).isPositive();
        }
    }

    @Test
    void noKeyIsDuplicatedOnTheStandby() {
        assertThat(en.duplicates()).as(report(en)).isZero();
        assertThat(ce.duplicates()).as(report(ce)).isZero();
    }

    @Test
    void noStandbyEntityIsLostWhileThePrimaryHasIt() {
        assertThat(en.wrongDeletions()).as(report(en)).isZero();
        assertThat(ce.wrongDeletions()).as(report(ce)).isZero();
    }

    @Test
    void everyRoundConvergesOnceTheFaultsStop() {
        assertThat(en.notConverged()).as(report(en)).isZero();
        assertThat(ce.notConverged()).as(report(ce)).isZero();
    }

    @Test
    void aFailingRoundPrintsItsReplayCommand() {
        String text = ChaosReplay.describe("en", 7, 3, 200, 0.2, List.of("topic delete t"), List.of("lost topic t"));
        assertThat(text)
                .contains("--seed 7 --start-round 3 --rounds 1")
                .contains("step: topic delete t")
                .contains("problem: lost topic t");
    }

    private static String report(ChaosResult result) {
        return result.line() + "\n" + String.join("", result.failures());
    }
}
