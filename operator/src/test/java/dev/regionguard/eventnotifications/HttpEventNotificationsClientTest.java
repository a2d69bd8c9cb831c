package dev.regionguard.eventnotifications;

import static dev.regionguard.cloud.http.FakeIbmCloud.empty;
import static dev.regionguard.cloud.http.FakeIbmCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.FakeIbmCloud;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpEventNotificationsClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiKey KEY = new ApiKey("api-key-for-tests-0123");
    private static final String INSTANCE = "7d6a8f5e-0f1a-4c3b-9a6e-5f4e3d2c1b0a";
    private static final String PREFIX = "/us-south/event-notifications/v1/instances/" + INSTANCE;
    private static final HttpSettings FAST = HttpSettings.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));

    private final List<String> routes = new CopyOnWriteArrayList<>();
    private FakeIbmCloud cloud;
    private HttpEventNotificationsClients clients;
    private EventNotificationsClient client;

    @BeforeEach
    void start() throws IOException {
        cloud = new FakeIbmCloud(TestClock.atEpochSecond(1_700_000_000L));
        CallObserver observer = (region, method, route, status, elapsed) -> routes.add(method + " " + route);
        clients = new HttpEventNotificationsClients(cloud.endpoints(), cloud.ibmHttp(FAST, observer));
        client = clients.forInstance("us-south", INSTANCE, KEY);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void listReadsEveryPageFollowingNextLinks() throws Exception {
        cloud.answerApi(request -> switch (request.getUrl().queryParameter("offset")) {
            case "0" -> json(200, page("sources", 5, 0, "s1", "s2") + next(100));
            case "100" -> json(200, page("sources", 5, 100, "s3", "s4") + next(200));
            case "200" -> json(200, page("sources", 5, 200, "s5") + "}");
            default -> json(400, "{}");
        });

        List<ObjectNode> sources = client.list(EnKind.SOURCE);

        assertThat(sources).extracting(s -> s.path("id").asText()).containsExactly("s1", "s2", "s3", "s4", "s5");
        List<String> offsets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = cloud.takeApiRequest();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/sources");
            assertThat(request.getUrl().queryParameter("limit")).isEqualTo("100");
            offsets.add(request.getUrl().queryParameter("offset"));
        }
        assertThat(offsets).containsExactly("0", "100", "200");
        assertThat(routes).containsOnly("GET /v1/instances/{id}/sources");
    }

    @Test
    void aFailingPageFailsTheWholeList() {
        cloud.answerApi(request -> "0".equals(request.getUrl().queryParameter("offset"))
                ? json(200, page("topics", 3, 0, "t1", "t2") + next(2))
                : json(400, "{\"errors\":[{\"code\":\"bad_request\",\"message\":\"offset out of range\"}]}"));

        assertThatThrownBy(() -> client.list(EnKind.TOPIC)).isInstanceOfSatisfying(IbmApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("offset out of range");
        });
        assertThat(cloud.apiRequestCount()).isEqualTo(2);
    }

    @Test
    void listTakesItemsFromTheKindsListKey() throws Exception {
        cloud.enqueue(json(200, "{\"total_count\":1,\"smtp_configurations\":[{\"id\":\"c1\"}]}"));

        assertThat(client.list(EnKind.SMTP_CONFIG))
                .extracting(c -> c.path("id").asText())
                .containsExactly("c1");
        assertThat(cloud.takeApiRequest().getUrl().encodedPath()).isEqualTo(PREFIX + "/smtp/config");
    }

    @Test
    void listRefusesPagesItCannotTrust() {
        cloud.enqueue(json(200, "{\"total_count\":0}"));
        assertUnexpected(() -> client.list(EnKind.TEMPLATE));

        cloud.enqueue(json(200, "{\"total_count\":4}"));
        assertUnexpected(() -> client.list(EnKind.TEMPLATE));

        cloud.enqueue(json(200, page("templates", 4, 0, "a") + ",\"next\":{\"href\":\"https://h/p?limit=1\"}}"));
        assertUnexpected(() -> client.list(EnKind.TEMPLATE));

        cloud.enqueue(json(200, page("templates", 4, 0, "a") + next(0)));
        assertUnexpected(() -> client.list(EnKind.TEMPLATE));
    }

    @Test
    void createsADestinationAsMultipartForm() throws Exception {
        cloud.enqueue(json(201, "{\"id\":\"d1\",\"name\":\"ops-hook\"}"));
        ObjectNode destination = (ObjectNode) JSON.readTree("{\"id\":\"old-id\",\"name\":\"ops-hook\","
                + "\"type\":\"webhook\",\"description\":\"pager\",\"collect_failed_events\":true,"
                + "\"updated_at\":\"2026-01-01T00:00:00Z\",\"config\":{\"params\":{\"url\":\"https://hooks.example\","
                + "\"verb\":\"post\",\"custom_headers\":{\"authorization\":\"s3cr3t\"},"
                + "\"sensitive_headers\":[\"authorization\"]}}}");
        byte[] certificate = {1, 2, 3, (byte) 0xff};

        ObjectNode created = client.create(
                EnKind.DESTINATION,
                destination,
                List.of(new FilePart("certificate", "cert.p12", "application/x-pkcs12", certificate)));

        assertThat(created.path("id").asText()).isEqualTo("d1");
        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/destinations");
        List<Part> parts = parts(request);
        assertThat(parts)
                .extracting(Part::name)
                .containsExactly("name", "type", "description", "collect_failed_events", "config", "certificate");
        assertThat(parts.get(0).text()).isEqualTo("ops-hook");
        assertThat(parts.get(1).text()).isEqualTo("webhook");
        assertThat(parts.get(2).text()).isEqualTo("pager");
        assertThat(parts.get(3).text()).isEqualTo("true");
        assertThat(parts.get(4).contentType()).startsWith("application/json");
        assertThat(JSON.readTree(parts.get(4).text())).isEqualTo(destination.get("config"));
        assertThat(parts.get(5).disposition()).contains("filename=\"cert.p12\"");
        assertThat(parts.get(5).contentType()).isEqualTo("application/x-pkcs12");
        assertThat(parts.get(5).bytes()).isEqualTo(certificate);
    }

    @Test
    void updatesADestinationWithPatchAndWithoutItsImmutableType() throws Exception {
        cloud.enqueue(json(200, "{\"id\":\"d1\"}"));
        ObjectNode destination = (ObjectNode) JSON.readTree("{\"name\":\"ops-hook\",\"type\":\"webhook\","
                + "\"collect_failed_events\":false,\"config\":{\"params\":{\"url\":\"https://hooks.example\"}}}");

        client.update(EnKind.DESTINATION, "d1", destination, List.of());

        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/destinations/d1");
        List<Part> parts = parts(request);
        assertThat(parts).extracting(Part::name).containsExactly("name", "collect_failed_events", "config");
        assertThat(parts.get(1).text()).isEqualTo("false");
    }

    @ParameterizedTest
    @EnumSource(
            value = EnKind.class,
            names = {"DESTINATION", "SMTP_USER", "TAG_SUBSCRIPTION"},
            mode = EnumSource.Mode.EXCLUDE)
    void updatesJsonKindsWithTheirMethod(EnKind kind) throws Exception {
        cloud.enqueue(json(200, "{\"id\":\"x1\"}"));
        ObjectNode body = JSON.createObjectNode().put("name", "n").put("description", "d");

        client.update(kind, "x1", body, List.of());

        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod()).isEqualTo(kind.updateMethod().name());
        assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/" + kind.path() + "/x1");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(body);
    }

    @Test
    void topicsAreReplacedWithPutAndSourcesPatched() throws Exception {
        cloud.enqueue(json(200, "{}"), json(200, "{}"));
        client.update(EnKind.TOPIC, "t1", JSON.createObjectNode(), null);
        client.update(EnKind.SOURCE, "s1", JSON.createObjectNode(), null);
        assertThat(cloud.takeApiRequest().getMethod()).isEqualTo("PUT");
        assertThat(cloud.takeApiRequest().getMethod()).isEqualTo("PATCH");
    }

    @Test
    void createsJsonKindsWithPostAndTheBodyAsItIs() throws Exception {
        cloud.enqueue(json(201, "{\"id\":\"t9\",\"name\":\"alerts\"}"));
        ObjectNode topic = (ObjectNode) JSON.readTree("{\"name\":\"alerts\",\"sources\":[{\"id\":\"s1\","
                + "\"rules\":[{\"enabled\":true,\"event_type_filter\":\"$.*\"}]}],\"future_field\":1}");

        assertThat(client.create(EnKind.TOPIC, topic, List.of()).path("id").asText())
                .isEqualTo("t9");

        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/topics");
        assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(topic);
        assertThatThrownBy(() -> client.create(
                        EnKind.TOPIC, topic, List.of(new FilePart("icon_16x16", "i.png", "image/png", new byte[] {1}))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getsOneEntity() throws Exception {
        cloud.enqueue(json(200, "{\"id\":\"s1\",\"enabled\":true}"));
        assertThat(client.get(EnKind.SOURCE, "s1").path("enabled").asBoolean()).isTrue();
        assertThat(cloud.takeApiRequest().getUrl().encodedPath()).isEqualTo(PREFIX + "/sources/s1");
    }

    @Test
    void deleteExpectsNoContent() throws Exception {
        cloud.enqueue(empty(204), json(200, "{}"));
        client.delete(EnKind.SUBSCRIPTION, "sub1");
        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/subscriptions/sub1");

        assertUnexpected(() -> client.delete(EnKind.SUBSCRIPTION, "sub2"));
    }

    @Test
    void integrationsCannotBeDeletedAndSmtpUsersNeedTheirConfig() {
        assertThatThrownBy(() -> client.delete(EnKind.INTEGRATION, "i1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.list(EnKind.SMTP_USER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cloud.apiRequestCount()).isZero();
    }

    @Test
    void smtpUsersLiveUnderTheirConfiguration() throws Exception {
        cloud.enqueue(
                json(200, "{\"total_count\":1,\"users\":[{\"id\":\"u1\"}]}"),
                json(201, "{\"id\":\"u2\",\"username\":\"x\",\"password\":\"only-now\"}"),
                json(200, "{\"id\":\"u2\"}"),
                empty(204));
        ObjectNode description = JSON.createObjectNode().put("description", "relay");

        assertThat(client.listSmtpUsers("c1"))
                .extracting(u -> u.path("id").asText())
                .containsExactly("u1");
        assertThat(client.createSmtpUser("c1", description).path("password").asText())
                .isEqualTo("only-now");
        client.updateSmtpUser("c1", "u2", description);
        client.deleteSmtpUser("c1", "u2");

        assertRequest("GET", PREFIX + "/smtp/config/c1/users");
        assertRequest("POST", PREFIX + "/smtp/config/c1/users");
        assertRequest("PATCH", PREFIX + "/smtp/config/c1/users/u2");
        assertRequest("DELETE", PREFIX + "/smtp/config/c1/users/u2");
        assertThat(routes).contains("PATCH /v1/instances/{id}/smtp/config/{id}/users/{id}");
    }

    @Test
    void tagSubscriptionsLiveUnderTheirDestinationAndAreDeletedByDeviceAndTag() throws Exception {
        cloud.enqueue(
                json(200, "{\"total_count\":1,\"tag_subscriptions\":[{\"id\":\"t1\"}]}"),
                json(201, "{\"id\":\"t2\",\"device_id\":\"dev 1\",\"tag_name\":\"offers\"}"),
                json(
                        200,
                        "{\"total_count\":1,\"tag_subscriptions\":[{\"id\":\"t2\",\"device_id\":\"dev 1\","
                                + "\"tag_name\":\"offers\"}]}"),
                empty(204));
        ObjectNode body = JSON.createObjectNode().put("device_id", "dev 1").put("tag_name", "offers");

        assertThat(client.listTagSubscriptions("d1"))
                .extracting(t -> t.path("id").asText())
                .containsExactly("t1");
        client.createTagSubscription("d1", body);
        assertThat(client.findTagSubscription("d1", "dev 1", "offers")
                        .path("id")
                        .asText())
                .isEqualTo("t2");
        client.deleteTagSubscription("d1", "dev 1", "offers");

        assertRequest("GET", PREFIX + "/destinations/d1/tag_subscriptions");
        RecordedRequest created = cloud.takeApiRequest();
        assertThat(created.getMethod()).isEqualTo("POST");
        assertThat(JSON.readTree(created.getBody().utf8())).isEqualTo(body);
        RecordedRequest found = cloud.takeApiRequest();
        assertThat(found.getUrl().queryParameter("device_id")).isEqualTo("dev 1");
        assertThat(found.getUrl().queryParameter("tag_name")).isEqualTo("offers");
        RecordedRequest deleted = cloud.takeApiRequest();
        assertThat(deleted.getMethod()).isEqualTo("DELETE");
        assertThat(deleted.getUrl().encodedPath()).isEqualTo(PREFIX + "/destinations/d1/tag_subscriptions");
        assertThat(deleted.getUrl().queryParameter("device_id")).isEqualTo("dev 1");
        assertThat(deleted.getUrl().queryParameter("tag_name")).isEqualTo("offers");
    }

    @Test
    void probeReadsOneSourceAndReturnsTheTotal() throws Exception {
        cloud.enqueue(
                json(200, "{\"total_count\":7,\"offset\":0,\"limit\":1,\"sources\":[{\"id\":\"s1\"}]}"),
                json(200, "{\"sources\":[]}"));

        assertThat(client.probe()).isEqualTo(7);
        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/sources");
        assertThat(request.getUrl().query()).isEqualTo("limit=1");

        assertUnexpected(() -> client.probe());
    }

    @Test
    void theFactoryAddressesTheRequestedRegion() throws Exception {
        EventNotificationsClient frankfurt = clients.forInstance("eu-de", INSTANCE, KEY);
        cloud.enqueue(json(200, "{\"total_count\":0,\"sources\":[]}"));

        frankfurt.probe();

        assertThat(frankfurt.region()).isEqualTo("eu-de");
        assertThat(frankfurt.instanceId()).isEqualTo(INSTANCE);
        assertThat(cloud.takeApiRequest().getUrl().encodedPath())
                .isEqualTo("/eu-de/event-notifications/v1/instances/" + INSTANCE + "/sources");
        assertThatThrownBy(() -> clients.forInstance("not a region", INSTANCE, KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(frankfurt.toString()).doesNotContain(KEY.reveal());
    }

    @Test
    void createWiresOkHttpIamAndTheHttpLayerFromSettings() {
        EventNotificationsClient wired = HttpEventNotificationsClients.create(cloud.endpoints(), FAST, null)
                .forInstance("us-south", INSTANCE, KEY);
        cloud.enqueue(json(200, "{\"total_count\":2,\"sources\":[]}"));

        assertThat(wired.probe()).isEqualTo(2);
        assertThat(cloud.iamRequestCount()).isEqualTo(1);
    }

    private void assertRequest(String method, String path) throws InterruptedException {
        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod() + " " + request.getUrl().encodedPath()).isEqualTo(method + " " + path);
    }

    private static void assertUnexpected(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        IbmApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNEXPECTED));
    }

    /** A page without its closing brace, so a test can add {@code next}. */
    private static String page(String key, int total, int offset, String... ids) {
        StringBuilder items = new StringBuilder();
        for (String id : ids) {
            items.append(items.length() == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(id)
                    .append("\"}");
        }
        return "{\"total_count\":" + total + ",\"offset\":" + offset + ",\"limit\":" + Math.max(1, ids.length) + ",\""
                + key + "\":[" + items + "]";
    }

    private static String next(int offset) {
        return ",\"next\":{\"href\":\"https://us-south.event-notifications.cloud.ibm.com/event-notifications/v1/"
                + "instances/" + INSTANCE + "/sources?limit=100&offset=" + offset + "\"}}";
    }

    private static List<Part> parts(RecordedRequest request) throws IOException {
        MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
        assertThat(type.type() + "/" + type.subtype()).isEqualTo("multipart/form-data");
        List<Part> parts = new ArrayList<>();
        try (MultipartReader reader =
                new MultipartReader(new Buffer().write(request.getBody()), type.parameter("boundary"))) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = part.headers().get("Content-Disposition");
                parts.add(new Part(
                        disposition,
                        part.headers().get("Content-Type"),
                        part.body().readByteArray()));
            }
        }
        return parts;
    }

    private record Part(String disposition, String contentType, byte[] bytes) {
        String name() {
            int start = disposition.indexOf("name=\"") + 6;
            return disposition.substring(start, disposition.indexOf('"', start));
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
