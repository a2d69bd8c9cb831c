package dev.regionguard.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LaneTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsAtMostItsLimitAtOnceAndStartsTheRestAsSlotsFree() {
        Lane lane = new Lane(pool, 2);
        Semaphore gate = new Semaphore(0);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            calls.add(lane.submit(() -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                started.incrementAndGet();
                gate.acquireUninterruptibly();
                inFlight.decrementAndGet();
                return n;
            }));
        }

        for (int round = 1; round <= 3; round++) {
            int expected = 2 * round;
            await().until(() -> started.get() >= expected);
            assertThat(started.get()).isEqualTo(expected);
            gate.release(2);
        }

        assertThat(calls.stream().map(CompletableFuture::join)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(maxInFlight.get()).isEqualTo(2);
    }

    @Test
    void aFailingCallFreesItsSlot() {
        Lane lane = new Lane(pool, 1);
        CompletableFuture<Object> failing = lane.submit(() -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<String> next = lane.submit(() -> "ok");

        assertThatThrownBy(failing::join)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(next.join()).isEqualTo("ok");
    }

    @Test
    void aRejectedCallFailsInsteadOfHanging() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        Lane lane = new Lane(stopped, 1);

        CompletableFuture<String> first = lane.submit(() -> "never");
        CompletableFuture<String> second = lane.submit(() -> "never");

        assertThatThrownBy(first::join).hasCauseInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(second::join).hasCauseInstanceOf(RejectedExecutionException.class);
    }
}
