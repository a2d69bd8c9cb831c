package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionguard.api.EventNotificationsProtection;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One sync at a time per protection: the periodic pass and a Relocate's final sync share one lock. */
class ProtectionSyncLockTest {
    private static EventNotificationsProtection protection(String uid) {
        EventNotificationsProtection enp = new EventNotificationsProtection();
        enp.setMetadata(new ObjectMetaBuilder()
                .withName("orders-" + uid)
                .withNamespace("shop")
                .withUid(uid)
                .build());
        return enp;
    }

    @Test
    void aSecondSyncOfTheSameProtectionWaitsForTheFirstAndAnotherProtectionDoesNot() throws Exception {
        ProtectionRuntimes runtimes = new ProtectionRuntimes();
        CountDownLatch passRunning = new CountDownLatch(1);
        CountDownLatch endPass = new CountDownLatch(1);
        CompletableFuture<String> pass = CompletableFuture.supplyAsync(() -> runtimes.get(protection("a"))
                .exclusively(() -> {
                    passRunning.countDown();
                    await().atMost(Duration.ofSeconds(60)).until(() -> endPass.getCount() == 0);
                    return "pass";
                }));
        assertThat(passRunning.await(60, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean finalSyncRan = new AtomicBoolean();
        CompletableFuture<String> finalSync = CompletableFuture.supplyAsync(
                () -> runtimes.get(protection("a")).exclusively(() -> {
                    finalSyncRan.set(true);
                    return "final sync";
                }));
        String other = runtimes.get(protection("b")).exclusively(() -> "other protection");

        assertThat(other).as("another protection is not held").isEqualTo("other protection");
        // held for as long as the pass runs: watched for a while, far longer than an uncontended call takes
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(finalSyncRan).isFalse());
        endPass.countDown();
        assertThat(finalSync.get(60, TimeUnit.SECONDS)).isEqualTo("final sync");
        assertThat(pass.get(60, TimeUnit.SECONDS)).isEqualTo("pass");
    }
}
