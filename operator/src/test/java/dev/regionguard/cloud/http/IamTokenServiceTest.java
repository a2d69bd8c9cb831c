package dev.regionguard.cloud.http;

import static dev.regionguard.cloud.http.FakeIbmCloud.TOKEN_PREFIX;
import static dev.regionguard.cloud.http.FakeIbmCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IamTokenServiceTest {
    private static final ApiKey KEY = new ApiKey("api-key-for-tests-0123");
    private static final ApiKey OTHER_KEY = new ApiKey("another-api-key-4567");

    private final TestClock clock = TestClock.atEpochSecond(1_700_000_000L);
    private FakeIbmCloud cloud;
    private IamTokenService tokens;

    @BeforeEach
    void start() throws IOException {
        cloud = new FakeIbmCloud(clock);
        tokens = cloud.tokenService(IbmHttp.newOkHttpClient(HttpSettings.defaults()));
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void postsTheApiKeyGrantAndCachesTheTokenPerKey() {
        for (int i = 0; i < 5; i++) {
            assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 1);
        }
        assertThat(cloud.iamRequestCount()).isEqualTo(1);
        var request = cloud.iamRequests().get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getBody().utf8())
                .isEqualTo("grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=api-key-for-tests-0123"
                        + "&response_type=cloud_iam");

        assertThat(tokens.bearerToken(OTHER_KEY)).isEqualTo(TOKEN_PREFIX + 2);
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 1);
        assertThat(cloud.iamRequestCount()).isEqualTo(2);
    }

    @Test
    void concurrentCallersWithoutATokenShareOneFetch() throws InterruptedException {
        CountDownLatch releaseIam = new CountDownLatch(1);
        cloud.answerIam(request -> {
            releaseIam.await(10, TimeUnit.SECONDS);
            return cloud.issueToken();
        });
        ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread caller = new Thread(() -> results.add(tokens.bearerToken(KEY)));
            callers.add(caller);
            caller.start();
        }
        // One caller is fetching; the other seven are parked on its result
        await().atMost(Duration.ofSeconds(5))
                .until(() -> cloud.iamRequestCount() == 1
                        && callers.stream()
                                        .filter(t -> t.getState() == Thread.State.WAITING)
                                        .count()
                                == 7);

        releaseIam.countDown();
        for (Thread caller : callers) {
            caller.join(5_000);
        }
        assertThat(results).hasSize(8).containsOnly(TOKEN_PREFIX + 1);
        assertThat(cloud.iamRequestCount()).isEqualTo(1);
    }

    @Test
    void refreshesInTheBackgroundAfterEightyPercentWhileTheOldTokenStaysInUse() {
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 1);

        clock.advance(Duration.ofSeconds(2879)); // 80 % of 3600 s is 2880 s
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 1);
        assertThat(cloud.iamRequestCount()).isEqualTo(1);

        CountDownLatch releaseIam = new CountDownLatch(1);
        cloud.answerIam(request -> {
            releaseIam.await(10, TimeUnit.SECONDS);
            return cloud.issueToken();
        });
        clock.advance(Duration.ofSeconds(2));
        // The refresh is under way and blocked, yet callers are served at once with the old token
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> cloud.iamRequestCount() == 2);
        for (int i = 0; i < 3; i++) {
            assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 1);
        }
        assertThat(cloud.iamRequestCount()).as("only one refresh at a time").isEqualTo(2);

        releaseIam.countDown();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> tokens.bearerToken(KEY).equals(TOKEN_PREFIX + 2));
        assertThat(cloud.iamRequestCount()).isEqualTo(2);
    }

    @Test
    void aTokenTenSecondsBeforeExpiryIsReplacedBeforeUse() {
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 1);
        cloud.answerIam(request -> cloud.issueToken());

        clock.advance(Duration.ofSeconds(3590));
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 2);
    }

    @Test
    void invalidateForcesAFreshToken() {
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 1);
        tokens.invalidate(KEY);
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 2);
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 2);
    }

    @Test
    void aRefusedKeyIsAnAuthenticationFailureWithIamsMessageRememberedForHalfAMinute() {
        cloud.answerIam(
                request -> json(
                        400,
                        "{\"errorCode\":\"BXNIM0415E\","
                                + "\"errorMessage\":\"Provided API key could not be found.\",\"context\":{\"requestId\":\"r1\"}}"));

        assertThatThrownBy(() -> tokens.bearerToken(KEY)).isInstanceOfSatisfying(IbmApiException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("BXNIM0415E");
            assertThat(e.getMessage()).isEqualTo("Provided API key could not be found.");
            assertThat(e.summary()).doesNotContain(KEY.reveal());
        });
        cloud.answerIam(request -> cloud.issueToken());

        // within the pause every caller gets the refusal and IAM is not asked again
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> tokens.bearerToken(KEY))
                .isInstanceOfSatisfying(
                        IbmApiException.class, e -> assertThat(e.errorCode()).isEqualTo("BXNIM0415E"));
        assertThat(cloud.iamRequestCount()).isEqualTo(1);
        // another key is not held by this one's refusal
        assertThat(tokens.bearerToken(OTHER_KEY)).isEqualTo(TOKEN_PREFIX + 1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 2);
        assertThat(cloud.iamRequestCount()).isEqualTo(3);
    }

    @Test
    void aServerErrorIsNotRememberedAsARefusal() {
        cloud.answerIam(request -> json(503, "{\"errorMessage\":\"IAM is busy\"}"));
        assertThatThrownBy(() -> tokens.bearerToken(KEY)).isInstanceOf(IbmApiException.class);
        cloud.answerIam(request -> cloud.issueToken());
        assertThat(tokens.bearerToken(KEY)).isEqualTo(TOKEN_PREFIX + 1);
    }

    @Test
    void iamServerErrorsAndSilenceAreTransient() throws IOException {
        cloud.answerIam(request -> json(503, "{\"errorMessage\":\"IAM is busy\"}"));
        assertThatThrownBy(() -> tokens.bearerToken(KEY)).isInstanceOfSatisfying(IbmApiException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.SERVER);
            assertThat(e.category().isTransient()).isTrue();
        });

        OkHttpClient client = IbmHttp.newOkHttpClient(HttpSettings.defaults());
        IamTokenService unreachable = new IamTokenService(client, deadUrl() + "identity/token");
        assertThatThrownBy(() -> unreachable.bearerToken(KEY)).isInstanceOfSatisfying(IbmApiException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.UNREACHABLE);
            assertThat(e.status()).isZero();
        });
    }

    @Test
    void neverPrintsKeysOrTokens() {
        tokens.bearerToken(KEY);
        assertThat(tokens.toString()).doesNotContain(KEY.reveal()).doesNotContain(TOKEN_PREFIX);
        assertThat(KEY.toString()).doesNotContain(KEY.reveal());
    }

    /** A URL where nothing listens any more. */
    static String deadUrl() throws IOException {
        MockWebServer server = new MockWebServer();
        server.start();
        String url = server.url("/").toString();
        server.close();
        return url;
    }
}
