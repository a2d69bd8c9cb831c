package dev.regionguard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A regional reference rewritten to the target region's own value, whichever region is the source. */
class RegionalNameTest {
    private final List<RegionalName> registries = RegionalName.of(
            "us-south", Map.of("eu-de", Map.of("us.icr.io", "de.icr.io"), "eu-gb", Map.of("us.icr.io", "uk.icr.io")));

    @Test
    void aStandbyGetsItsOwnValueFromThePrimaryAndFromTheOtherStandby() {
        assertThat(RegionalName.table(registries, "eu-de"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("us.icr.io", "de.icr.io", "uk.icr.io", "de.icr.io"));
    }

    @Test
    void thePrimarysRegionGetsItsOwnValueBackFromEveryStandby() {
        assertThat(RegionalName.table(registries, "us-south"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("de.icr.io", "us.icr.io", "uk.icr.io", "us.icr.io"));
    }

    @Test
    void aRegionWithNoValueOfItsOwnGetsNoRewrite() {
        assertThat(RegionalName.table(registries, "jp-tok")).isEmpty();
        List<RegionalName> onlyOneStandby = RegionalName.of("us-south", Map.of("eu-de", Map.of("a", "b")));
        assertThat(RegionalName.table(onlyOneStandby, "eu-gb")).isEmpty();
    }
}
