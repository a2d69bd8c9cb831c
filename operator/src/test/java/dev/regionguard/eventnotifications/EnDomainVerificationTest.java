package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.http.TestClock;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncPolicy;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom e-mail domains copied to a standby: IBM's verify calls with back-off, and
 * {@code DomainNotVerified} until the simulator's DNS has the domain's records.
 */
class EnDomainVerificationTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");

    private final EnPasses passes = new EnPasses();

    private final TestClock clock = TestClock.atEpochSecond(1_800_000_000L);
    private final DomainVerifyBackoff backoff = new DomainVerifyBackoff(clock);
    private final String domain = "mail-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    private final String relayDomain = "relay-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    private RecordingEnClient primary;
    private RecordingEnClient standby;

    @BeforeEach
    void instances() {
        primary = RecordingEnClient.onNewInstance(SIM.simulator(), "us-south");
        standby = RecordingEnClient.onNewInstance(SIM.simulator(), "eu-de");
        primary.add(
                EnKind.DESTINATION,
                "{'name':'mail','type':'smtp_custom','description':'',"
                        + "'collect_failed_events':false,'config':{'params':{'domain':'" + domain + "'}}}");
        primary.add(EnKind.DESTINATION, "{'name':'trial','type':'smtp_custom_sandbox','description':''}");
        primary.add(EnKind.SMTP_CONFIG, "{'name':'relay','description':'','domain':'" + relayDomain + "'}");
    }

    @AfterEach
    void stop() {
        passes.close();
    }

    private SyncOutcome.Target sync(SyncPolicy policy) {
        return passes.sync(new EnEntityStore(primary), new EnEntityStore(standby, SmtpPasswords.NONE, backoff), policy);
    }

    private List<String> verifyCalls() {
        return standby.writes().stream()
                .filter(c -> c.method().startsWith("verify"))
                .map(c -> c.kind() + " " + c.method())
                .toList();
    }

    private static List<String> notVerified(SyncOutcome.Target target) {
        return target.issues().stream()
                .filter(i -> i.reason().equals(EnDomainVerification.REASON))
                .map(i -> i.type() + " " + i.name())
                .toList();
    }

    @Test
    void verifiesWithBackOffAndReportsDomainNotVerifiedUntilIbmSaysVerified() {
        SyncOutcome.Target first = sync(EnPasses.MIRROR);

        assertThat(standby.byName(EnKind.DESTINATION, "trial").get("type").asText())
                .as("the sandbox destination is copied as it is")
                .isEqualTo("smtp_custom_sandbox");
        assertThat(notVerified(first)).containsExactlyInAnyOrder("destination smtp_custom/mail", "smtp_config relay");
        assertThat(first.issues().get(0).message()).contains("eu-de").doesNotContain("null");
        assertThat(verifyCalls())
                .containsExactlyInAnyOrder(
                        "DESTINATION verify dkim",
                        "DESTINATION verify spf",
                        "SMTP_CONFIG verify dkim,spf,en_authorization");

        standby.clearWrites();
        SyncOutcome.Target soon = sync(EnPasses.MIRROR);
        assertThat(notVerified(soon)).hasSize(2);
        assertThat(verifyCalls()).as("within the back-off: no verify call").isEmpty();

        SIM.simulator().outside().publishDnsRecords(domain);
        clock.advance(DomainVerifyBackoff.FIRST_DELAY);
        SyncOutcome.Target later = sync(EnPasses.MIRROR);
        assertThat(notVerified(later)).containsExactly("smtp_config relay");
        assertThat(verifyCalls()).hasSize(3);
        ObjectNode params = standby.byName(EnKind.DESTINATION, "mail")
                .path("config")
                .path("params")
                .deepCopy();
        assertThat(params.at("/dkim/verification").asText()).isEqualTo("VERIFIED");

        standby.clearWrites();
        clock.advance(DomainVerifyBackoff.FIRST_DELAY);
        assertThat(notVerified(sync(EnPasses.MIRROR)))
                .as("the relay's delay doubled: not due after one more minute")
                .containsExactly("smtp_config relay");
        assertThat(verifyCalls()).isEmpty();
        SIM.simulator().outside().publishDnsRecords(relayDomain);
        clock.advance(DomainVerifyBackoff.FIRST_DELAY);
        assertThat(notVerified(sync(EnPasses.MIRROR))).isEmpty();
        assertThat(verifyCalls()).containsExactly("SMTP_CONFIG verify dkim,spf,en_authorization");
    }

    @Test
    void theFollowUpOfAPassThatWroteNothingListsNothingMore() {
        sync(EnPasses.MIRROR); // creates the copies: that pass's follow-up lists the standby again to find them
        standby.clearWrites();
        passes.sync(new EnEntityStore(primary), new EnEntityStore(standby), EnPasses.MIRROR); // no follow-up
        List<EnKind> withoutFollowUp = standby.lists();
        standby.clearWrites();

        sync(EnPasses.MIRROR);

        assertThat(standby.writes())
                .filteredOn(c -> !c.method().startsWith("verify"))
                .isEmpty();
        assertThat(standby.lists())
                .as("the follow-up reads the pass's own lists of destinations and SMTP configurations")
                .containsExactlyInAnyOrderElementsOf(withoutFollowUp);
    }

    @Test
    void observeOnlyReportsButNeverCallsVerify() {
        sync(EnPasses.MIRROR);
        standby.clearWrites();
        SIM.simulator().outside().publishDnsRecords(domain);
        clock.advance(DomainVerifyBackoff.MAX_DELAY);

        assertThat(notVerified(sync(EnPasses.OBSERVE))).hasSize(2);
        assertThat(verifyCalls()).isEmpty();
    }
}
