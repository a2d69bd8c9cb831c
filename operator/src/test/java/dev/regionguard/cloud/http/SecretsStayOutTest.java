package dev.regionguard.cloud.http;

import static dev.regionguard.cloud.http.FakeIbmCloud.TOKEN_PREFIX;
import static dev.regionguard.cloud.http.FakeIbmCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.IbmApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** API keys, tokens and request bodies must not reach exception texts or logs. */
class SecretsStayOutTest {
    private static final ApiKey KEY = new ApiKey("api-key-secret-0123456789");
    private static final String BODY_SECRET = "body-secret-routing-key";

    private final TestClock clock = TestClock.atEpochSecond(1_700_000_000L);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.regionguard");
    private Level previousLevel;
    private FakeIbmCloud cloud;

    @BeforeEach
    void start() throws IOException {
        cloud = new FakeIbmCloud(clock);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logs);
        logger.setLevel(previousLevel);
        cloud.close();
    }

    @Test
    void failuresOfEveryKindMentionNoSecret() throws IOException {
        IbmHttp http = cloud.ibmHttp(IbmHttpTest.FAST, CallObserver.NONE);
        String base = cloud.endpoints().eventNotifications("us-south");
        IbmRequest create = IbmRequest.post("us-south", base)
                .path("v1/instances")
                .id("inst")
                .path("destinations")
                .jsonBody(JsonNodeFactory.instance.objectNode().put("routing_key", BODY_SECRET))
                .build();
        IbmRequest read = IbmRequest.get("us-south", base)
                .path("v1/instances")
                .id("inst")
                .path("topics")
                .build();
        List<Throwable> failures = new ArrayList<>();

        cloud.enqueue(json(503, "{}"), json(403, "{\"errors\":[{\"message\":\"no access\"}]}"));
        failures.add(catchThrowableOfType(IbmApiException.class, () -> http.execute(KEY, read)));
        cloud.enqueue(json(500, "{\"errors\":[{\"message\":\"oops\"}]}"));
        failures.add(catchThrowableOfType(IbmApiException.class, () -> http.execute(KEY, create)));
        cloud.enqueue(json(401, "{}"), json(401, "{}"));
        failures.add(catchThrowableOfType(IbmApiException.class, () -> http.execute(KEY, create)));
        IbmRequest unreachable = IbmRequest.post("us-south", IamTokenServiceTest.deadUrl())
                .path("x")
                .jsonBody(JsonNodeFactory.instance.objectNode().put("routing_key", BODY_SECRET))
                .build();
        failures.add(catchThrowableOfType(IbmApiException.class, () -> http.execute(KEY, unreachable)));

        // A refused key, and a background refresh that fails (logged as a warning)
        IamTokenService tokens = cloud.tokenService(IbmHttp.newOkHttpClient(IbmHttpTest.FAST));
        tokens.bearerToken(KEY);
        cloud.answerIam(request -> json(400, "{\"errorMessage\":\"Provided API key could not be found.\"}"));
        clock.advance(Duration.ofMinutes(50));
        tokens.bearerToken(KEY);
        org.awaitility.Awaitility.await()
                .until(() ->
                        logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("refresh failed")));
        clock.advance(Duration.ofMinutes(10));
        failures.add(catchThrowableOfType(IbmApiException.class, () -> tokens.bearerToken(KEY)));

        assertThat(failures).doesNotContainNull().hasSize(5);
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertNoSecret(String.valueOf(t));
                if (t instanceof IbmApiException e) {
                    assertNoSecret(e.summary());
                }
            }
        }
        assertThat(logs.list)
                .as("retries were logged")
                .anyMatch(e -> e.getFormattedMessage().contains("follows in"));
        for (ILoggingEvent event : logs.list) {
            assertNoSecret(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertNoSecret(t.getMessage());
            }
        }
        assertNoSecret(http.toString() + create + tokens);
    }

    private static void assertNoSecret(String text) {
        if (text != null) {
            assertThat(text)
                    .doesNotContain(KEY.reveal())
                    .doesNotContain(TOKEN_PREFIX)
                    .doesNotContain(BODY_SECRET);
        }
    }
}
