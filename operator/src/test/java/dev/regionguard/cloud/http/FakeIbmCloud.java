package dev.regionguard.cloud.http;

import dev.regionguard.cloud.Endpoints;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;

/**
 * IAM and the regional APIs on one MockWebServer. IAM issues tokens {@code token-1},
 * {@code token-2}, ... lasting an hour from the given clock; regional base URLs are
 * {@code http://host:port/<region>/event-notifications}, so a handler can tell regions apart.
 *
 * <p>The one deliberate wire-level fake, kept for the HTTP layer's own tests only: they script exact
 * answers (odd Retry-After values, malformed bodies, unexpected statuses, dropped connections) and
 * read the exact requests, which the simulator, a faithful IBM Cloud, neither produces nor exposes.
 * Every test above the HTTP layer uses the simulator.
 */
public final class FakeIbmCloud implements AutoCloseable {
    public static final String TOKEN_PREFIX = "secret-iam-token-";
    public static final String IAM_PATH = "/identity/token";

    private final MockWebServer server = new MockWebServer();
    private final Clock clock;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<RecordedRequest> iamRequests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<RecordedRequest> apiRequests = new LinkedBlockingQueue<>();
    private final AtomicInteger apiRequestCount = new AtomicInteger();
    private final Queue<MockResponse> queuedAnswers = new ConcurrentLinkedQueue<>();
    private volatile Handler iamHandler = request -> issueToken();
    private volatile Handler apiHandler;

    /** Answers a request; may block (the server runs one thread per connection). */
    @FunctionalInterface
    public interface Handler {
        MockResponse answer(RecordedRequest request) throws InterruptedException;
    }

    public FakeIbmCloud(Clock clock) throws IOException {
        this.clock = clock;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (IAM_PATH.equals(request.getUrl().encodedPath())) {
                    iamRequests.add(request);
                    return iamHandler.answer(request);
                }
                apiRequestCount.incrementAndGet();
                apiRequests.add(request);
                Handler handler = apiHandler;
                if (handler != null) {
                    return handler.answer(request);
                }
                MockResponse queued = queuedAnswers.poll();
                return queued != null ? queued : json(599, "{\"errors\":[{\"message\":\"no answer queued\"}]}");
            }
        });
        server.start();
    }

    public Endpoints endpoints() {
        String base = server.url("/").toString();
        return new Endpoints(base, base + "{region}/event-notifications", base + "{region}/codeengine/v2");
    }

    /** A settings-built OkHttp client and a token service bound to this fake IAM. */
    public IbmHttp ibmHttp(HttpSettings settings, CallObserver observer) {
        OkHttpClient client = IbmHttp.newOkHttpClient(settings);
        return new IbmHttp(client, tokenService(client), settings, observer, clock);
    }

    public IamTokenService tokenService(OkHttpClient client) {
        return new IamTokenService(client, endpoints().iamTokenUrl(), clock, CallObserver.NONE);
    }

    /** Regional answers in order (used when no handler is set). */
    public void enqueue(MockResponse... answers) {
        queuedAnswers.addAll(List.of(answers));
    }

    public void answerApi(Handler handler) {
        this.apiHandler = handler;
    }

    public void answerIam(Handler handler) {
        this.iamHandler = handler;
    }

    public MockResponse issueToken() {
        int n = tokensIssued.incrementAndGet();
        long expiration = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
        return json(
                200,
                "{\"access_token\":\"" + TOKEN_PREFIX + n + "\",\"refresh_token\":\"r\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":3600,\"expiration\":" + expiration + "}");
    }

    public RecordedRequest takeApiRequest() throws InterruptedException {
        RecordedRequest request = apiRequests.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no API request arrived");
        }
        return request;
    }

    public int apiRequestCount() {
        return apiRequestCount.get();
    }

    public List<RecordedRequest> iamRequests() {
        return List.copyOf(iamRequests);
    }

    public int iamRequestCount() {
        return iamRequests.size();
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
    }

    public static MockResponse json(int code, String body, String... headerNamesAndValues) {
        MockResponse.Builder builder =
                new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json");
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            builder.addHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return builder.body(body).build();
    }

    public static MockResponse empty(int code) {
        return new MockResponse(code, Headers.of(), "");
    }

    @Override
    public void close() {
        server.close();
    }
}
