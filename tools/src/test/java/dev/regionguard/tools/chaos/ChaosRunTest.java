package dev.regionguard.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Seeded chaos rounds against the real engine: faults really happen, and nothing is lost or duplicated. */
class ChaosRunTest {
    private static final int ROUNDS = 20;

    @Test
    void eventNotificationsSurviveFaultyRounds() {
        ChaosResult result = new ChaosRun("en", 200, 0.2, 42).run(0, ROUNDS);
        assertClean(result);
    }

    @Test
    void codeEngineSurvivesFaultyRounds() {
        ChaosResult result = new ChaosRun("ce", 40, 0.2, 42).run(0, ROUNDS);
        assertClean(result);
    }

    private static void assertClean(ChaosResult result) {
        assertThat(result.faults()).as(result.line()).isPositive();
        assertThat(result.failures()).as(result.line()).isEmpty();
        assertThat(result.wrongDeletions()).isZero();
        assertThat(result.duplicates()).isZero();
        assertThat(result.notConverged()).isZero();
    }
}
