package dev.regionguard.codeengine;

import static dev.regionguard.cloud.http.FakeIbmCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.FakeIbmCloud;
import dev.regionguard.cloud.http.TestClock;
import dev.regionguard.testing.SimulatorClients;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpCodeEngineClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiKey KEY = CeFixtures.KEY;
    private static final String PROJECT = CeFixtures.PRIMARY;
    private static final Duration POLL = Duration.ofMillis(5);
    private static final String PREFIX = "/eu-de/codeengine/v2/projects/" + PROJECT;

    private final List<String> routes = new CopyOnWriteArrayList<>();
    private FakeIbmCloud cloud;
    private HttpCodeEngineClients clients;
    private CodeEngineClient client;

    @BeforeEach
    void start() throws IOException {
        cloud = new FakeIbmCloud(TestClock.atEpochSecond(1_700_000_000L));
        CallObserver observer = (region, method, route, status, elapsed) -> routes.add(method + " " + route);
        clients = new HttpCodeEngineClients(cloud.endpoints(), cloud.ibmHttp(SimulatorClients.FAST, observer), POLL);
        client = clients.forProject("eu-de", PROJECT, KEY);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void listReadsEveryPageByItsStartToken() throws Exception {
        cloud.answerApi(request -> {
            String start = request.getUrl().queryParameter("start");
            if (start == null) {
                return json(200, page("apps", "a1", "a2") + ",\"next\":{\"href\":\"h\",\"start\":\"tok-2\"}}");
            }
            return switch (start) {
                case "tok-2" -> json(200, page("apps", "a3", "a4") + ",\"next\":{\"start\":\"tok-3\"}}");
                case "tok-3" -> json(200, page("apps", "a5") + "}");
                default -> json(400, "{}");
            };
        });

        List<ObjectNode> apps = client.list(CeKind.APP);

        assertThat(apps).extracting(a -> a.path("name").asText()).containsExactly("a1", "a2", "a3", "a4", "a5");
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = cloud.takeApiRequest();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/apps");
            assertThat(request.getUrl().queryParameter("limit")).isEqualTo("100");
            starts.add(request.getUrl().queryParameter("start"));
        }
        assertThat(starts).containsExactly(null, "tok-2", "tok-3");
        assertThat(routes).containsOnly("GET /projects/{id}/apps");
    }

    @Test
    void aFailingPageFailsTheWholeList() {
        cloud.enqueue(
                json(200, page("config_maps", "c1") + ",\"next\":{\"start\":\"t2\"}}"),
                json(200, page("config_maps", "c2") + ",\"next\":{\"start\":\"t3\"}}"),
                json(400, "{\"errors\":[{\"code\":\"invalid_start\",\"message\":\"start token expired\"}]}"));

        assertThatThrownBy(() -> client.list(CeKind.CONFIG_MAP)).isInstanceOfSatisfying(IbmApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("start token expired");
        });
        assertThat(cloud.apiRequestCount()).isEqualTo(3);
    }

    @Test
    void listTakesTheStartFromNextHrefWhenNextHasNoToken() throws Exception {
        cloud.enqueue(
                json(
                        200,
                        page("jobs", "j1") + ",\"next\":{\"href\":\"https://api.eu-de.codeengine.cloud.ibm.com"
                                + "/v2/projects/" + PROJECT + "/jobs?limit=100&start=abc\"}}"),
                json(200, page("jobs", "j2") + "}"));

        assertThat(client.list(CeKind.JOB)).hasSize(2);
        cloud.takeApiRequest();
        assertThat(cloud.takeApiRequest().getUrl().queryParameter("start")).isEqualTo("abc");
    }

    @Test
    void listRefusesPagesItCannotTrust() {
        cloud.enqueue(json(200, "{\"limit\":100}"));
        assertUnexpected(() -> client.list(CeKind.BUILD));
        cloud.enqueue(json(200, "{}"));
        assertUnexpected(() -> client.list(CeKind.BUILD));

        cloud.enqueue(json(200, "{\"limit\":100,\"next\":{\"start\":\"t\"}}"));
        assertUnexpected(() -> client.list(CeKind.BUILD));

        cloud.enqueue(json(200, "{\"builds\":{}}"));
        assertUnexpected(() -> client.list(CeKind.BUILD));

        cloud.enqueue(json(200, "{\"builds\":[1]}"));
        assertUnexpected(() -> client.list(CeKind.BUILD));

        cloud.enqueue(
                json(200, page("builds", "b1") + ",\"next\":{\"start\":\"t\"}}"),
                json(200, page("builds", "b1") + ",\"next\":{\"start\":\"t\"}}"));
        assertUnexpected(() -> client.list(CeKind.BUILD));

        cloud.enqueue(json(200, page("builds", "b1") + ",\"next\":{\"href\":\"/no/token\"}}"));
        assertUnexpected(() -> client.list(CeKind.BUILD));
    }

    @Test
    void getKeepsTheBodysEntityTagAndFillsAMissingOneFromTheETagHeader() throws Exception {
        cloud.enqueue(
                json(200, "{\"name\":\"my-app\",\"entity_tag\":\"2385407409\"}", "ETag", "\"other\""),
                json(200, "{\"name\":\"my-app\"}", "ETag", "\"77\""),
                json(200, "{\"name\":\"my-app\"}"));

        assertThat(client.get(CeKind.APP, "my-app").path("entity_tag").asText()).isEqualTo("2385407409");
        assertThat(client.get(CeKind.APP, "my-app").path("entity_tag").asText()).isEqualTo("\"77\"");
        assertThat(client.get(CeKind.APP, "my-app").has("entity_tag")).isFalse();
        assertThat(cloud.takeApiRequest().getUrl().encodedPath()).isEqualTo(PREFIX + "/apps/my-app");
        assertThat(routes).contains("GET /projects/{id}/apps/{id}");
    }

    @Test
    void createPostsTheBodyAsItIsAndAcceptsAsynchronousCreates() throws Exception {
        cloud.enqueue(
                json(201, "{\"name\":\"my-app\",\"entity_tag\":\"1\"}"),
                json(202, "{\"name\":\"other\"}"),
                json(204, ""));
        ObjectNode body = (ObjectNode) JSON.readTree(
                "{\"name\":\"my-app\",\"image_reference\":\"icr.io/x\"," + "\"future_field\":{\"a\":[1]}}");

        assertThat(client.create(CeKind.APP, body).path("entity_tag").asText()).isEqualTo("1");
        assertThat(client.create(CeKind.APP, body).path("name").asText()).isEqualTo("other");

        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/apps");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(body);
        assertUnexpected(() -> client.create(CeKind.APP, body));
    }

    @Test
    void updatePatchesWithAMergePatchAndIfMatch() throws Exception {
        cloud.enqueue(json(200, "{\"name\":\"my-app\",\"entity_tag\":\"8\"}"));
        ObjectNode patch = (ObjectNode) JSON.readTree("{\"scale_min_instances\":0,\"run_arguments\":null}");

        ObjectNode updated = client.update(CeKind.APP, "my-app", patch, "7");

        assertThat(updated.path("entity_tag").asText()).isEqualTo("8");
        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/apps/my-app");
        assertThat(request.getHeaders().get("If-Match")).isEqualTo("7");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/merge-patch+json");
        assertThat(request.getBody().utf8()).contains("\"run_arguments\":null");
    }

    @ParameterizedTest
    @EnumSource(
            value = CeKind.class,
            names = {"CONFIG_MAP", "SECRET"})
    void configMapsAndSecretsAreReplacedWithPut(CeKind kind) throws Exception {
        cloud.enqueue(json(200, "{\"name\":\"n\"}"));
        ObjectNode body = JSON.createObjectNode();
        body.putObject("data").put("k", "v");

        client.update(kind, "n", body, "42");

        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getUrl().encodedPath()).isEqualTo(PREFIX + "/" + kind.path() + "/n");
        assertThat(request.getHeaders().get("If-Match")).isEqualTo("42");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(body);
    }

    @Test
    void aStaleEntityTagIsPreconditionFailed() {
        cloud.enqueue(json(412, "{\"errors\":[{\"code\":\"precondition_failed\",\"message\":\"etag mismatch\"}]}"));

        assertThatThrownBy(() -> client.update(CeKind.JOB, "j", JSON.createObjectNode(), "1"))
                .isInstanceOfSatisfying(
                        IbmApiException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.PRECONDITION_FAILED));
        assertThat(cloud.apiRequestCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void updatesNeedATagAndAKindThatCanBeUpdated() {
        assertThatThrownBy(() -> client.update(CeKind.APP, "a", JSON.createObjectNode(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.update(CeKind.BINDING, "b", JSON.createObjectNode(), "*"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.update(CeKind.PERSISTENT_DATA_STORE, "p", JSON.createObjectNode(), "*"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cloud.apiRequestCount()).isZero();
    }

    @Test
    void deleteIsAcceptedAndThenPolledUntilNotFound() throws Exception {
        cloud.enqueue(
                json(202, "{}"),
                json(200, "{\"name\":\"my-app\",\"status\":\"deleting\"}"),
                json(200, "{\"name\":\"my-app\"}"),
                json(404, "{\"errors\":[{\"message\":\"app not found\"}]}"));

        client.delete(CeKind.APP, "my-app");
        client.awaitDeleted(CeKind.APP, "my-app", Duration.ofSeconds(5));

        RecordedRequest delete = cloud.takeApiRequest();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo(PREFIX + "/apps/my-app");
        assertThat(delete.getUrl().queryParameter("keep_service_access")).isEqualTo("true");
        for (int i = 0; i < 3; i++) {
            assertThat(cloud.takeApiRequest().getMethod()).isEqualTo("GET");
        }
        assertThat(cloud.apiRequestCount()).isEqualTo(4);
    }

    @Test
    void bindingsAreAddressedByIdAndOtherKindsDeleteWithoutQuery() throws Exception {
        cloud.enqueue(json(202, "{}"), json(202, "{}"));

        client.delete(CeKind.BINDING, "a172ced-b5f21bc-71ba50c-1638604");
        client.delete(CeKind.SECRET, "s");

        RecordedRequest binding = cloud.takeApiRequest();
        assertThat(binding.getUrl().encodedPath()).isEqualTo(PREFIX + "/bindings/a172ced-b5f21bc-71ba50c-1638604");
        assertThat(cloud.takeApiRequest().getUrl().query()).isNull();
    }

    @Test
    void aDeleteThatDoesNotFinishInTimeFails() {
        cloud.answerApi(request -> json(200, "{\"name\":\"cm\"}"));

        assertThatThrownBy(() -> client.awaitDeleted(CeKind.CONFIG_MAP, "cm", Duration.ofMillis(300)))
                .isInstanceOfSatisfying(CeWaitFailedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CeWaitFailedException.DELETE_NOT_FINISHED);
                    assertThat(e.summary()).startsWith("delete_not_finished: config map cm still exists");
                });
        assertThat(cloud.apiRequestCount()).isGreaterThan(1);
    }

    @Test
    void awaitingADeleteStopsAtOtherErrors() {
        cloud.enqueue(json(403, "{\"errors\":[{\"message\":\"no access\"}]}"));

        assertThatThrownBy(() -> client.awaitDeleted(CeKind.CONFIG_MAP, "cm", Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        IbmApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION));
    }

    @Test
    void awaitAppFollowsTheAppUntilItsLatestRevisionIsReady() {
        cloud.enqueue(
                json(200, app("deploying", "deploying", "a-00002", "a-00001")),
                json(200, app("ready", "ready", "a-00002", "a-00001")),
                json(200, app("ready", "ready", "a-00002", "a-00002")));

        ObjectNode app = awaitApp("a", Duration.ofSeconds(5));

        assertThat(CeAppStatus.of(app)).isEqualTo(CeAppStatus.READY);
        assertThat(cloud.apiRequestCount()).isEqualTo(3);
    }

    @Test
    void awaitAppReturnsAFailedAppForTheCallerToJudge() {
        cloud.enqueue(
                json(200, app("deploying", "deploying", "a-00002", "a-00001")),
                json(200, app("warning", "ready_but_latest_revision_failed", "a-00002", "a-00001")));

        assertThat(CeAppStatus.of(awaitApp("a", Duration.ofSeconds(5)))).isEqualTo(CeAppStatus.FAILED);

        cloud.enqueue(json(200, app("failed", "no_revision_ready", "a-00001", null)));
        assertThat(CeAppStatus.of(awaitApp("a", Duration.ofSeconds(5)))).isEqualTo(CeAppStatus.FAILED);
    }

    @Test
    void awaitAppGivesUpAfterItsTimeout() {
        cloud.answerApi(request -> json(200, app("deploying", "waiting_for_resources", "a-00001", null)));

        assertThatThrownBy(() -> awaitApp("a", Duration.ofMillis(50)))
                .isInstanceOfSatisfying(
                        CeWaitFailedException.class,
                        e -> assertThat(e.summary())
                                .isEqualTo(
                                        "app_not_ready: app a not ready after 50 ms (status deploying, reason waiting_for_resources)"));
    }

    @Test
    void projectIsReadForHealthProbes() throws Exception {
        cloud.enqueue(
                json(200, "{\"id\":\"" + PROJECT + "\",\"status\":\"active\",\"region\":\"eu-de\"}"),
                json(200, "{\"id\":\"" + PROJECT + "\",\"status\":\"creating\"}"));

        assertThat(CodeEngineClient.isActive(client.project())).isTrue();
        assertThat(CodeEngineClient.isActive(client.project())).isFalse();
        assertThat(cloud.takeApiRequest().getUrl().encodedPath()).isEqualTo(PREFIX);
        assertThat(routes).contains("GET /projects/{id}");
    }

    @Test
    void theFactoryAddressesTheRequestedRegion() throws Exception {
        CodeEngineClient london = clients.forProject("eu-gb", PROJECT, KEY);
        cloud.enqueue(json(200, "{\"secrets\":[]}"));

        london.list(CeKind.SECRET);

        assertThat(london.region()).isEqualTo("eu-gb");
        assertThat(london.projectId()).isEqualTo(PROJECT);
        assertThat(cloud.takeApiRequest().getUrl().encodedPath())
                .isEqualTo("/eu-gb/codeengine/v2/projects/" + PROJECT + "/secrets");
        assertThatThrownBy(() -> clients.forProject("not a region", PROJECT, KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clients.forProject("eu-gb", " ", KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(london.toString()).contains("eu-gb", PROJECT).doesNotContain(KEY.reveal());
    }

    @Test
    void createWiresOkHttpIamAndTheHttpLayerFromSettings() {
        CodeEngineClient wired = HttpCodeEngineClients.create(cloud.endpoints(), SimulatorClients.FAST, null)
                .forProject("eu-de", PROJECT, KEY);
        cloud.enqueue(json(200, "{\"id\":\"p\",\"status\":\"active\"}"));

        assertThat(CodeEngineClient.isActive(wired.project())).isTrue();
        assertThat(cloud.iamRequestCount()).isEqualTo(1);
    }

    private static void assertUnexpected(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        IbmApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNEXPECTED));
    }

    /** A page without its closing brace, so a test can add {@code next}. */
    private static String page(String key, String... names) {
        StringBuilder items = new StringBuilder();
        for (String name : names) {
            items.append(items.length() == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(name)
                    .append("\",\"entity_tag\":\"1\"}");
        }
        return "{\"limit\":" + Math.max(1, names.length) + ",\"first\":{\"href\":\"f\"},\"" + key + "\":[" + items
                + "]";
    }

    private static String app(String status, String reason, String created, String ready) {
        return "{\"name\":\"a\",\"status\":\"" + status + "\",\"status_details\":{\"reason\":\"" + reason + "\","
                + "\"latest_created_revision\":\"" + created + "\""
                + (ready == null ? "" : ",\"latest_ready_revision\":\"" + ready + "\"") + "}}";
    }

    /** Follows the app on the calling thread (first GET) and the delay scheduler (later GETs). */
    private ObjectNode awaitApp(String name, Duration timeout) {
        try {
            return client.awaitApp(name, timeout, Runnable::run).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }
}
