package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A custom e-mail domain copied to the standby, through the real operator: once its DNS records
 * exist IBM's verify calls make it VERIFIED on the standby, and later passes leave it so (a verify
 * call changes the destination's updated_at; that must not start a write on every pass).
 */
class EnDomainVerificationOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
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
    void aPublishedDomainIsVerifiedOnTheStandbyAndStaysSoWithoutWrites() {
        EnFixture en = new EnFixture(harness, "mail-domain", 10);
        en.material();
        String domain = "mail.verify-" + Long.toHexString(System.nanoTime()) + ".example.com";
        harness.simulator().outside().publishDnsRecords(domain);
        ObjectNode mail = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("name", "receipts")
                .put("type", "smtp_custom")
                .put("description", "")
                .put("collect_failed_events", false);
        mail.putObject("config").putObject("params").put("domain", domain);
        en.primary.create(EnKind.DESTINATION, mail, List.of());
        harness.apply(en.protection(SyncMode.Mirror, "1s"));

        harness.awaitStatus(en.name, TIMEOUT, s -> inSync(s) && "VERIFIED".equals(dkim(en)));
        assertThat(standbyParams(en).path("spf").path("verification").asText()).isEqualTo("VERIFIED");

        String lastSync = harness.get(en.name).getStatus().standbys.get(0).lastSuccessfulSyncTime;
        harness.simulator().resetStats();
        ProtectionStatus later = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> inSync(s)
                        && s.standbys.get(0).lastSuccessfulSyncTime != null
                        && s.standbys.get(0).lastSuccessfulSyncTime.compareTo(lastSync) > 0
                        && harness.simulator()
                                        .eventNotificationsStats(EnFixture.STANDBY)
                                        .listCalls()
                                > 10);
        assertThat(later.standbys.get(0).unsyncedEntities).isEmpty();
        assertThat(harness.simulator()
                        .eventNotificationsStats(EnFixture.STANDBY)
                        .writes())
                .as("writes to the standby in passes after the domain was verified")
                .isZero();
        assertThat(dkim(en)).isEqualTo("VERIFIED");
    }

    /**
     * The primary's sandbox destination is upgraded to a custom domain: the standby's copy is upgraded too,
     * with IBM's upgrade call, keeping its id (and so its subscriptions), and then verified.
     */
    @Test
    void aSandboxThePrimaryUpgradedIsUpgradedInPlaceOnTheStandby() {
        EnFixture en = new EnFixture(harness, "mail-upgrade", 4);
        en.material();
        ObjectNode sandbox = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("name", "alerts")
                .put("type", "smtp_custom_sandbox")
                .put("description", "")
                .put("collect_failed_events", false);
        String primaryId = en.primary
                .create(EnKind.DESTINATION, sandbox, List.of())
                .path("id")
                .asText();
        harness.apply(en.protection(SyncMode.Mirror, "1s"));
        harness.awaitStatus(en.name, TIMEOUT, s -> inSync(s) && standbyAlerts(en) != null);
        String standbyId = standbyAlerts(en).path("id").asText();
        assertThat(standbyAlerts(en).path("type").asText()).isEqualTo("smtp_custom_sandbox");

        String domain = "mail.upgrade-" + Long.toHexString(System.nanoTime()) + ".example.com";
        harness.simulator().outside().publishDnsRecords(domain);
        en.primary.upgradeSandboxDestination(primaryId, domain);

        harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> inSync(s)
                        && "smtp_custom".equals(standbyAlerts(en).path("type").asText()));
        ObjectNode upgraded = standbyAlerts(en);
        assertThat(upgraded.path("id").asText()).as("upgraded in place").isEqualTo(standbyId);
        JsonNode params =
                en.standby.get(EnKind.DESTINATION, standbyId).path("config").path("params");
        assertThat(params.path("domain").asText()).isEqualTo(domain);
        // both records, so that this protection writes nothing more while the other test counts writes
        harness.awaitStatus(
                en.name, TIMEOUT, s -> inSync(s) && verified(en, standbyId, "dkim") && verified(en, standbyId, "spf"));
    }

    private static boolean verified(EnFixture en, String destinationId, String record) {
        return "VERIFIED"
                .equals(en.standby
                        .get(EnKind.DESTINATION, destinationId)
                        .path("config")
                        .path("params")
                        .path(record)
                        .path("verification")
                        .asText());
    }

    private static ObjectNode standbyAlerts(EnFixture en) {
        return en.standby.list(EnKind.DESTINATION).stream()
                .filter(d -> "alerts".equals(d.path("name").asText()))
                .findFirst()
                .orElse(null);
    }

    private static boolean inSync(ProtectionStatus s) {
        return s.standbys != null && !s.standbys.isEmpty() && Boolean.TRUE.equals(s.standbys.get(0).inSync);
    }

    private static String dkim(EnFixture en) {
        return standbyParams(en).path("dkim").path("verification").asText();
    }

    private static JsonNode standbyParams(EnFixture en) {
        ObjectNode item = en.standby.list(EnKind.DESTINATION).stream()
                .filter(d -> "receipts".equals(d.path("name").asText()))
                .findFirst()
                .orElseThrow();
        return en.standby
                .get(EnKind.DESTINATION, item.path("id").asText())
                .path("config")
                .path("params");
    }
}
