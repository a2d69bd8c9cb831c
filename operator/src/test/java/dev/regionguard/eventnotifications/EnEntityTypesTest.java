package dev.regionguard.eventnotifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionguard.spec.EntitySelection;
import dev.regionguard.sync.EntityType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnEntityTypesTest {

    @Test
    void allIsInRestoreOrder() {
        assertThat(EnEntityTypes.all())
                .extracting(EntityType::name)
                .containsExactly(
                        "integration",
                        "source",
                        "smtp_config",
                        "smtp_user",
                        "destination",
                        "template",
                        "topic",
                        "subscription",
                        "tag_subscription");
    }

    @Test
    void everyTypeDependsOnlyOnEarlierTypes() {
        var all = EnEntityTypes.all();
        for (int i = 0; i < all.size(); i++) {
            var earlier = all.subList(0, i).stream().map(EntityType::name).toList();
            assertThat(earlier).as(all.get(i).name()).containsAll(all.get(i).dependsOn());
        }
    }

    @Test
    void selectAddsWhatTheChosenTypesReferenceAndKeepsRestoreOrder() {
        assertThat(EntitySelection.withReferences(EnEntityTypes.all(), Set.of("subscription")))
                .extracting(EntityType::name)
                .containsExactly("source", "destination", "template", "topic", "subscription");
        assertThat(EntitySelection.withReferences(EnEntityTypes.all(), Set.of("template", "integration")))
                .extracting(EntityType::name)
                .containsExactly("integration", "template");
        assertThat(EntitySelection.withReferences(EnEntityTypes.all(), Set.of("smtp_user")))
                .extracting(EntityType::name)
                .containsExactly("smtp_config", "smtp_user");
        assertThat(EntitySelection.withReferences(EnEntityTypes.all(), Set.of()))
                .hasSize(8)
                .extracting(EntityType::name)
                .doesNotContain("tag_subscription");
        assertThat(EntitySelection.withReferences(EnEntityTypes.all(), null)).hasSize(8);
        assertThat(EntitySelection.withReferences(EnEntityTypes.all(), Set.of("tag_subscription")))
                .extracting(EntityType::name)
                .containsExactly("destination", "tag_subscription");
    }

    @Test
    void selectRejectsUnknownNames() {
        assertThatThrownBy(() -> EntitySelection.withReferences(EnEntityTypes.all(), Set.of("topic", "tags")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[tags]")
                .hasMessageContaining("subscription");
    }

    @Test
    void eachTypeHasItsCollection() {
        assertThat(EnEntityTypes.all())
                .extracting(EnEntityTypes::kind)
                .containsExactly(
                        EnKind.INTEGRATION,
                        EnKind.SOURCE,
                        EnKind.SMTP_CONFIG,
                        EnKind.SMTP_USER,
                        EnKind.DESTINATION,
                        EnKind.TEMPLATE,
                        EnKind.TOPIC,
                        EnKind.SUBSCRIPTION,
                        EnKind.TAG_SUBSCRIPTION);
    }
}
