package dev.regionguard.codeengine;

import static dev.regionguard.codeengine.CeFixtures.PRIMARY;
import static dev.regionguard.codeengine.CeFixtures.STANDBY;
import static dev.regionguard.codeengine.CeFixtures.STANDBY_REGION;
import static dev.regionguard.codeengine.MiniSync.NO_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.spec.EntitySelection;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Secret values travel in bodies only: never in logs, exception texts, comparables or toString. */
class CeSecretsStayOutTest {
    private static final String ROTATED = "rotated-password-value-9911";

    @RegisterExtension
    final SimulatorFixture sim = SimulatorFixture.regions(CeFixtures.PRIMARY_REGION, STANDBY_REGION);

    private final List<String> secretValues = new ArrayList<>(List.of(
            CeFixtures.DB_PASSWORD, CeFixtures.REGISTRY_PASSWORD, CeFixtures.TLS_KEY, CeFixtures.HMAC_SECRET, ROTATED));

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private CeFixtures ce;
    private final List<String> texts = new ArrayList<>();
    private Level previousLevel;
    /** logback-test.xml quiets the project's loggers; this test needs to see everything they say. */
    private final Logger project = (Logger) LoggerFactory.getLogger("dev.regionguard");

    private Level previousProjectLevel;
    private CeEntityStore primary;
    private CeEntityStore standby;
    private CodeEngineClient standbyClient;

    @BeforeEach
    void start() {
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        previousProjectLevel = project.getLevel();
        project.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        ce = new CeFixtures(sim.simulator());
        primary = ce.store(PRIMARY);
        standbyClient = ce.client(STANDBY);
        standby = new CeEntityStore(standbyClient, CeFixtures.WAITS);
        ce.seedPrimary();
        // made by Code Engine: the system secret of the primary's project
        secretValues.add(ce.resource(PRIMARY, CeKind.SECRET, "ce-auto-icr-private-eu-de")
                .path("data")
                .path("password")
                .asText());
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        root.setLevel(previousLevel);
        project.setLevel(previousProjectLevel);
    }

    @Test
    void secretValuesNeverLeaveTheirBodies() {
        List<EntityType> secretTypes =
                EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of("secret"));
        EntityType secrets = secretTypes.get(0);

        // 1. Everything copied to a fresh standby
        MiniSync.pass(secretTypes, primary, standby);
        assertThat(ce.resource(STANDBY, CeKind.SECRET, "db-credentials")
                        .path("data")
                        .path("password")
                        .asText())
                .as("the value did travel, in the body")
                .isEqualTo(CeFixtures.DB_PASSWORD);

        // 2. Rotated on the primary while someone touched the standby: 412, read again, PUT again
        ce.change(PRIMARY, CeKind.SECRET, "db-credentials", s -> ((ObjectNode) s.get("data")).put("password", ROTATED));
        ObjectNode current = standby.read(secrets, only(standby.list(secrets), "db-credentials"));
        ce.change(
                STANDBY,
                CeKind.SECRET,
                "db-credentials",
                s -> ((ObjectNode) s.get("data")).put("user", "changed-by-hand"));
        Translation.Write write = (Translation.Write)
                secrets.translate(primary.read(secrets, only(primary.list(secrets), "db-credentials")), NO_CONTEXT);
        standby.update(secrets, current, write.desired());
        assertThat(ce.resource(STANDBY, CeKind.SECRET, "db-credentials")
                        .path("data")
                        .path("password")
                        .asText())
                .isEqualTo(ROTATED);
        assertThat(logs.list)
                .as("the retry after 412 was logged")
                .anyMatch(e -> e.getFormattedMessage().contains("changed since it was read"));

        // 3. Writes that fail: a PUT while the region is unavailable, retried (and logged); a POST of a name taken
        ObjectNode fresh = standby.read(secrets, only(standby.list(secrets), "db-credentials"));
        ce.change(
                PRIMARY,
                CeKind.SECRET,
                "db-credentials",
                s -> ((ObjectNode) s.get("data")).put("password", CeFixtures.DB_PASSWORD));
        Translation.Write again = (Translation.Write)
                secrets.translate(primary.read(secrets, only(primary.list(secrets), "db-credentials")), NO_CONTEXT);
        sim.simulator().faults(STANDBY_REGION).down(DownMode.UNAVAILABLE);
        collect(catchIbm(() -> standby.update(secrets, fresh, again.desired())));
        sim.simulator().faults(STANDBY_REGION).up();
        collect(catchIbm(() -> standby.create(secrets, again.desired())));
        assertThat(logs.list)
                .as("retries were logged")
                .anyMatch(e -> e.getFormattedMessage().contains("follows in"));

        // 4. Everything that describes secrets to people
        texts.add(again.desired().comparable().toString());
        texts.add(secrets.comparable(fresh, NO_CONTEXT).toString());
        texts.add(secrets.toString() + standby + primary + standbyClient);
        texts.add(secrets.translate(ce.resource(PRIMARY, CeKind.SECRET, "ce-auto-icr-private-eu-de"), NO_CONTEXT)
                .toString());
        for (ILoggingEvent event : logs.list) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getMessage());
            }
        }
        assertThat(texts).hasSizeGreaterThan(5).allSatisfy(text -> {
            for (String secret : secretValues) {
                assertThat(text).doesNotContain(secret);
            }
        });
    }

    private void collect(IbmApiException failure) {
        assertThat(failure).isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t));
            texts.add(t.getMessage());
            if (t instanceof IbmApiException e) {
                texts.add(e.summary());
            }
        }
    }

    private static IbmApiException catchIbm(Runnable call) {
        try {
            call.run();
            return null;
        } catch (IbmApiException e) {
            return e;
        }
    }

    private static ObjectNode only(List<ObjectNode> items, String name) {
        return items.stream()
                .filter(i -> name.equals(i.path("name").asText()))
                .findFirst()
                .orElseThrow();
    }
}
