package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * {@code POST /destinations/{id}/test}, IBM's Go SDK {@code TestDestination} (no request body): EN
 * sends a test event to the destination. Types that answer at once give 200 {@code {"status":"success"}};
 * a webhook is tested asynchronously, 202 {@code {"status":"accepted","notification_id":"<uuid>"}}.
 * Other types (e-mail, SMS, push, event_streams, ...) cannot be tested: 400.
 *
 * <p>When the destination's end point refuses the test ({@link OutsideWorld#failDestinationTests}), a
 * synchronous type answers 200 {@code {"status":"failed","response_code":N,"response_message":".."}}: the
 * test result fields of IBM's docs (Status, Response Code, Response Message; the JSON names are
 * unverified). A webhook still answers 202, as its result is not part of this answer.
 */
final class DestinationTests {

    static final String ACTION = "test";
    static final Set<String> TESTABLE_TYPES =
            Set.of("slack", "pagerduty", "servicenow", "msteams", "ibmce", "ibmcf", "ibmcos", "webhook");
    private static final Set<String> ASYNCHRONOUS_TYPES = Set.of("webhook");

    /** What a destination's end point answers to a test event. */
    record Failure(int responseCode, String responseMessage) {}

    private DestinationTests() {}

    static Reply handle(EnInstance instance, String destinationId) {
        return instance.locked(() -> {
            ObjectNode stored = instance.destinations.require(destinationId);
            String type = DestinationKind.type(stored);
            if (!TESTABLE_TYPES.contains(type)) {
                throw ApiException.badRequest("The destination type " + type + " does not support a test");
            }
            ObjectNode answer = Json.object();
            if (ASYNCHRONOUS_TYPES.contains(type)) {
                answer.put("status", "accepted");
                answer.put("notification_id", EnInstance.newId());
                return new Reply(202, answer);
            }
            Failure failure = instance.failingTests.get(destinationId);
            if (failure == null) {
                answer.put("status", "success");
            } else {
                answer.put("status", "failed");
                answer.put("response_code", failure.responseCode());
                answer.put("response_message", failure.responseMessage());
            }
            return new Reply(200, answer);
        });
    }

    /** {@code destination} is an id or a name; a null {@code failure} lets tests succeed again. */
    static void setFailure(EnInstance instance, String destination, Failure failure) {
        instance.locked(() -> {
            ObjectNode stored = instance.destinations.get(destination);
            if (stored == null) {
                stored = instance.destinations
                        .findByName(destination)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "No destination '" + destination + "' in instance " + instance.id()));
            }
            String id = stored.get("id").textValue();
            if (failure == null) {
                instance.failingTests.remove(id);
            } else {
                instance.failingTests.put(id, failure);
            }
            return null;
        });
    }
}
