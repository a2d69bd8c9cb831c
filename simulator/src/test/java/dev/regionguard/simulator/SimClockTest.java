package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimClockTest {

    @Test
    void timestampsAreRfc3339WithMillisAndStrictlyIncreasingWithinOneMillisecond() {
        SimClock clock = new SimClock();
        List<String> stamps = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            stamps.add(clock.nextTimestamp());
        }

        assertThat(stamps).allMatch(s -> s.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertThat(stamps).doesNotHaveDuplicates().isSorted();
    }
}
