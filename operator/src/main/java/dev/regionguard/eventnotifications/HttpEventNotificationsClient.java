package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.cloud.http.IbmRequest;
import java.util.List;
import java.util.Objects;

/**
 * The Event Notifications admin API (v1) of one instance over {@link IbmHttp}. Paths are
 * {@code <base>/v1/instances/{instance}/<kind.path()>}; bodies pass through unchanged, except that
 * destinations go as multipart/form-data.
 */
public final class HttpEventNotificationsClient implements EventNotificationsClient {
    private final IbmHttp http;
    private final String baseUrl;
    private final String region;
    private final String instanceId;
    private final ApiKey apiKey;
    private final EnListPages pages;

    /** @param baseUrl the region's EN base URL, e.g. {@code Endpoints.eventNotifications(region)} */
    public HttpEventNotificationsClient(IbmHttp http, String baseUrl, String region, String instanceId, ApiKey apiKey) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.region = Objects.requireNonNull(region, "region");
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException("instance ID is empty");
        }
        this.instanceId = instanceId;
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.pages = new EnListPages(http, baseUrl, region, apiKey);
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public List<ObjectNode> list(EnKind kind) {
        requireTopLevel(kind);
        return pages.listAll(start -> collection(start, kind), kind.listKey());
    }

    @Override
    public ObjectNode get(EnKind kind, String id) {
        requireTopLevel(kind);
        return call(collection(IbmRequest.get(region, baseUrl), kind).id(id));
    }

    @Override
    public ObjectNode create(EnKind kind, ObjectNode body, List<FilePart> files) {
        requireTopLevel(kind);
        IbmRequest.Builder request = collection(IbmRequest.post(region, baseUrl), kind);
        return call(withBody(request, kind, body, files, true));
    }

    @Override
    public ObjectNode update(EnKind kind, String id, ObjectNode body, List<FilePart> files) {
        requireTopLevel(kind);
        IbmRequest.Builder start = kind.updateMethod() == EnKind.UpdateMethod.PUT
                ? IbmRequest.put(region, baseUrl)
                : IbmRequest.patch(region, baseUrl);
        return call(withBody(collection(start, kind).id(id), kind, body, files, false));
    }

    @Override
    public void delete(EnKind kind, String id) {
        requireTopLevel(kind);
        if (!kind.deletable()) {
            throw new IllegalArgumentException(kind + " has no DELETE endpoint");
        }
        http.execute(
                apiKey,
                collection(IbmRequest.delete(region, baseUrl), kind)
                        .id(id)
                        .expectStatus(204)
                        .build());
    }

    @Override
    public List<ObjectNode> listSmtpUsers(String smtpConfigId) {
        return pages.listAll(start -> smtpUsers(start, smtpConfigId), EnKind.SMTP_USER.listKey());
    }

    @Override
    public ObjectNode getSmtpUser(String smtpConfigId, String userId) {
        return call(smtpUsers(IbmRequest.get(region, baseUrl), smtpConfigId).id(userId));
    }

    @Override
    public ObjectNode createSmtpUser(String smtpConfigId, ObjectNode body) {
        return call(smtpUsers(IbmRequest.post(region, baseUrl), smtpConfigId).jsonBody(body));
    }

    @Override
    public ObjectNode updateSmtpUser(String smtpConfigId, String userId, ObjectNode body) {
        return call(smtpUsers(IbmRequest.patch(region, baseUrl), smtpConfigId)
                .id(userId)
                .jsonBody(body));
    }

    @Override
    public void deleteSmtpUser(String smtpConfigId, String userId) {
        http.execute(
                apiKey,
                smtpUsers(IbmRequest.delete(region, baseUrl), smtpConfigId)
                        .id(userId)
                        .expectStatus(204)
                        .build());
    }

    @Override
    public List<ObjectNode> listTagSubscriptions(String destinationId) {
        return pages.listAll(start -> tagSubscriptions(start, destinationId), EnKind.TAG_SUBSCRIPTION.listKey());
    }

    @Override
    public ObjectNode findTagSubscription(String destinationId, String deviceId, String tagName) {
        List<ObjectNode> found = pages.listAll(
                start -> tagSubscriptions(start, destinationId)
                        .query("device_id", deviceId)
                        .query("tag_name", tagName),
                EnKind.TAG_SUBSCRIPTION.listKey());
        return found.stream()
                .filter(t -> deviceId.equals(EnJson.text(t, "device_id")) && tagName.equals(EnJson.text(t, "tag_name")))
                .findFirst()
                .orElse(null);
    }

    @Override
    public ObjectNode createTagSubscription(String destinationId, ObjectNode body) {
        return call(tagSubscriptions(IbmRequest.post(region, baseUrl), destinationId)
                .jsonBody(body));
    }

    @Override
    public void deleteTagSubscription(String destinationId, String deviceId, String tagName) {
        http.execute(
                apiKey,
                tagSubscriptions(IbmRequest.delete(region, baseUrl), destinationId)
                        .query("device_id", deviceId)
                        .query("tag_name", tagName)
                        .expectStatus(204)
                        .build());
    }

    @Override
    public ObjectNode verifyDomain(EnKind kind, String id, String type) {
        if (kind != EnKind.DESTINATION && kind != EnKind.SMTP_CONFIG) {
            throw new IllegalArgumentException(kind + " has no domain to verify");
        }
        return call(collection(IbmRequest.patch(region, baseUrl), kind)
                .id(id)
                .path("verify")
                .query("type", type));
    }

    @Override
    public ObjectNode upgradeSandboxDestination(String destinationId, String domain) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("domain", domain);
        return call(collection(IbmRequest.patch(region, baseUrl), EnKind.DESTINATION)
                .id(destinationId)
                .path("upgrade")
                .jsonBody(body));
    }

    @Override
    public ObjectNode testDestination(String destinationId) {
        // sends a real test event: repeating it after an ambiguous failure would send a second one
        return call(collection(IbmRequest.post(region, baseUrl), EnKind.DESTINATION)
                .id(destinationId)
                .path("test")
                .idempotent(false)
                .expectStatus(200, 202));
    }

    @Override
    public int probe() {
        IbmRequest request = collection(IbmRequest.get(region, baseUrl), EnKind.SOURCE)
                .query("limit", "1")
                .build();
        JsonNode total = http.execute(apiKey, request).bodyObject().get("total_count");
        if (total == null || !total.canConvertToInt()) {
            throw pages.unexpected("source list without total_count");
        }
        return total.intValue();
    }

    @Override
    public String toString() {
        return "HttpEventNotificationsClient(" + region + ", " + instanceId + ")";
    }

    private IbmRequest.Builder instance(IbmRequest.Builder start) {
        return start.path("v1/instances").id(instanceId);
    }

    private IbmRequest.Builder collection(IbmRequest.Builder start, EnKind kind) {
        return instance(start).path(kind.path());
    }

    private IbmRequest.Builder smtpUsers(IbmRequest.Builder start, String smtpConfigId) {
        return collection(start, EnKind.SMTP_CONFIG).id(smtpConfigId).path(EnKind.SMTP_USER.path());
    }

    private IbmRequest.Builder tagSubscriptions(IbmRequest.Builder start, String destinationId) {
        return collection(start, EnKind.DESTINATION).id(destinationId).path(EnKind.TAG_SUBSCRIPTION.path());
    }

    private ObjectNode call(IbmRequest.Builder request) {
        return http.execute(apiKey, request.build()).bodyObject();
    }

    private static IbmRequest.Builder withBody(
            IbmRequest.Builder request, EnKind kind, ObjectNode body, List<FilePart> files, boolean forCreate) {
        Objects.requireNonNull(body, "body");
        List<FilePart> parts = files == null ? List.of() : files;
        if (kind.multipart()) {
            return request.multipartBody(DestinationForm.of(body, parts, forCreate));
        }
        if (!parts.isEmpty()) {
            throw new IllegalArgumentException(kind + " takes no files");
        }
        return request.jsonBody(body);
    }

    private static void requireTopLevel(EnKind kind) {
        if (kind.nested()) {
            throw new IllegalArgumentException(kind + " lives under another entity: use its own methods");
        }
    }
}
