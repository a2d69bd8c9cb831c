package dev.regionguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.regionguard.api.SyncMode;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.controller.protection.SyncReporter;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The real wiring sets the MDC: a pass of the operator logs with its protection both on the reconciler
 * thread and on the sync pool ({@code regionguard-sync-*} threads, see RegionGuardOperator).
 *
 * <p>A clean pass logs nothing under {@code dev.regionguard} on the pool: the calls run there, but
 * their DEBUG lines (Upserts, ExtraDeletions) are written on the reconciler thread once the calls are
 * collected. What does log on the pool is IbmHttp when it retries a call, so the standby answers its
 * next calls with 429: its probe takes at most one of them (429 is inconclusive; a probe makes one more
 * attempt only after a failure), the rest reach calls of the pass, and none of its calls sees more
 * 429s than it has retries, so the pass still succeeds.
 */
class ProtectionLogContextOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SYNC_POOL = "regionguard-sync-";
    private static final int THROTTLED_CALLS = 3; // below HttpSettings.defaults().maxAttempts() (4)
    private static OperatorHarness harness;

    private final Logger regionguard = (Logger) LoggerFactory.getLogger("dev.regionguard");
    private final CapturedLogs captured = new CapturedLogs();
    private Level levelBefore;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void capture() {
        levelBefore = regionguard.getLevel();
        captured.start();
        regionguard.addAppender(captured);
        regionguard.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        regionguard.setLevel(levelBefore);
        regionguard.detachAppender(captured);
        captured.stop();
    }

    @Test
    void aPassLogsWithItsProtectionOnTheReconcilerThreadAndOnTheSyncPool() {
        EnFixture en = new EnFixture(harness, "logged", 20);
        en.material();
        harness.simulator().faults(EnFixture.STANDBY).throttle(THROTTLED_CALLS, Duration.ofSeconds(1));
        harness.apply(en.protection(SyncMode.Mirror, "1h"));
        String protection = "EventNotificationsProtection/" + OperatorHarness.NAMESPACE + "/" + en.name;

        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<ILoggingEvent> events = events();
            assertThat(events)
                    .filteredOn(e -> e.getLoggerName().equals(SyncReporter.class.getName()))
                    .filteredOn(e -> e.getLevel() == Level.INFO)
                    .filteredOn(e -> e.getFormattedMessage().startsWith("synced"))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.KEY, protection));
            List<ILoggingEvent> onPool = events.stream()
                    .filter(e -> e.getThreadName().startsWith(SYNC_POOL))
                    .toList();
            assertThat(onPool)
                    .as("lines logged on the sync pool")
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsKey(LogContext.KEY))
                    .anySatisfy(e -> {
                        assertThat(e.getLoggerName()).isEqualTo(IbmHttp.class.getName());
                        assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.KEY, protection);
                    });
        });
    }

    private List<ILoggingEvent> events() {
        synchronized (captured) { // appends hold the appender's lock
            return new ArrayList<>(captured.list);
        }
    }
}
