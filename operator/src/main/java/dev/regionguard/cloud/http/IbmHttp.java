package dev.regionguard.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way RegionGuard calls IBM Cloud APIs. Adds the IAM bearer token and standard headers,
 * caps in-flight calls per region, retries what is safe to retry (with backoff and
 * {@code Retry-After}), and turns every failure into an {@link IbmApiException}.
 *
 * <p>Retried: 429, 5xx except 501, and no answer. Never retried: other 4xx, and a non-idempotent
 * request (POST) whose outcome is unknown (timeout after sending, 5xx); such a POST is repeated
 * only after 429 or when the connection was never made. The first 401 of a call drops the cached
 * token and repeats the request at once with a fresh one; a second 401 is final.
 *
 * <p>A region slot is held for one HTTP exchange only, never while waiting to retry.
 */
public final class IbmHttp {
    public static final String USER_AGENT = "regionguard/0.1";
    private static final Logger LOG = LoggerFactory.getLogger(IbmHttp.class);

    private final OkHttpClient client;
    /** Same pool, but OkHttp must not silently repeat a POST on a broken connection. */
    private final OkHttpClient clientWithoutTransportRetry;

    private final TokenProvider tokens;
    private final HttpSettings settings;
    private final CallObserver observer;
    private final Clock clock;
    private final RegionLimiter limiter;
    private final RetryRules rules;
    private final RetryPolicy<IbmResponse> retryPolicy;

    public IbmHttp(OkHttpClient client, TokenProvider tokens, HttpSettings settings, CallObserver observer) {
        this(client, tokens, settings, observer, Clock.systemUTC());
    }

    public IbmHttp(
            OkHttpClient client, TokenProvider tokens, HttpSettings settings, CallObserver observer, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clientWithoutTransportRetry =
                client.newBuilder().retryOnConnectionFailure(false).build();
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.observer = observer == null ? CallObserver.NONE : observer;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limiter = new RegionLimiter(settings.maxConcurrentPerRegion());
        this.rules = new RetryRules(settings);
        this.retryPolicy = RetryPolicy.<IbmResponse>builder()
                .handleIf((result, failure) -> failure instanceof FailedAttempt attempt && attempt.retryable)
                .withDelayFn(ctx -> rules.delayAfter(ctx.getAttemptCount(), exceptionOf(ctx.getLastException())))
                .withMaxAttempts(settings.maxAttempts())
                .onRetryScheduled(event -> LOG.debug(
                        "{} failed ({}); attempt {} follows in {} ms",
                        describe(event.getLastException()),
                        summaryOf(event.getLastException()),
                        event.getAttemptCount() + 1,
                        event.getDelay().toMillis()))
                .build();
    }

    /** Everything wired for production: OkHttp from the settings and an IAM token cache. */
    public static IbmHttp create(Endpoints endpoints, HttpSettings settings, CallObserver observer) {
        OkHttpClient client = newOkHttpClient(settings);
        return new IbmHttp(
                client,
                new IamTokenService(client, endpoints.iamTokenUrl(), Clock.systemUTC(), observer),
                settings,
                observer);
    }

    public static OkHttpClient newOkHttpClient(HttpSettings settings) {
        return new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // Enough idle connections to keep every region's slots warm
                .connectionPool(
                        new ConnectionPool(Math.max(5, settings.maxConcurrentPerRegion() * 2), 5, TimeUnit.MINUTES))
                .build();
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Sends the request with {@code apiKey}'s token, retrying as described above.
     *
     * @return the answer when its status is expected (by default any 2xx)
     * @throws IbmApiException for every error answer, no answer, or an unexpected status
     */
    public IbmResponse execute(ApiKey apiKey, IbmRequest request) {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(request, "request");
        AtomicBoolean tokenRenewed = new AtomicBoolean();
        try {
            return Failsafe.with(retryPolicy).get(() -> attempt(apiKey, request, tokenRenewed));
        } catch (FailedAttempt failed) {
            throw failed.exception;
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw IbmErrors.interrupted(request.region(), e.getCause());
            }
            throw e;
        }
    }

