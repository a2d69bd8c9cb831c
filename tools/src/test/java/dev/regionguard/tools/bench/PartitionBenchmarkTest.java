package dev.regionguard.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The partition model drives the operator's real health, quorum and failover decisions: the quorum
 * must ride out every single-vantage partition and still fail over in every real outage, while the
 * operator alone fails over on its own cut from the primary.
 */
class PartitionBenchmarkTest {

    @Test
    void theQuorumRidesOutSingleVantagePartitionsAndStillFailsOverInRealOutages() {
        Map<String, Object> figures = PartitionBenchmark.partitions(300, 7L);

        assertThat((long) figures.get("partitions")).as(figures::toString).isGreaterThan(50);
        assertThat((long) figures.get("operator_cut_from_primary"))
                .as(figures::toString)
                .isPositive();
        assertThat(figures.get("false_failovers")).as(figures::toString).isEqualTo(0L);
        assertThat(figures.get("outages_failed_over")).as(figures::toString).isEqualTo(10L);
        assertThat((long) figures.get("false_failovers_single_vantage"))
                .as("the operator alone takes its own cut from the primary for an outage: " + figures)
                .isPositive();
        assertThat(figures.get("outages_failed_over_single_vantage"))
                .as(figures::toString)
                .isEqualTo(10L);
    }
}
