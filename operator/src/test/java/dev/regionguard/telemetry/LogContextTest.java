package dev.regionguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The protection a line is about reaches text and JSON logs through the MDC, pool threads included. */
class LogContextTest {
    private static final String PROTECTION = "EventNotificationsProtection/default/orders";
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.regionguard.test.LogContextTest");
    private final CapturedLogs captured = new CapturedLogs();
    private final ExecutorService pool = LogContext.propagating(Executors.newSingleThreadExecutor());

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterEach
    void release() throws InterruptedException {
        logger.detachAppender(captured);
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        MDC.clear();
    }

    @Test
    void aScopeSetsTheProtectionAndRestoresWhatWasThere() {
        MDC.put(LogContext.KEY, "outer");
        try (LogContext.Scope ignored = LogContext.of("EventNotificationsProtection", "default", "orders")) {
            logger.info("inside");
        }
        logger.info("after");

        assertThat(captured.list.get(0).getMDCPropertyMap()).containsEntry(LogContext.KEY, PROTECTION);
        assertThat(captured.list.get(1).getMDCPropertyMap()).containsEntry(LogContext.KEY, "outer");
    }

    @Test
    void poolThreadsLogWithTheSubmittersProtectionAndForgetItAfterwards() throws Exception {
        try (LogContext.Scope ignored = LogContext.of("EventNotificationsProtection", "default", "orders")) {
            pool.submit(() -> logger.info("from the pool")).get(5, TimeUnit.SECONDS);
        }
        pool.submit(() -> logger.info("later, for nobody")).get(5, TimeUnit.SECONDS);

        assertThat(captured.list.get(0).getMDCPropertyMap()).containsEntry(LogContext.KEY, PROTECTION);
        assertThat(captured.list.get(1).getMDCPropertyMap()).doesNotContainKey(LogContext.KEY);
    }

    @Test
    void theShippedTextAndJsonFormatsBothPrintTheProtection() throws Exception {
        try (LogContext.Scope ignored = LogContext.of("EventNotificationsProtection", "default", "orders")) {
            logger.info("synced us-east");
        }
        ILoggingEvent event = captured.list.get(0);

        String text = encodeWithShipped("/logback.xml", event);
        String json = encodeWithShipped("/logback-json.xml", event);

        assertThat(text).contains("[" + PROTECTION + "] - synced us-east");
        JsonNode line = new ObjectMapper().readTree(json);
        assertThat(line.path("mdc").path(LogContext.KEY).asText()).isEqualTo(PROTECTION);
        assertThat(line.path("message").asText()).isEqualTo("synced us-east");
    }

    /** Configures a context of its own from a shipped file and encodes the event as its STDOUT appender would. */
    @SuppressWarnings("unchecked")
    private static String encodeWithShipped(String resource, ILoggingEvent event) throws Exception {
        URL url = LogContextTest.class.getResource(resource);
        assertThat(url).as(resource).isNotNull();
        LoggerContext context = new LoggerContext();
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(url);
            assertThat(new StatusUtil(context).isErrorFree(0))
                    .as(resource + " configures without errors")
                    .isTrue();
            Appender<ILoggingEvent> appender =
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
            assertThat(appender).as(resource + " STDOUT").isInstanceOf(OutputStreamAppender.class);
            Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) appender).getEncoder();
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            context.stop();
        }
    }
}
