package dev.regionguard.telemetry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * Which protection a log line is about: the MDC key {@value #KEY} holds {@code kind/namespace/name}, so
 * text and JSON logs carry it alike and no message repeats it. Pool threads get it from the thread that
 * submitted the task ({@link #propagating}).
 */
public final class LogContext {
    public static final String KEY = "protection";

    private LogContext() {}

    /** Sets the protection until the returned scope closes, then restores what was there before. */
    public static Scope of(String kind, String namespace, String name) {
        String previous = MDC.get(KEY);
        MDC.put(KEY, kind + "/" + namespace + "/" + name);
        return () -> restore(previous);
    }

    public static Scope of(HasMetadata resource) {
        return of(
                resource.getKind(),
                resource.getMetadata().getNamespace(),
                resource.getMetadata().getName());
    }

    /** An executor whose tasks run with the MDC of the thread that submitted them. */
    public static ExecutorService propagating(ExecutorService delegate) {
        return new Propagating(delegate);
    }

    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }

    /** A log context that ends without checked exceptions. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Propagating extends AbstractExecutorService {
        private final ExecutorService delegate;

        Propagating(ExecutorService delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            Map<String, String> context = MDC.getCopyOfContextMap();
            delegate.execute(() -> {
                Map<String, String> before = MDC.getCopyOfContextMap();
                setContext(context);
                try {
                    task.run();
                } finally {
                    setContext(before);
                }
            });
        }

        private static void setContext(Map<String, String> context) {
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }
    }
}
