package dev.regionguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The protection a line is about reaches text and JSON logs through the MDC, pool threads included. */
class LogContextTest {
    private static final String PROTECTION = "EventNotificationsProtection/default/orders";
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.regionguard.test.LogContextTest");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
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
    void theShippedTextAndJsonFormatsBothPrintTheProtection() throws IOException {
        try (LogContext.Scope ignored = LogContext.of("EventNotificationsProtection", "default", "orders")) {
            logger.info("synced us-east");
        }
        ILoggingEvent event = captured.list.get(0);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(shippedPattern("/logback.xml"));
        text.start();
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.start();

        assertThat(new String(text.encode(event), StandardCharsets.UTF_8))
                .contains("[" + PROTECTION + "] - synced us-east");
        assertThat(new ObjectMapper()
                        .readTree(json.encode(event))
                        .path("mdc")
                        .path(LogContext.KEY)
                        .asText())
                .isEqualTo(PROTECTION);
    }

    private static String shippedPattern(String resource) throws IOException {
        try (InputStream in = LogContextTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Matcher m = Pattern.compile("<pattern>(.*)</pattern>")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }
}
