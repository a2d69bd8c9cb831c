package dev.regionguard.sync;

import java.util.concurrent.CompletableFuture;

/** The awaited result of one store call: a value, or how it failed. */
record Attempt<T>(T value, Failure failure) {

    static <T> Attempt<T> of(CompletableFuture<T> call) {
        try {
            return new Attempt<>(call.join(), null);
        } catch (RuntimeException e) {
            return new Attempt<>(null, Failure.of(e));
        }
    }

    static <T> Attempt<T> done(T value) {
        return new Attempt<>(value, null);
    }

    boolean failed() {
        return failure != null;
    }
}
