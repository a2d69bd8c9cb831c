package dev.regionguard.codeengine;

import static dev.regionguard.codeengine.CeEntityStoreTest.FAST;
import static dev.regionguard.codeengine.CeEntityStoreTest.KEY;
import static dev.regionguard.codeengine.CeEntityStoreTest.POLL;
import static dev.regionguard.codeengine.CeEntityStoreTest.PRIMARY;
import static dev.regionguard.codeengine.CeEntityStoreTest.STANDBY;
import static dev.regionguard.codeengine.CeEntityStoreTest.WAITS;
import static dev.regionguard.codeengine.MiniSync.NO_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.FakeIbmCloud;
import dev.regionguard.cloud.http.TestClock;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Secret values travel in bodies only: never in logs, exception texts, comparables or toString. */
class CeSecretsStayOutTest {
    private static final String ROTATED = "rotated-password-value-9911";
    private static final List<String> SECRETS = List.of(
            CeFixtures.DB_PASSWORD,
            CeFixtures.REGISTRY_PASSWORD,
            CeFixtures.TLS_KEY,
            ROTATED,
            "server-made-credential",
            "system-made-password");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final FakeCodeEngine ce = new FakeCodeEngine();
    private final List<String> texts = new ArrayList<>();
    private Level previousLevel;
    /** logback-test.xml quiets the project's loggers; this test needs to see everything they say. */
    private final Logger project = (Logger) LoggerFactory.getLogger("dev.regionguard");

    private Level previousProjectLevel;
    private FakeIbmCloud cloud;
    private CeEntityStore primary;
    private CeEntityStore standby;
    private CodeEngineClient standbyClient;

    @BeforeEach
    void start() throws IOException {
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        previousProjectLevel = project.getLevel();
        project.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        cloud = new FakeIbmCloud(TestClock.atEpochSecond(1_700_000_000L));
        ce.addProject("eu-de", PRIMARY);
        ce.addProject("eu-gb", STANDBY);
        CodeEngineClients clients =
                new HttpCodeEngineClients(cloud.endpoints(), cloud.ibmHttp(FAST, CallObserver.NONE), POLL);
        primary = new CeEntityStore(clients.forProject("eu-de", PRIMARY, KEY), WAITS);
        standbyClient = clients.forProject("eu-gb", STANDBY, KEY);
        standby = new CeEntityStore(standbyClient, WAITS);
        CeFixtures.seedPrimary(ce, PRIMARY);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        root.setLevel(previousLevel);
        project.setLevel(previousProjectLevel);
        cloud.close();
    }

    @Test
    void secretValuesNeverLeaveTheirBodies() {
        List<EntityType> secretTypes = CeEntityTypes.select(StandbyMode.WARM, List.of("secret"));
        EntityType secrets = secretTypes.get(0);
        AtomicInteger failuresLeft = new AtomicInteger();
        cloud.answerApi(request -> {
            boolean write =
                    request.getMethod().equals("PUT") || request.getMethod().equals("POST");
            if (write && failuresLeft.getAndDecrement() > 0) {
                return failuresLeft.get() % 2 == 1
                        ? FakeCodeEngine.error(503, "service_unavailable", "try again")
                        : FakeCodeEngine.error(
                                400, "invalid_request", "data.password is not valid for format basic_auth");
            }
            return ce.answer(request);
        });

        // 1. Everything copied to a fresh standby
        MiniSync.pass(secretTypes, primary, standby);
        assertThat(ce.resource(STANDBY, CeKind.SECRET, "db-credentials")
                        .path("data")
                        .path("password")
                        .asText())
                .as("the value did travel, in the body")
                .isEqualTo(CeFixtures.DB_PASSWORD);

        // 2. Rotated on the primary while someone touched the standby: 412, read again, PUT again
        ce.change(
                ce.resource(PRIMARY, CeKind.SECRET, "db-credentials"),
                s -> ((ObjectNode) s.get("data")).put("password", ROTATED));
        ObjectNode current = standby.read(secrets, only(standby.list(secrets), "db-credentials"));
        ce.change(
                ce.resource(STANDBY, CeKind.SECRET, "db-credentials"),
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

        // 3. Writes that fail: a PUT with a 503 that is retried (and logged), then a 400; a POST with a 400
        ObjectNode fresh = standby.read(secrets, only(standby.list(secrets), "db-credentials"));
        ce.change(
                ce.resource(PRIMARY, CeKind.SECRET, "db-credentials"),
                s -> ((ObjectNode) s.get("data")).put("password", CeFixtures.DB_PASSWORD));
        Translation.Write again = (Translation.Write)
                secrets.translate(primary.read(secrets, only(primary.list(secrets), "db-credentials")), NO_CONTEXT);
        failuresLeft.set(2);
        collect(catchIbm(() -> standby.update(secrets, fresh, again.desired())));
        failuresLeft.set(1);
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
            for (String secret : SECRETS) {
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
