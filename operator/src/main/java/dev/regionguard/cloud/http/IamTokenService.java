package dev.regionguard.cloud.http;

import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IAM access tokens for API keys, cached per key, following IBM's SDK core:
 * <ul>
 *   <li>a token is valid while {@code now < expiration − 10 s};</li>
 *   <li>from 80 % of its lifetime one background refresh per key runs while callers keep using
 *       the still valid token (after a failed refresh the next try waits a minute);</li>
 *   <li>without a valid token callers wait for exactly one fetch per key (single flight) and
 *       all share its result, success or failure;</li>
 *   <li>a key IAM refused is not sent again for 30 s: every caller gets that refusal, so a revoked
 *       key costs IAM one request per half minute, however many probes and syncs use it (a new
 *       key in the Secret is a new key and is tried at once).</li>
 * </ul>
 */
public final class IamTokenService implements TokenProvider {
    /** The region of every IbmApiException from IAM: IAM is global, no region of a protection. */
    public static final String REGION = "global";

    private static final String ROUTE = "/identity/token";
    private static final Duration REFRESH_RETRY_PAUSE = Duration.ofSeconds(60);
    private static final Duration REFUSED_KEY_PAUSE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(IamTokenService.class);

    private final OkHttpClient http;
    private final HttpUrl tokenUrl;
    private final Clock clock;
    private final CallObserver observer;
    private final Executor refresher;
    private final Map<ApiKey, KeyTokens> keys = new ConcurrentHashMap<>();

    public IamTokenService(OkHttpClient http, String tokenUrl) {
        this(http, tokenUrl, Clock.systemUTC(), CallObserver.NONE);
    }

    public IamTokenService(OkHttpClient http, String tokenUrl, Clock clock, CallObserver observer) {
        this(http, tokenUrl, clock, observer, sharedRefresher());
    }

