package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverStep;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.StepDuration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StepEstimatesTest {

    private static FailoverRecord relocation(long finalSyncSeconds) {
        FailoverRecord record = new FailoverRecord();
        record.type = FailoverType.Relocate;
        record.phase = FailoverPhase.Succeeded;
        record.steps = List.of(new StepDuration(FailoverStep.FinalSync, finalSyncSeconds, null));
        return record;
    }

    @Test
    void aRelocationIsEstimatedFromTheNewestFiveRelocationsOnly() {
        // newest first: 4, 30, 5, 6, 3 are the last five; the 600 s relocation before them no longer counts
        List<FailoverRecord> history = LongStream.of(4, 30, 5, 6, 3, 600)
                .mapToObj(StepEstimatesTest::relocation)
                .toList();

        List<StepDuration> expected = StepEstimates.expected(FailoverType.Relocate, history, "us-south");

        assertThat(expected)
                .extracting(d -> d.step)
                .containsExactlyElementsOf(StepRecording.sequence(FailoverType.Relocate));
        StepDuration finalSync = expected.get(1);
        assertThat(finalSync.seconds).isEqualTo(5L);
        assertThat(finalSync.basis).isEqualTo("median of the last 5 recorded Relocates");
        assertThat(StepEstimates.describe(expected))
                .isEqualTo("about 5s (FinalSync 5s); no evidence yet for Validating, Fencing, Promoting,"
                        + " Redirecting, Verifying");
    }

    @Test
    void failoversToTheSameRegionAreTheEvidenceWhenThereAreAny() {
        FailoverRecord toEast = relocation(4);
        toEast.toRegion = "us-east";
        FailoverRecord toFrankfurt = relocation(40);
        toFrankfurt.toRegion = "eu-de";
        List<FailoverRecord> history = List.of(toFrankfurt, toEast);

        StepDuration east = StepEstimates.expected(FailoverType.Relocate, history, "us-east")
                .get(1);
        StepDuration elsewhere =
                StepEstimates.expected(FailoverType.Relocate, history, "jp-tok").get(1);

        assertThat(east.seconds).isEqualTo(4L);
        assertThat(east.basis).isEqualTo("the last recorded Relocate to us-east");
        assertThat(elsewhere.seconds).as("none went to jp-tok: every region's").isEqualTo(22L);
        assertThat(elsewhere.basis).isEqualTo("median of the last 2 recorded Relocates");
    }

    @Test
    void entriesWithoutStepsAreNoEvidence() {
        FailoverRecord older = relocation(4);
        older.steps = null; // recorded before steps were kept
        List<StepDuration> expected = StepEstimates.expected(FailoverType.Relocate, List.of(older), "us-south");

        assertThat(expected).allSatisfy(d -> assertThat(d.seconds).isNull());
    }

    @Test
    void withoutAnyEvidenceTheEstimateSaysSo() {
        List<StepDuration> expected = StepEstimates.expected(FailoverType.Plan, List.of(relocation(4)), "us-east");

        assertThat(expected).allSatisfy(d -> assertThat(d.seconds).isNull());
        assertThat(StepEstimates.describe(expected)).isEqualTo("no evidence yet for any step");
    }
}
