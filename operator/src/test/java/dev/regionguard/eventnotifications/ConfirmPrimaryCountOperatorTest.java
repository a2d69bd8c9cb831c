package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.DeletionHold;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.api.SyncMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The owner's release of held deletions, through the operator: every subscription disappears from
 * the primary; the per-type guard holds their deletion on the standby, pass after pass, until the
 * owner annotates the protection with the count the status names.
 */
class ConfirmPrimaryCountOperatorTest {
    /** Passes run every second; 60 s leaves a wide margin on a loaded machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern CONFIRM =
            Pattern.compile(Pattern.quote(Protections.CONFIRM_PRIMARY_COUNT) + "=(\\d+)");
    private static OperatorHarness harness;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aHeldTypeIsReleasedByTheConfirmedCountAndNotWithoutIt() {
        EnFixture en = new EnFixture(harness, "release", 40);
        en.material();
        harness.apply(en.protection(SyncMode.Mirror, "1s"));
        harness.awaitStatus(en.name, TIMEOUT, s -> Conditions.isTrue(s.conditions, Conditions.READY));
        int subscriptions = en.standby.list(EnKind.SUBSCRIPTION).size();
        assertThat(subscriptions).isPositive();

        for (ObjectNode s : en.primary.list(EnKind.SUBSCRIPTION)) {
            en.primary.delete(EnKind.SUBSCRIPTION, s.get("id").asText());
        }

        ProtectionStatus held = harness.awaitStatus(en.name, TIMEOUT, s -> !holds(s).isEmpty());
        DeletionHold hold = holds(held).get(0);
        assertThat(hold.reason).isEqualTo("PrimaryTypeEmpty");
        assertThat(hold.count).isEqualTo(subscriptions);
        Condition ready = Conditions.find(held.conditions, Conditions.READY);
        assertThat(ready.isTrue()).isFalse();
        assertThat(ready.reason).isEqualTo("DeletionsHeld");
        assertThat(ready.message).contains("PrimaryTypeEmpty for " + hold.type);
        Matcher confirm = CONFIRM.matcher(ready.message);
        assertThat(confirm.find()).as(ready.message).isTrue();
        int count = Integer.parseInt(confirm.group(1));

        // Not released without the annotation: two more passes later the hold stands.
        Instant heldAt = Instant.parse(held.lastSyncTime);
        ProtectionStatus later = harness.awaitStatus(
                en.name, TIMEOUT, s -> Instant.parse(s.lastSyncTime).isAfter(heldAt.plusSeconds(1)));
        assertThat(holds(later)).extracting(h -> h.reason).containsExactly("PrimaryTypeEmpty");
        assertThat(later.primaryInventoryByType).containsEntry(hold.type, subscriptions);
        assertThat(en.standby.list(EnKind.SUBSCRIPTION)).hasSize(subscriptions);

        annotate(en.name, Protections.CONFIRM_PRIMARY_COUNT, String.valueOf(count));

        ProtectionStatus released = harness.awaitStatus(
                en.name, TIMEOUT, s -> holds(s).isEmpty() && Conditions.isTrue(s.conditions, Conditions.READY));
        assertThat(en.standby.list(EnKind.SUBSCRIPTION)).isEmpty();
        assertThat(released.primaryInventoryByType).containsEntry(hold.type, 0);
        assertThat(released.primaryInventory).isEqualTo(count);
    }

    private static java.util.List<DeletionHold> holds(ProtectionStatus s) {
        return s.standbys.isEmpty() ? java.util.List.of() : s.standbys.get(0).deletionHolds;
    }

    private static void annotate(String name, String key, String value) {
        harness.edit(EventNotificationsProtection.class, name, p -> {
            Map<String, String> annotations = p.getMetadata().getAnnotations() == null
                    ? new HashMap<>()
                    : new HashMap<>(p.getMetadata().getAnnotations());
            annotations.put(key, value);
            p.getMetadata().setAnnotations(annotations);
            return p;
        });
    }
}
