package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.simulator.Fault;
import dev.regionguard.simulator.FaultKind;
import dev.regionguard.testing.EnFixture;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * SMTP users reach the standby, and the password IBM returns only once reaches a Secret the
 * protection owns and nothing else: not status, not Events, not a log line. A user whose password
 * was lost on the way is reported, then replaced.
 */
class EnSmtpUserOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Loggers of the test's stand-ins for the cluster and IBM Cloud. */
    private static final List<String> NOT_THE_OPERATOR = List.of(
            "io.fabric8.kubernetes.client.server.mock",
            "io.fabric8.mockwebserver",
            "okhttp3.mockwebserver",
            "dev.regionguard.simulator",
            "dev.regionguard.embedded");

    private static OperatorHarness harness;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    /** logback-test.xml quiets the project's loggers; this test needs to see everything they say. */
    private final Logger project = (Logger) LoggerFactory.getLogger("dev.regionguard");

    private Level previousRootLevel;
    private Level previousProjectLevel;

    @BeforeAll
    static void start() {
        harness = OperatorHarness.start(EnFixture.PRIMARY, EnFixture.STANDBY);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void captureLogs() {
        previousRootLevel = root.getLevel();
        previousProjectLevel = project.getLevel();
        root.setLevel(Level.DEBUG);
        project.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
        root.setLevel(previousRootLevel);
        project.setLevel(previousProjectLevel);
        harness.simulator().faults(EnFixture.STANDBY).clear();
    }

    @Test
    void theStandbyGetsTheUserAndOnlyAnOwnedSecretGetsItsPassword() {
        EnFixture en = new EnFixture(harness, "smtp-users", 30);
        en.material();
        harness.apply(en.protection(SyncMode.Mirror, "1h"));

        ProtectionStatus status =
                harness.awaitStatus(en.name, TIMEOUT, s -> inSync(s) && standby(s).smtpUserSecrets != null);

        JsonNode primaryUser = onlyUser(EnFixture.PRIMARY, en.primaryId);
        JsonNode standbyUser = onlyUser(EnFixture.STANDBY, en.standbyId);
        assertThat(standbyUser.get("description")).isEqualTo(primaryUser.get("description"));
        assertThat(standbyUser.get("username")).isNotEqualTo(primaryUser.get("username"));

        assertThat(standby(status).smtpUserSecrets).hasSize(1);
        Secret secret = secret(standby(status).smtpUserSecrets.get(0));
        assertThat(secret.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "regionguard");
        EventNotificationsProtection owner = harness.get(en.name);
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getUid()).isEqualTo(owner.getMetadata().getUid());
            assertThat(ref.getKind()).isEqualTo("EventNotificationsProtection");
        });
        String password = standbyUser.get("password").asText();
        assertThat(value(secret, "password")).isEqualTo(password);
        assertThat(value(secret, "username"))
                .isEqualTo(standbyUser.get("username").asText());

        assertNowhereButTheSecret(
                en, List.of(password, primaryUser.get("password").asText()));
    }

    @Test
    void aUserWhosePasswordWasLostIsReportedThenReplaced() {
        EnFixture en = new EnFixture(harness, "smtp-lost", 30);
        en.material();
        // The standby creates the user, and the answer with its password never arrives.
        harness.simulator()
                .faults(EnFixture.STANDBY)
                .inject(Fault.of(FaultKind.LOST_504)
                        .method("POST")
                        .path("/v1/instances/*/smtp/config/*/users")
                        .times(1));
        harness.apply(en.protection(SyncMode.Mirror, "1h"));

        ProtectionStatus reported = harness.awaitStatus(
                en.name,
                TIMEOUT,
                s -> s.standbys != null
                        && !s.standbys.isEmpty()
                        && standby(s).unsyncedEntities.stream().anyMatch(u -> u.type.equals("smtp_user")));
        assertThat(standby(reported).inSync).isFalse();
        assertThat(standby(reported).unsyncedEntities)
                .filteredOn(u -> u.type.equals("smtp_user"))
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.reason).isNotBlank();
                    assertThat(u.name).startsWith(onlyConfigName(en)).contains("/");
                });
        String lostPassword =
                onlyUser(EnFixture.STANDBY, en.standbyId).get("password").asText();

        // The next pass replaces the user nobody knows the password of, and keeps the new one.
        harness.apply(en.protection(SyncMode.Mirror, "1s"));
        ProtectionStatus synced =
                harness.awaitStatus(en.name, TIMEOUT, s -> inSync(s) && standby(s).smtpUserSecrets != null);

        JsonNode standbyUser = onlyUser(EnFixture.STANDBY, en.standbyId);
        assertThat(standbyUser.get("password").asText()).isNotEqualTo(lostPassword);
        assertThat(value(secret(standby(synced).smtpUserSecrets.get(0)), "password"))
                .isEqualTo(standbyUser.get("password").asText());
        assertNowhereButTheSecret(en, List.of(standbyUser.get("password").asText(), lostPassword));
    }

    /**
     * The whole status as JSON, every Event, every log line of the operator's process. The embedded
     * Kubernetes API and the simulated IBM Cloud are left out: they stand for the cluster and IBM,
     * which hold the Secret and the user by design.
     */
    private void assertNowhereButTheSecret(EnFixture en, List<String> passwords) {
        List<String> texts = new ArrayList<>();
        texts.add(Serialization.asJson(harness.get(en.name).getStatus()));
        harness.events(en.name).forEach(e -> texts.add(e.getReason() + " " + e.getMessage()));
        List<ILoggingEvent> operatorLogs = logs.list.stream()
                .filter(e -> NOT_THE_OPERATOR.stream().noneMatch(e.getLoggerName()::startsWith))
                .toList();
        for (ILoggingEvent event : operatorLogs) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getMessage());
            }
        }
        assertThat(operatorLogs)
                .as("the capture saw the operator at work")
                .anyMatch(e -> e.getLoggerName().startsWith("dev.regionguard."));
        for (String password : passwords) {
            assertThat(texts).noneMatch(t -> t != null && t.contains(password));
        }
    }

    private static boolean inSync(ProtectionStatus s) {
        return s.standbys != null && !s.standbys.isEmpty() && Boolean.TRUE.equals(standby(s).inSync);
    }

    private static StandbyStatus standby(ProtectionStatus s) {
        return s.standbys.get(0);
    }

    /** The one SMTP user of an instance, password included (the simulator's snapshot keeps it). */
    private static JsonNode onlyUser(String region, String instanceId) {
        JsonNode configs = harness.simulator()
                .eventNotificationsSnapshot(region, instanceId)
                .get("smtp_configurations");
        assertThat(configs).hasSize(1);
        assertThat(configs.get(0).get("users")).hasSize(1);
        return configs.get(0).get("users").get(0);
    }

    private static String onlyConfigName(EnFixture en) {
        return harness.simulator()
                .eventNotificationsSnapshot(EnFixture.PRIMARY, en.primaryId)
                .get("smtp_configurations")
                .get(0)
                .get("name")
                .asText();
    }

    private static Secret secret(String name) {
        Secret secret = harness.client()
                .secrets()
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName(name)
                .get();
        assertThat(secret).as(name).isNotNull();
        return secret;
    }

    private static String value(Secret secret, String key) {
        if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
            return secret.getStringData().get(key);
        }
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
