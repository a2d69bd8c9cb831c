package dev.regionguard.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverHistoryTest {

    private static FailoverRecord entry(String name, boolean automatic, Long epoch, String start) {
        FailoverRecord r = new FailoverRecord();
        r.name = name;
        r.automatic = automatic;
        r.epoch = epoch;
        r.startTime = start;
        r.phase = epoch == null ? FailoverPhase.Failed : FailoverPhase.Succeeded;
        return r;
    }

    @Test
    void keepsTheLastTenNewestFirst() {
        List<FailoverRecord> history = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            history = FailoverHistory.add(history, entry("rfo-" + i, false, (long) i, null));
        }

        assertThat(history).hasSize(FailoverHistory.MAX_ENTRIES);
        assertThat(history)
                .extracting(r -> r.name)
                .startsWith("rfo-12", "rfo-11")
                .endsWith("rfo-3");
    }

    @Test
    void drillsNeverPushOutTheFailovers() {
        List<FailoverRecord> history = new ArrayList<>();
        history = FailoverHistory.add(history, entry("failover-1", true, 1L, null));
        for (int i = 1; i <= 12; i++) {
            FailoverRecord drill = entry("drill-" + i, false, null, null);
            drill.type = FailoverType.Drill;
            history = FailoverHistory.add(history, drill);
        }

        assertThat(history).extracting(r -> r.name).containsExactly("drill-12", "drill-11", "drill-10", "failover-1");
    }

    @Test
    void addingTheSameFailoverTwiceChangesNothing() {
        List<FailoverRecord> once = FailoverHistory.add(null, entry("rfo-1", false, 1L, null));

        assertThat(FailoverHistory.add(once, entry("rfo-1", false, 1L, null))).hasSize(1);
    }

    @Test
    void theCooldownRunsFromTheLastAutomaticFailoverThatSwitched() {
        List<FailoverRecord> history = List.of(
                entry("manual", false, 4L, "2026-03-01T12:00:00Z"),
                entry("auto-failed", true, null, "2026-03-01T11:00:00Z"),
                entry("auto-2", true, 3L, "2026-03-01T10:00:00Z"),
                entry("auto-1", true, 2L, "2026-03-01T09:00:00Z"));

        assertThat(FailoverHistory.lastAutomaticFailover(history)).hasValue(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(FailoverHistory.lastAutomaticFailover(List.of())).isEmpty();
        assertThat(FailoverHistory.lastAutomaticFailover(null)).isEmpty();
    }
}
