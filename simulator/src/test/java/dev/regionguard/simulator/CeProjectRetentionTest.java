package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A soft-deleted project stays for the retention period (IBM: 7 days), then is permanently deleted. */
class CeProjectRetentionTest {

    @Test
    void theRetentionIsIbmsSevenDays() {
        assertThat(new CeTimings().softDeleteRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aSoftDeletedProjectIsGoneAfterTheRetentionAndFreesItsName() {
        CeContext context = new CeContext(new SimClock(), () -> "http://127.0.0.1:1");
        context.timings().deleteCompletes(Duration.ZERO);
        context.timings().softDeleteRetention(Duration.ofSeconds(2)); // long enough for the asserts before it ends
        CeRegion region = new CeRegion("eu-de", context);
        CeProject project = region.create("p-1", "short-lived", "rg", Duration.ZERO);

        project.startDeleting();

        assertThat(project.status(context.now())).isEqualTo("soft_deleted");
        assertThat(region.find("p-1")).isSameAs(project);
        assertThatThrownBy(() -> region.create("p-2", "short-lived", "rg", Duration.ZERO))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("soft-deleted");
        CeFixtures.eventually().until(() -> region.find("p-1") == null);
        assertThat(region.all()).isEmpty();
        assertThat(region.create("p-2", "short-lived", "rg", Duration.ZERO).status(context.now()))
                .isEqualTo("active");
    }
}
