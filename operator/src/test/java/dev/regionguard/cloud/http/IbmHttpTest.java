package dev.regionguard.cloud.http;

import static dev.regionguard.cloud.http.FakeIbmCloud.TOKEN_PREFIX;
import static dev.regionguard.cloud.http.FakeIbmCloud.empty;
import static dev.regionguard.cloud.http.FakeIbmCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IbmHttpTest {
    static final ApiKey KEY = new ApiKey("api-key-for-tests-0123");
    static final HttpSettings FAST = HttpSettings.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTANCE = "7d6a8f5e-0f1a-4c3b-9a6e-5f4e3d2c1b0a";

    private final TestClock clock = TestClock.atEpochSecond(1_700_000_000L);
    private final List<String> observed = new CopyOnWriteArrayList<>();
    private FakeIbmCloud cloud;
    private IbmHttp http;

    @BeforeEach
    void start() throws IOException {
        cloud = new FakeIbmCloud(clock);
        http = cloud.ibmHttp(FAST, this::observe);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void sendsTokenStandardHeadersAndJsonAndReturnsHeadersAndBody() throws Exception {
        cloud.enqueue(json(200, "{\"id\":\"t1\",\"name\":\"alerts\"}", "ETag", "\"42\""));
        ObjectNode body = JSON.createObjectNode().put("name", "alerts");

        IbmResponse response = http.execute(
                KEY,
                topics(IbmRequest.put("us-south", base("us-south")))
                        .id("t1")
                        .header("If-Match", "\"41\"")
                        .jsonBody(body)
                        .build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).contains("\"42\"");
        assertThat(response.bodyObject().path("name").asText()).isEqualTo("alerts");
        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getUrl().encodedPath())
                .isEqualTo("/us-south/event-notifications/v1/instances/" + INSTANCE + "/topics/t1");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN_PREFIX + 1);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("regionguard/0.1");
        assertThat(request.getHeaders().get("If-Match")).isEqualTo("\"41\"");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(body);
    }

    @Test
    void sendsMergePatchBodies() throws Exception {
        cloud.enqueue(json(200, "{}"));
        http.execute(
                KEY,
                IbmRequest.patch("eu-de", base("eu-de"))
                        .path("projects")
                        .id("p1")
                        .path("apps")
                        .id("app")
                        .mergePatchBody(JSON.createObjectNode().putNull("scale_cpu_limit"))
                        .build());

        RecordedRequest request = cloud.takeApiRequest();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/merge-patch+json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"scale_cpu_limit\":null}");
    }

    @Test
    void usesOneTokenForManyCalls() {
        for (int i = 0; i < 5; i++) {
            cloud.enqueue(json(200, "{}"));
            http.execute(
                    KEY, topics(IbmRequest.get("us-south", base("us-south"))).build());
        }
        assertThat(cloud.iamRequestCount()).isEqualTo(1);
        assertThat(cloud.apiRequestCount()).isEqualTo(5);
    }

    @Test
    void parsesIbmsErrorBody() {
        cloud.enqueue(json(
                403,
                "{\"status_code\":403,\"trace\":\"e7bed498-6a41-4af0-89dc-cc08c4dc0e45\","
                        + "\"errors\":[{\"code\":\"authorization_error\",\"message\":\"Unfortunately you don't have a "
                        + "permission to access requested resource\",\"more_info\":\"https://cloud.ibm.com/apidocs/"
                        + "event-notifications#event-notifications-api-authentication\"}]}"));

        assertThatThrownBy(() -> http.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build()))
                .isInstanceOfSatisfying(IbmApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTHORIZATION);
                    assertThat(e.errorCode()).isEqualTo("authorization_error");
                    assertThat(e.getMessage())
                            .isEqualTo("Unfortunately you don't have a permission to access requested resource");
                    assertThat(e.trace()).isEqualTo("e7bed498-6a41-4af0-89dc-cc08c4dc0e45");
                    assertThat(e.region()).isEqualTo("us-south");
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e.summary())
                            .isEqualTo(
                                    "403 authorization_error: Unfortunately you don't have a "
                                            + "permission to access requested resource (trace e7bed498-6a41-4af0-89dc-cc08c4dc0e45)");
                });
        assertThat(cloud.apiRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"errors\":[{\"message\":\"first\"}],\"error\":\"second\"}  | first",
                "{\"error\":\"second\",\"message\":\"third\"}                 | second",
                "{\"message\":\"third\",\"errorMessage\":\"fourth\"}          | third",
                "{\"errorMessage\":\"fourth\"}                                | fourth",
                "{\"errors\":[]}                                              | HTTP 400",
                "<html>Bad Gateway</html>                                     | HTTP 400",
            })
    void takesTheMessageFromTheFirstFieldPresent(String body, String message) {
        cloud.enqueue(json(400, body));
        assertThatThrownBy(() -> http.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build()))
                .isInstanceOfSatisfying(
                        IbmApiException.class, e -> assertThat(e.getMessage()).isEqualTo(message));
    }

    @ParameterizedTest
    @CsvSource({
        "400, INVALID_REQUEST",
        "403, AUTHORIZATION",
        "404, NOT_FOUND",
        "409, CONFLICT",
        "412, PRECONDITION_FAILED",
        "422, INVALID_REQUEST",
        "501, UNEXPECTED",
    })
    void doesNotRetryClientErrorsOrNotImplemented(int status, ErrorCategory category) {
        cloud.answerApi(request -> json(status, "{\"errors\":[{\"code\":\"c\",\"message\":\"m\"}]}"));
        assertThatThrownBy(() -> http.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build()))
                .isInstanceOfSatisfying(IbmApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.category()).isEqualTo(category);
                });
        assertThat(cloud.apiRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesAServerErrorThenSucceeds() {
        cloud.enqueue(json(503, "{\"errors\":[{\"message\":\"busy\"}]}"), json(200, "{\"ok\":true}"));

        IbmResponse response = http.execute(
                KEY, topics(IbmRequest.get("us-south", base("us-south"))).build());

        assertThat(response.bodyObject().path("ok").asBoolean()).isTrue();
        assertThat(cloud.apiRequestCount()).isEqualTo(2);
        assertThat(observed)
                .containsExactly(
                        "us-south GET /v1/instances/{id}/topics 503", "us-south GET /v1/instances/{id}/topics 200");
    }

    @Test
    void givesUpAfterMaxAttempts() {
        cloud.answerApi(request -> json(502, "{\"errors\":[{\"message\":\"bad gateway\"}]}"));
        assertThatThrownBy(() -> http.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build()))
                .isInstanceOfSatisfying(IbmApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.SERVER);
                    assertThat(e.getMessage()).isEqualTo("bad gateway");
                });
        assertThat(cloud.apiRequestCount()).isEqualTo(FAST.maxAttempts());
    }

    @Test
    void waitsForRetryAfterOnThrottling() {
        cloud.enqueue(json(429, "{\"errors\":[{\"message\":\"slow down\"}]}", "Retry-After", "1"), json(200, "{}"));

        long start = System.nanoTime();
        http.execute(KEY, topics(IbmRequest.get("us-south", base("us-south"))).build());

        // The backoff alone would wait at most 5 ms
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(cloud.apiRequestCount()).isEqualTo(2);
    }

    @Test
    void doesNotWaitForARetryAfterBeyondTheLimit() {
        cloud.answerApi(request -> json(429, "{\"errors\":[{\"message\":\"slow down\"}]}", "Retry-After", "120"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> http.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build()))
                .isInstanceOfSatisfying(IbmApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.THROTTLED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(cloud.apiRequestCount()).isEqualTo(1);
    }

    @Test
    void neverRepeatsAPostWhoseOutcomeIsUnknown() {
        cloud.answerApi(request -> json(500, "{\"errors\":[{\"message\":\"oops\"}]}"));
        assertThatThrownBy(() -> http.execute(KEY, createTopic()))
                .isInstanceOfSatisfying(
                        IbmApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.SERVER));
        assertThat(cloud.apiRequestCount()).isEqualTo(1);
    }

    @Test
    void neverRepeatsAPostThatTimedOutAfterSending() throws IOException {
        HttpSettings quick = FAST.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(2));
        IbmHttp impatient = cloud.ibmHttp(quick, CallObserver.NONE);
        cloud.answerApi(request -> stalled());

        assertThatThrownBy(() -> impatient.execute(KEY, createTopic()))
                .isInstanceOfSatisfying(IbmApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.UNREACHABLE);
                    assertThat(e.status()).isZero();
                });
        assertThat(cloud.apiRequestCount()).isEqualTo(1);

        // The same silence on a GET is retried
        IbmHttp impatientTwice = cloud.ibmHttp(quick.withMaxAttempts(2), CallObserver.NONE);
        assertThatThrownBy(() -> impatientTwice.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build()))
                .isInstanceOf(IbmApiException.class);
        assertThat(cloud.apiRequestCount()).isEqualTo(3);
    }

    @Test
    void repeatsAPostAfterThrottling() {
        cloud.enqueue(json(429, "{}", "Retry-After", "0"), json(201, "{\"id\":\"t1\"}"));
        assertThat(http.execute(KEY, createTopic()).status()).isEqualTo(201);
        assertThat(cloud.apiRequestCount()).isEqualTo(2);
    }

    @Test
    void repeatsAPostWhenTheConnectionWasRefused() throws IOException {
        String dead = IamTokenServiceTest.deadUrl();
        IbmRequest create = IbmRequest.post("us-south", dead)
                .path("v1/instances")
                .id(INSTANCE)
                .path("topics")
                .jsonBody(JSON.createObjectNode().put("name", "t"))
                .build();

        assertThatThrownBy(() -> http.execute(KEY, create)).isInstanceOfSatisfying(IbmApiException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.UNREACHABLE);
            assertThat(e.status()).isZero();
            assertThat(e.region()).isEqualTo("us-south");
        });
        assertThat(observed).hasSize(FAST.maxAttempts()).containsOnly("us-south POST /v1/instances/{id}/topics 0");
    }

    @Test
    void oneUnauthorizedAnswerRefreshesTheTokenAndRepeatsTheCallOnce() throws Exception {
        cloud.enqueue(json(401, "{\"errors\":[{\"message\":\"token expired\"}]}"), json(201, "{\"id\":\"t1\"}"));

        assertThat(http.execute(KEY, createTopic()).status()).isEqualTo(201);

        assertThat(cloud.takeApiRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN_PREFIX + 1);
        assertThat(cloud.takeApiRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN_PREFIX + 2);
        assertThat(cloud.iamRequestCount()).isEqualTo(2);
    }

    @Test
    void aSecondUnauthorizedAnswerIsFinal() {
        cloud.answerApi(request -> json(401, "{\"errors\":[{\"message\":\"not allowed\"}]}"));

        assertThatThrownBy(() -> http.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build()))
                .isInstanceOfSatisfying(
                        IbmApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION));
        assertThat(cloud.apiRequestCount()).isEqualTo(2);
        assertThat(cloud.iamRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedApiKeyFailsWithoutCallingTheService() {
        cloud.answerIam(request -> json(
                400, "{\"errorCode\":\"BXNIM0415E\",\"errorMessage\":\"Provided API key " + "could not be found.\"}"));

        assertThatThrownBy(() -> http.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build()))
                .isInstanceOfSatisfying(IbmApiException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
                    assertThat(e.getMessage()).isEqualTo("Provided API key could not be found.");
                });
        assertThat(cloud.iamRequestCount()).isEqualTo(1);
        assertThat(cloud.apiRequestCount()).isZero();
    }

    @Test
    void limitsInFlightCallsPerRegionWithoutBlockingOtherRegions() throws Exception {
        int limit = 3;
        IbmHttp limited = cloud.ibmHttp(FAST.withMaxConcurrentPerRegion(limit), CallObserver.NONE);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        cloud.answerApi(request -> {
            if (!request.getUrl().encodedPath().startsWith("/us-south/")) {
                return json(200, "{}");
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
                return json(200, "{}");
            } finally {
                inFlight.decrementAndGet();
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Future<IbmResponse>> calls = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(callers.submit(() -> limited.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build())));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.get() == limit);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> inFlight.get() == limit);

            // us-south is saturated, eu-de is not affected
            assertThat(limited.execute(
                                    KEY,
                                    topics(IbmRequest.get("eu-de", base("eu-de")))
                                            .build())
                            .status())
                    .isEqualTo(200);

            release.countDown();
            for (Future<IbmResponse> call : calls) {
                assertThat(call.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(maxInFlight.get()).isEqualTo(limit);
            assertThat(cloud.apiRequestCount()).isEqualTo(11);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void reportsEveryExchangeWithATemplatedRoute() {
        cloud.enqueue(json(200, "{}"), empty(204));
        http.execute(
                KEY,
                topics(IbmRequest.get("us-south", base("us-south")))
                        .id("0b7c8d9e-topic")
                        .build());
        http.execute(
                KEY,
                IbmRequest.delete("us-south", base("us-south"))
                        .path("v1/instances")
                        .id(INSTANCE)
                        .path("smtp/config")
                        .id("cfg-1")
                        .path("users")
                        .id("user-1")
                        .expectStatus(204)
                        .build());

        assertThat(observed)
                .containsExactly(
                        "us-south GET /v1/instances/{id}/topics/{id} 200",
                        "us-south DELETE /v1/instances/{id}/smtp/config/{id}/users/{id} 204");
    }

    @Test
    void anUnexpectedSuccessStatusOrANonJsonBodyIsUnexpected() {
        cloud.enqueue(json(200, "{}"), new MockResponse(200, okhttp3.Headers.of(), "<html>portal</html>"));
        IbmRequest delete = topics(IbmRequest.delete("us-south", base("us-south")))
                .id("t1")
                .expectStatus(204)
                .build();

        assertThatThrownBy(() -> http.execute(KEY, delete)).isInstanceOfSatisfying(IbmApiException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.UNEXPECTED);
            assertThat(e.status()).isEqualTo(200);
        });
        assertThatThrownBy(() -> http.execute(
                        KEY,
                        topics(IbmRequest.get("us-south", base("us-south"))).build()))
                .isInstanceOfSatisfying(
                        IbmApiException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNEXPECTED));
        assertThat(cloud.apiRequestCount()).isEqualTo(2);
    }

    @Test
    void anEmptyAnswerHasAMissingBody() {
        cloud.enqueue(empty(204));
        IbmResponse response = http.execute(
                KEY,
                topics(IbmRequest.delete("us-south", base("us-south"))).id("t1").build());
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body().isMissingNode()).isTrue();
    }

    private void observe(String region, String method, String route, int status, Duration elapsed) {
        observed.add(region + " " + method + " " + route + " " + status + (elapsed.isNegative() ? " negative" : ""));
    }

    private IbmRequest createTopic() {
        return topics(IbmRequest.post("us-south", base("us-south")))
                .jsonBody(JSON.createObjectNode().put("name", "alerts"))
                .build();
    }

    private static IbmRequest.Builder topics(IbmRequest.Builder start) {
        return start.path("v1/instances").id(INSTANCE).path("topics");
    }

    private String base(String region) {
        return cloud.endpoints().eventNotifications(region);
    }

    /** Reads the request, then never answers. */
    private static MockResponse stalled() {
        return new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
    }
}
