package dev.regionguard.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
        serve(exchange, fault, null, stats, kind, service, answer);
    }

    /** As above; {@code injected} (or null) may then lose or poison the processed call's answer. */
    static void serve(
            HttpExchange exchange,
            FaultOutcome fault,
            FaultControls injected,
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
            case PROCEED -> proceed(exchange, injected, stats, kind, service, answer);
        }
    }

    private static void proceed(
            HttpExchange exchange,
            FaultControls injected,
            StatsRecorder stats,
            CallKind kind,
            IbmService service,
            Answer answer)
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
        FaultKind after = injected == null
                ? null
                : injected.afterCall(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        ListPoison.listKey(reply) != null);
        if (after == null) {
            stats.record(kind, reply.status());
            HttpIo.send(exchange, reply);
            return;
        }
        LOG.debug("Injected {} on {} {}", after, exchange.getRequestMethod(), exchange.getRequestURI());
        switch (after) {
            case LOST_RESET -> {
                stats.record(kind, CallStats.NO_RESPONSE);
                exchange.close();
            }
            case LOST_TIMEOUT -> {
                stats.record(kind, CallStats.NO_RESPONSE);
                awaitRelease(FaultOutcome.hold(new CountDownLatch(1)));
                exchange.close();
            }
            case LOST_504 -> {
                stats.record(kind, 504);
                HttpIo.sendError(exchange, service, new ApiException(504, "gateway_timeout", "Gateway timeout"));
            }
            default -> {
                Reply poisoned = ListPoison.apply(
                        after,
                        reply,
                        exchange.getRequestURI(),
                        "http://127.0.0.1:" + exchange.getLocalAddress().getPort());
                stats.record(kind, poisoned.status());
                HttpIo.send(exchange, poisoned);
            }
        }
    }

    private static void awaitRelease(FaultOutcome fault) {
        try {
            fault.release().await(FaultControls.BLACKHOLE_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
