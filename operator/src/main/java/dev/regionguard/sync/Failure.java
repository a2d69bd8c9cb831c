package dev.regionguard.sync;

import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failed store call as the outcome reports it. IBM's summary is safe to show; any other
 * exception is a bug of ours, shown by class only (its message could carry anything).
 */
record Failure(String summary, ErrorCategory category) {
    private static final Logger LOG = LoggerFactory.getLogger(Failure.class);

    static Failure of(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IbmApiException e) {
            return new Failure(e.summary(), e.category());
        }
        // Where, but not the message: it may quote anything, a request body included.
        StackTraceElement[] trace = t.getStackTrace();
        LOG.warn("unexpected {} in a sync call at {}", t.getClass().getName(), trace.length > 0 ? trace[0] : "?");
        return new Failure("unexpected " + t.getClass().getSimpleName(), ErrorCategory.UNEXPECTED);
    }

    /** The source or a target cannot be used at all when this happens, whatever the type. */
    boolean stopsEverything() {
        return category.isCredentials() || category == ErrorCategory.UNREACHABLE;
    }
}