    /** @param refresher runs background refreshes; must not run them in the calling thread */
    public IamTokenService(OkHttpClient http, String tokenUrl, Clock clock, CallObserver observer, Executor refresher) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokenUrl = HttpUrl.get(tokenUrl);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = observer == null ? CallObserver.NONE : observer;
        this.refresher = Objects.requireNonNull(refresher, "refresher");
    }

    @Override
    public String bearerToken(ApiKey key) {
        KeyTokens tokens = keys.computeIfAbsent(Objects.requireNonNull(key, "key"), KeyTokens::new);
        Instant now = clock.instant();
        IamToken current = tokens.current;
        if (current != null && current.validAt(now)) {
            if (current.refreshDueAt(now)) {
                tokens.refreshInBackground(now);
            }
            return current.accessToken;
        }
        return tokens.awaitFetch().accessToken;
    }

    @Override
    public void invalidate(ApiKey key) {
        KeyTokens tokens = keys.get(key);
        if (tokens != null) {
            tokens.current = null;
        }
    }

    @Override
    public String toString() {
        return "IamTokenService(" + tokenUrl + ", " + keys.size() + " keys)";
    }

    /** One IAM request: POST the API key, read the token and its lifetime. */
    private IamToken fetch(ApiKey key) {
        Request request = new Request.Builder()
                .url(tokenUrl)
                .header("Accept", "application/json")
                .header("User-Agent", IbmHttp.USER_AGENT)
                .post(new FormBody.Builder()
                        .add("grant_type", "urn:ibm:params:oauth:grant-type:apikey")
                        .add("apikey", key.reveal())
                        .add("response_type", "cloud_iam")
                        .build())
                .build();
        long start = System.nanoTime();
        int status = 0;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            byte[] body = response.body().bytes();
            if (!response.isSuccessful()) {
                throw IbmErrors.fromAnswer(
                        status,
                        categoryOf(status),
                        body,
                        response.header("Transaction-Id"),
                        REGION,
                        RetryAfter.parse(response.header("Retry-After"), clock.instant()));
            }
            return IamToken.from(Json.parse(body).orElse(null), clock.instant(), status);
        } catch (IOException e) {
            throw IbmErrors.noAnswer(REGION, e);
        } finally {
            notifyObserver(status, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void notifyObserver(int status, Duration elapsed) {
        try {
            observer.onCall(REGION, "POST", ROUTE, status, elapsed);
        } catch (RuntimeException e) {
            LOG.warn("call observer failed; ignoring it", e);
        }
    }

    /** IAM refuses a wrong, deleted or disabled key with 400 (BXNIM0415E) or 401/403. */
    private static ErrorCategory categoryOf(int status) {
        return status == 400 || status == 401 || status == 403
                ? ErrorCategory.AUTHENTICATION
                : ErrorCategory.ofStatus(status);
    }

    private static Executor sharedRefresher() {
        return RefresherHolder.EXECUTOR;
    }

    /** Daemon threads, created on first use, so the token cache never keeps the JVM alive. */
    private static final class RefresherHolder {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR = newExecutor();

        private static ExecutorService newExecutor() {
            ThreadPoolExecutor executor =
                    new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                        Thread thread = new Thread(runnable, "iam-token-refresh-" + COUNT.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }
    }

    private record Refusal(IbmApiException failure, Instant until) {}

    /** The token state of one API key. */
    private final class KeyTokens {
        private final ApiKey key;
        volatile IamToken current;
        /** The fetch under way, shared by everyone who needs its result; guarded by this. */
        private CompletableFuture<IamToken> inFlight;
        /** No background refresh starts before this; guarded by this. */
        private Instant nextRefreshAllowed = Instant.MIN;

        KeyTokens(ApiKey key) {
            this.key = key;
        }

        /** IAM's last refusal of this key and until when it stands; null when none. */
        private volatile Refusal refusal;

        /** Joins the fetch under way, or runs one in this thread. */
        IamToken awaitFetch() {
            Refusal refused = refusal;
            if (refused != null && clock.instant().isBefore(refused.until())) {
                throw refused.failure();
            }
            CompletableFuture<IamToken> flight;
            boolean mine = false;
            synchronized (this) {
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    mine = true;
                }
                flight = inFlight;
            }
            if (mine) {
                runFetch(flight);
            }
            return join(flight);
        }

        void refreshInBackground(Instant now) {
            CompletableFuture<IamToken> flight;
            synchronized (this) {
                if (inFlight != null || now.isBefore(nextRefreshAllowed)) {
                    return;
                }
                nextRefreshAllowed = now.plus(REFRESH_RETRY_PAUSE);
                flight = new CompletableFuture<>();
                inFlight = flight;
            }
            try {
                refresher.execute(() -> runFetch(flight));
            } catch (RejectedExecutionException e) {
                finish(flight, null, e);
            }
            flight.whenComplete((token, failure) -> {
                if (failure != null) {
                    LOG.warn("IAM token refresh failed, the current token stays in use: {}", describe(failure));
                }
            });
        }

        private void runFetch(CompletableFuture<IamToken> flight) {
            try {
                IamToken token = fetch(key);
                current = token;
                refusal = null;
                finish(flight, token, null);
            } catch (RuntimeException e) {
                if (e instanceof IbmApiException ibm && ibm.category().isCredentials()) {
                    refusal = new Refusal(ibm, clock.instant().plus(REFUSED_KEY_PAUSE));
                }
                finish(flight, null, e);
            }
        }

        private void finish(CompletableFuture<IamToken> flight, IamToken token, RuntimeException failure) {
            synchronized (this) {
                if (inFlight == flight) {
                    inFlight = null;
                }
            }
            if (failure == null) {
                flight.complete(token);
            } else {
                flight.completeExceptionally(failure);
            }
        }

        private IamToken join(CompletableFuture<IamToken> flight) {
            try {
                return flight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw IbmErrors.interrupted(REGION, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("IAM token fetch failed", e.getCause());
            }
        }

        private String describe(Throwable failure) {
            return failure instanceof IbmApiException e
                    ? e.summary()
                    : failure.getClass().getSimpleName();
        }
    }
}
