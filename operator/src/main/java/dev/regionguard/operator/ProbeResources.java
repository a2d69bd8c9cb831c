package dev.regionguard.operator;

import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IamTokenService;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.controller.protection.ProbeCalls;
import dev.regionguard.telemetry.LogContext;
import dev.regionguard.telemetry.RegionGuardMetrics;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import okhttp3.OkHttpClient;

/**
 * What the probes have to themselves, so that a region that stops answering (or a slow sync) cannot
 * starve the probes of the others: a bounded pool (a probe that finds it full is ProbeBacklog,
 * Unknown), an HTTP stack without backoff retries whose calls the probe deadline cancels, with its own
 * per-region slots and its own token cache on that stack.
 */
public record ProbeResources(ExecutorService executor, IbmHttp http) {
    /**
     * Threads: a dead region holds one thread per protection for at most healthCheck.timeout; 64 let
     * 50 protections probe a dead region and a healthy one at the same time without a wait.
     */
    public static final int THREADS = 64;

    static final int QUEUE = 1024;

    public static ProbeResources create(
            OkHttpClient shared, HttpSettings settings, String iamTokenUrl, RegionGuardMetrics metrics, Clock clock) {
        // shares the connection pool; adds the listener through which the deadline finds the calls
        OkHttpClient probes =
                shared.newBuilder().eventListenerFactory(ProbeCalls.LISTENER).build();
        IamTokenService tokens = new IamTokenService(probes, iamTokenUrl, clock, metrics);
        IbmHttp http = new IbmHttp(probes, tokens, settings.withMaxAttempts(1), metrics, clock);
        ThreadPoolExecutor pool = RegionGuardOperator.boundedPool("regionguard-probe-", THREADS, QUEUE);
        return new ProbeResources(LogContext.propagating(pool), http);
    }
}
