package dev.regionguard.simulator;

import java.util.concurrent.CountDownLatch;

/** What the fault controls decided for one call. */
record FaultOutcome(
        Action action, int status, String code, String message, long retryAfterSeconds, CountDownLatch release) {

    enum Action {
        PROCEED,
        RESPOND,
        CLOSE,
        HOLD_THEN_CLOSE
    }

    static final FaultOutcome PROCEED = new FaultOutcome(Action.PROCEED, 0, null, null, 0, null);
    static final FaultOutcome CLOSE = new FaultOutcome(Action.CLOSE, 0, null, null, 0, null);

    static FaultOutcome respond(int status, String code, String message) {
        return new FaultOutcome(Action.RESPOND, status, code, message, 0, null);
    }

    static FaultOutcome throttled(long retryAfterSeconds) {
        return new FaultOutcome(
                Action.RESPOND, 429, "too_many_requests", "Rate limit exceeded, retry later", retryAfterSeconds, null);
    }

    static FaultOutcome hold(CountDownLatch release) {
        return new FaultOutcome(Action.HOLD_THEN_CLOSE, 0, null, null, 0, release);
    }
}
