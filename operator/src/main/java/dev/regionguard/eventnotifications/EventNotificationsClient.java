package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.cloud.IbmApiException;
import java.util.List;

/**
 * The Event Notifications admin API of one instance. Bodies are IBM's JSON (snake_case) as they
 * come and go on the wire: the sync works on the configuration IBM returns, field for field, and
 * keeps fields this project does not know about.
 * Every method throws {@link IbmApiException} when IBM Cloud answers with an error or not at all.
 */
public interface EventNotificationsClient {

    String region();

    String instanceId();

    /** Every item of a collection, all pages read to the end; throws if any page fails. */
    List<ObjectNode> list(EnKind kind);

    ObjectNode get(EnKind kind, String id);

    /** POST; destinations go as multipart with {@code files} as extra parts. Returns the response body. */
    ObjectNode create(EnKind kind, ObjectNode body, List<FilePart> files);

    /** PUT or PATCH as the kind requires; destinations as multipart. Returns the response body. */
    ObjectNode update(EnKind kind, String id, ObjectNode body, List<FilePart> files);

    void delete(EnKind kind, String id);

    List<ObjectNode> listSmtpUsers(String smtpConfigId);

    ObjectNode getSmtpUser(String smtpConfigId, String userId);

    /** POST; IBM's answer is the only one that carries the user's {@code password}. */
    ObjectNode createSmtpUser(String smtpConfigId, ObjectNode body);

    ObjectNode updateSmtpUser(String smtpConfigId, String userId, ObjectNode body);

    void deleteSmtpUser(String smtpConfigId, String userId);

    /** The tag subscriptions of a push destination, all pages read to the end. */
    List<ObjectNode> listTagSubscriptions(String destinationId);

    /** The destination's subscription of this device to this tag, or null (a list filtered by both). */
    ObjectNode findTagSubscription(String destinationId, String deviceId, String tagName);

    /** POST {@code {device_id, tag_name}}; IBM refuses a device not registered with the destination. */
    ObjectNode createTagSubscription(String destinationId, ObjectNode body);

    /** DELETE with the query {@code device_id} and {@code tag_name}: IBM gives tag subscriptions no path of their own. */
    void deleteTagSubscription(String destinationId, String deviceId, String tagName);

    /**
     * IBM's domain check: PATCH {@code destinations/{id}/verify} (answers {@code {type, verification}})
     * or {@code smtp/config/{id}/verify} (answers {@code {status: [{type, verification}]}}) with the
     * query {@code type}, e.g. {@code spf} or {@code dkim,spf,en_authorization}.
     */
    ObjectNode verifyDomain(EnKind kind, String id, String type);

    /**
     * IBM's upgrade of an {@code smtp_custom_sandbox} destination to {@code smtp_custom} with a domain:
     * PATCH {@code destinations/{id}/upgrade} with {@code {"domain"}}; the destination keeps its id.
     */
    ObjectNode upgradeSandboxDestination(String destinationId, String domain);

    /**
     * IBM's test of a destination: it sends a test event through the destination and answers
     * {@code {"status": "success"}} (webhook: {@code "accepted"} with a notification_id) or
     * {@code {"status": "failed", "response_code", "response_message"}} with what the end point said.
     */
    ObjectNode testDestination(String destinationId);

    /** The cheapest read that proves the instance answers: one page of one source. Returns total_count. */
    int probe();
}
