package dev.regionguard.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every call to a region takes, whichever API it is for: the fault decision first (a region that
 * is down answers nothing else), then the API's answer, and each call counted once with its outcome.
 */
final class RegionalCall {

    private static final Logger LOG = LoggerFactory.getLogger(RegionalCall.class);

    /** The API's own work, run only when the faults let the call through. */
    interface Answer {
        Reply get() throws IOException;
    }

    private RegionalCall() {}

    static void serve(
            HttpExchange exchange,
            FaultOutcome fault,
            StatsRecorder stats,
            CallKind kind,
            IbmService service,
            Answer answer)
            throws IOException {
        switch (fault.action()) {
            case CLOSE -> {
                stats.record(kind, CallStats.NO_RESPONSE);
                exchange.close();
            }
            case HOLD_THEN_CLOSE -> {
                stats.record(kind, CallStats.NO_RESPONSE);
                awaitRelease(fault);
                exchange.close();
            }
            case RESPOND -> {
                stats.record(kind, fault.status());
                HttpIo.sendError(
                        exchange,
                        service,
                        new ApiException(fault.status(), fault.code(), fault.message()),
                        fault.retryAfterSeconds() > 0
                                ? Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds()))
                                : Map.of());
            }
            case PROCEED -> proceed(exchange, stats, kind, service, answer);
        }
    }

    private static void proceed(
            HttpExchange exchange, StatsRecorder stats, CallKind kind, IbmService service, Answer answer)
            throws IOException {
        Reply reply;
        try {
            reply = answer.get();
        } catch (ApiException e) {
            stats.record(kind, e.status());
            HttpIo.sendError(exchange, service, e);
            return;
        } catch (RuntimeException e) {
            LOG.warn("Simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            stats.record(kind, 500);
            HttpIo.sendError(
                    exchange, service, new ApiException(500, "internal_server_error", "Internal server error"));
            return;
        }
        stats.record(kind, reply.status());
        HttpIo.send(exchange, reply);
    }

    private static void awaitRelease(FaultOutcome fault) {
        try {
            fault.release().await(FaultControls.BLACKHOLE_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
