package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NamedObjectCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final Map<String, String> api = new HashMap<>();
    private final Map<String, Integer> reads = new HashMap<>();
    private RuntimeException outage;

    private final NamedObjectCache<String> cache = new NamedObjectCache<>(
            (ns, name) -> {
                reads.merge(ns + "/" + name, 1, Integer::sum);
                if (outage != null) {
                    throw outage;
                }
                return api.get(ns + "/" + name);
            },
            Duration.ofSeconds(10),
            Duration.ofSeconds(2),
            now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void manyPassesWithinThePeriodCostOneRead() {
        api.put("a/key", "v1");

        for (int pass = 0; pass < 200; pass++) {
            assertThat(cache.get("a", "key")).contains("v1");
        }

        assertThat(reads).containsEntry("a/key", 1);
    }

    @Test
    void aChangeIsSeenOnceThePeriodIsOver() {
        api.put("a/key", "v1");
        cache.get("a", "key");
        api.put("a/key", "v2");

        advance(Duration.ofSeconds(9));
        assertThat(cache.get("a", "key")).contains("v1");
        advance(Duration.ofSeconds(1));
        assertThat(cache.get("a", "key")).contains("v2");
        assertThat(reads).containsEntry("a/key", 2);
    }

    @Test
    void aMissingObjectIsAskedAgainSooner() {
        assertThat(cache.get("a", "later")).isEmpty();
        api.put("a/later", "created");

        advance(Duration.ofSeconds(1));
        assertThat(cache.get("a", "later")).isEmpty();
        advance(Duration.ofSeconds(1));
        assertThat(cache.get("a", "later")).contains("created");
    }

    @Test
    void namespacesAreKeptApart() {
        api.put("a/key", "in a");

        assertThat(cache.get("b", "key")).isEmpty();
        assertThat(cache.get("a", "key")).contains("in a");
    }

    @Test
    void anUnreachableApiKeepsTheLastValueAndFailsWithoutOne() {
        api.put("a/key", "v1");
        cache.get("a", "key");
        outage = new IllegalStateException("API down");

        advance(Duration.ofSeconds(30));
        assertThat(cache.get("a", "key")).contains("v1");
        assertThatThrownBy(() -> cache.get("a", "never-read")).isSameAs(outage);
    }
}
