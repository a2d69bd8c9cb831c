package dev.regionguard.telemetry;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Log events as they were when logged: MDC and thread fixed at once, not read later from the test thread. */
final class CapturedLogs extends ListAppender<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        super.append(event);
    }
}
