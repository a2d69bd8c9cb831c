package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.simulator.Fault;
import dev.regionguard.simulator.FaultKind;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's table of poisoned primary reads, one test per row, through the operator: the primary
 * answers a list wrongly on every pass (the simulator's injected faults), the standby keeps every
 * entity the primary still has, and the status says what was held and why. One protection serves
 * every row; after each the fault is removed and the protection is Ready again.
 */
class EnPoisonedReadOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** More sources than one page holds (the client asks for 100), so that paging faults bite. */
    private static final int PAGED_SOURCES = 130;
    /** Passes (interval 1 s) that must run under the fault before the standby is checked. */
    private static final int POISONED_PASSES = 3;

    private static final List<EnKind> KINDS =
            List.of(EnKind.SOURCE, EnKind.DESTINATION, EnKind.TEMPLATE, EnKind.TOPIC, EnKind.SUBSCRIPTION);

    private static OperatorHarness harness;
    private static EnFixture en;

    @BeforeAll
    static void converged() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
        en = new EnFixture(harness, "poisoned", 40);
        en.material();
        for (int i = 0; i < PAGED_SOURCES; i++) {
            en.primary.create(
                    EnKind.SOURCE,
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("name", String.format("paged-source-%03d", i))
                            .put("description", "one of many")
                            .put("enabled", true),
                    List.of());
        }
        harness.apply(en.protection(SyncMode.Mirror, "1s"));
        awaitReadyAndEqual();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @AfterEach
    void heal() {
        harness.simulator().faults(EnFixture.PRIMARY).clearInjected();
        awaitReadyAndEqual();
    }

    @Test
    void aFailingSubscriptionsListDeletesNothing() {
        Map<EnKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.LOST_504, "subscriptions");

        StandbyStatus held = awaitPoisonedPasses();

        assertHeldAsIncomplete(held, EnEntityTypes.SUBSCRIPTION, "504");
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void anEmptySubscriptionsListDeletesNothing() {
        Map<EnKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.EMPTY_LIST, "subscriptions");

        StandbyStatus held = awaitStatus(s -> s.pendingDeletions.stream()
                .anyMatch(p -> EnEntityTypes.SUBSCRIPTION.equals(p.type) && "PrimaryTypeEmpty".equals(p.reason)));

        assertThat(held.counts.deleted).isZero();
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void aTopicsListWithoutItsCollectionDeletesNothing() {
        Map<EnKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.BARE_LIST, "topics");

        StandbyStatus held = awaitPoisonedPasses();

        assertHeldAsIncomplete(held, EnEntityTypes.TOPIC, "list page without topics");
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void aFirstPageWithoutItsNextLinkDeletesNothing() {
        Map<EnKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.MISSING_NEXT, "sources");

        StandbyStatus held = awaitPoisonedPasses();

        assertHeldAsIncomplete(held, EnEntityTypes.SOURCE, "list ends after 100 of total_count");
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void aPageCutTo60Of100DeletesNothing() {
        Map<EnKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.TRUNCATED_PAGE, "sources");

        StandbyStatus held = awaitPoisonedPasses();

        assertHeldAsIncomplete(held, EnEntityTypes.SOURCE, "holds 60 of 100 items");
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void anEntityDeletedOnPage1WhilePage2IsReadDeletesNothing() {
        Map<EnKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.SHIFTED_PAGE, "sources");

        StandbyStatus held = awaitPoisonedPasses();

        assertHeldAsIncomplete(held, EnEntityTypes.SOURCE, "total_count changed between pages");
        assertThat(standbyNames()).isEqualTo(before);
    }

    /** Every GET of the primary instance's collection answers as {@code kind} says. */
    private static void poison(FaultKind kind, String collection) {
        harness.simulator()
                .faults(EnFixture.PRIMARY)
                .inject(Fault.of(kind).method("GET").path("/v1/instances/" + en.primaryId + "/" + collection));
    }

    /** The standby's status once {@link #POISONED_PASSES} passes ran with the primary's list failing. */
    private static StandbyStatus awaitPoisonedPasses() {
        Set<String> passes = new HashSet<>();
        return awaitStatus(s -> {
            boolean failing = s.unsyncedEntities.stream().anyMatch(u -> "PrimaryReadFailed".equals(u.reason));
            if (failing) {
                passes.add(s.lastSyncTime);
            }
            return passes.size() >= POISONED_PASSES;
        });
    }

    private static StandbyStatus awaitStatus(java.util.function.Predicate<StandbyStatus> condition) {
        return harness.awaitStatus(en.name, TIMEOUT, s -> !s.standbys.isEmpty() && condition.test(s.standbys.get(0)))
                .standbys
                .get(0);
    }

    /** Held as an incomplete primary list, saying which list and why, and nothing deleted in the pass. */
    private static void assertHeldAsIncomplete(StandbyStatus held, String type, String why) {
        assertThat(held.inSync).isFalse();
        assertThat(held.counts.deleted).isZero();
        assertThat(held.message).isEqualTo("deletions held back: PrimaryListIncomplete");
        assertThat(held.unsyncedEntities).anySatisfy(u -> {
            assertThat(u.type).isEqualTo(type);
            assertThat(u.reason).isEqualTo("PrimaryReadFailed");
            assertThat(u.message).contains(why);
        });
        ProtectionStatus status = harness.get(en.name).getStatus();
        assertThat(Conditions.isTrue(status.conditions, Conditions.READY)).isFalse();
        assertThat(Conditions.find(status.conditions, Conditions.STANDBYS_IN_SYNC).status)
                .isEqualTo("False");
    }

    /** The standby's names per collection; read from the standby only, whose answers are never poisoned. */
    private static Map<EnKind, TreeSet<String>> standbyNames() {
        Map<EnKind, TreeSet<String>> names = new TreeMap<>();
        KINDS.forEach(kind -> names.put(kind, EnFixture.names(en.standby, kind)));
        return names;
    }

    private static void awaitReadyAndEqual() {
        harness.awaitStatus(en.name, TIMEOUT, s -> Conditions.isTrue(s.conditions, Conditions.READY));
        await().atMost(TIMEOUT).until(en::standbyMatchesPrimary);
    }
}
