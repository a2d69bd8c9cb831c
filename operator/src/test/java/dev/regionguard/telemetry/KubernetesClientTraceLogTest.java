package dev.regionguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.regionguard.api.Protections;
import dev.regionguard.embedded.EmbeddedKubernetes;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The image's logging configuration with everything raised to TRACE: the Kubernetes client must not
 * write a Secret's value into the log, whatever it reads or writes.
 */
class KubernetesClientTraceLogTest {
    private static final String API_KEY = "trace-test-key-0aBcD3fGhIjKlMnOpQrStUvWxYz";
    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restoreTheTestConfiguration() throws Exception {
        configure(getClass().getResource("/logback-test.xml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/logback.xml", "/logback-json.xml"}) // the operator's own, as in the image
    void atTraceTheClientLogsNoSecretValue(String configuration) throws Exception {
        configure(getClass().getResource(configuration));
        logging.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.TRACE);
        logging.getLogger("io.fabric8").setLevel(Level.TRACE);
        logging.getLogger("okhttp3").setLevel(Level.TRACE);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);

        try (EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES);
                KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(kubernetes.client().getConfiguration())
                        .build()) {
            Secret secret = new SecretBuilder()
                    .withNewMetadata()
                    .withName("ibmcloud-apikey")
                    .withNamespace("default")
                    .endMetadata()
                    .withStringData(Map.of("apikey", API_KEY))
                    .build();
            client.secrets().inNamespace("default").resource(secret).create();
            client.secrets().inNamespace("default").withName("ibmcloud-apikey").get();
            client.secrets().inNamespace("default").list();
        }

        List<String> lines = captured.list.stream()
                .filter(e -> !e.getLoggerName().startsWith("io.fabric8.mockwebserver")
                        && !e.getLoggerName()
                                .startsWith("io.fabric8.kubernetes.client.server.mock")) // the test's API server
                .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : e.getThrowableProxy().getMessage()))
                .toList();
        assertThat(lines)
                .as("the client did log at TRACE: the test can see a leak")
                .isNotEmpty();
        String encoded = Base64.getEncoder().encodeToString(API_KEY.getBytes(StandardCharsets.UTF_8));
        assertThat(lines).noneMatch(line -> line.contains(API_KEY) || line.contains(encoded));
    }

    private void configure(URL configuration) throws Exception {
        logging.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(configuration);
    }
}