    private IbmResponse attempt(ApiKey apiKey, IbmRequest request, AtomicBoolean tokenRenewed) {
        Answer answer = send(request, token(apiKey, request));
        if (answer.status == 401 && tokenRenewed.compareAndSet(false, true)) {
            // Tokens can be revoked or rotated before they expire: one fresh token per call
            tokens.invalidate(apiKey);
            answer = send(request, token(apiKey, request));
        }
        if (request.expects(answer.status)) {
            return new IbmResponse(answer.status, answer.headers, parseBody(request, answer), request.region());
        }
        if (answer.status >= 200 && answer.status < 300) {
            throw new FailedAttempt(
                    request,
                    IbmErrors.unexpected(
                            answer.status, "unexpected HTTP " + answer.status + " for " + request, request.region()),
                    false);
        }
        IbmApiException error = IbmErrors.fromAnswer(
                answer.status,
                ErrorCategory.ofStatus(answer.status),
                answer.body,
                traceHeader(answer.headers),
                request.region(),
                RetryAfter.parse(answer.headers.get("Retry-After"), clock.instant()));
        throw new FailedAttempt(request, error, rules.mayRetry(error, true, request.idempotent()));
    }

    private String token(ApiKey apiKey, IbmRequest request) {
        try {
            return tokens.bearerToken(apiKey);
        } catch (IbmApiException e) {
            // Nothing was sent yet, so even a POST may try again if IAM's trouble is transient
            throw new FailedAttempt(request, e, rules.mayRetry(e, false, request.idempotent()));
        }
    }

    private Answer send(IbmRequest request, String token) {
        OkHttpClient http = request.idempotent() ? client : clientWithoutTransportRetry;
        RegionLimiter.Permit permit;
        try {
            permit = limiter.acquire(request.region());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailedAttempt(request, IbmErrors.interrupted(request.region(), e), false);
        }
        long start = System.nanoTime();
        int status = 0;
        try (permit;
                Response response =
                        http.newCall(request.toOkHttp(token, USER_AGENT)).execute()) {
            status = response.code();
            byte[] body = response.body().bytes();
            return new Answer(status, response.headers(), body);
        } catch (IOException e) {
            boolean sent = !neverConnected(e);
            IbmApiException error = IbmErrors.noAnswer(request.region(), e);
            throw new FailedAttempt(request, error, rules.mayRetry(error, sent, request.idempotent()));
        } finally {
            notifyObserver(request, status, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private JsonNode parseBody(IbmRequest request, Answer answer) {
        return Json.parse(answer.body)
                .orElseThrow(() -> new FailedAttempt(
                        request,
                        IbmErrors.unexpected(
                                answer.status,
                                "HTTP " + answer.status + " with a body that is not JSON",
                                request.region()),
                        false));
    }

    private void notifyObserver(IbmRequest request, int status, Duration elapsed) {
        try {
            observer.onCall(request.region(), request.method(), request.route(), status, elapsed);
        } catch (RuntimeException e) {
            LOG.warn("call observer failed; ignoring it", e);
        }
    }

    /** The request certainly did not reach the server. */
    private static boolean neverConnected(IOException e) {
        return e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
    }

    private static String traceHeader(Headers headers) {
        return Optional.ofNullable(headers.get("X-Correlation-Id")).orElse(headers.get("Transaction-Id"));
    }

    private static IbmApiException exceptionOf(Throwable failure) {
        return failure instanceof FailedAttempt attempt ? attempt.exception : null;
    }

    private static String summaryOf(Throwable failure) {
        IbmApiException e = exceptionOf(failure);
        return e == null ? String.valueOf(failure) : e.summary();
    }

    private static String describe(Throwable failure) {
        return failure instanceof FailedAttempt attempt ? attempt.request.toString() : "IBM Cloud call";
    }

    private record Answer(int status, Headers headers, byte[] body) {}

    /** Carries an attempt's error and whether it may be repeated through Failsafe; never escapes. */
    private static final class FailedAttempt extends RuntimeException {
        private final IbmApiException exception;
        private final boolean retryable;

        private final IbmRequest request;

        FailedAttempt(IbmRequest request, IbmApiException exception, boolean retryable) {
            super(null, null, false, false);
            this.request = request;
            this.exception = exception;
            this.retryable = retryable;
        }
    }
}
