package dev.regionguard.telemetry;

import dev.regionguard.api.Timestamps;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits core/v1 Events for people: Normal or Warning, CamelCase reasons. Callers emit on
 * transitions only, so a steady state makes no Events; the same Event for the same object within
 * {@link #REPEAT_WINDOW} is dropped (a reconcile that saw a cached, older status would repeat it).
 * A failure to record is logged, never thrown: Events are for humans and must not break a reconcile.
 */
public class EventRecorder {
    public static final String COMPONENT = "regionguard";
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    static final Duration REPEAT_WINDOW = Duration.ofMinutes(5);

    private final KubernetesClient client;
    private final Clock clock;
    private final Map<String, Instant> lastEmitted = new ConcurrentHashMap<>();

    public EventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public void normal(HasMetadata about, String reason, String message) {
        emit(about, "Normal", reason, message);
    }

    public void warning(HasMetadata about, String reason, String message) {
        emit(about, "Warning", reason, message);
    }

    private void emit(HasMetadata about, String type, String reason, String message) {
        Instant instant = clock.instant();
        String key = about.getMetadata().getUid() + '|' + type + '|' + reason + '|' + message;
        Instant previous = lastEmitted.put(key, instant);
        if (previous != null && previous.plus(REPEAT_WINDOW).isAfter(instant)) {
            return;
        }
        lastEmitted.values().removeIf(t -> t.plus(REPEAT_WINDOW).isBefore(instant));
        String now = Timestamps.format(instant);
        String namespace = about.getMetadata().getNamespace();
        Event event = new EventBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(about.getMetadata().getName() + "."
                        + UUID.randomUUID().toString().substring(0, 8))
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(about.getApiVersion())
                .withKind(about.getKind())
                .withName(about.getMetadata().getName())
                .withNamespace(namespace)
                .withUid(about.getMetadata().getUid())
                .withResourceVersion(about.getMetadata().getResourceVersion())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(truncate(message))
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource()
                .withComponent(COMPONENT)
                .endSource()
                .withReportingComponent(COMPONENT)
                .build();
        try {
            client.v1().events().inNamespace(namespace).resource(event).create();
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not record Event {} on {} {}/{}: {}",
                    reason,
                    about.getKind(),
                    namespace,
                    about.getMetadata().getName(),
                    e.getMessage());
        }
    }

    private static String truncate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }
}
