package dev.regionguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionguard.api.IbmRegions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {

    static List<String> eventNotificationsRegions() {
        return IbmRegions.eventNotifications();
    }

    static List<String> codeEngineRegions() {
        return IbmRegions.codeEngine();
    }

    /** Every region IBM lists for Event Notifications. */
    @ParameterizedTest
    @MethodSource("eventNotificationsRegions")
    void acceptsEveryIbmRegion(String region) {
        assertThat(Endpoints.publicEndpoints().eventNotifications(region))
                .isEqualTo("https://" + region + ".event-notifications.cloud.ibm.com/event-notifications");
    }

    @ParameterizedTest
    @MethodSource("codeEngineRegions")
    void buildsTheCodeEngineEndpointOfEveryCodeEngineRegion(String region) {
        assertThat(Endpoints.publicEndpoints().codeEngine(region))
                .isEqualTo("https://api." + region + ".codeengine.cloud.ibm.com/v2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "us", "evil.com/x", "US-SOUTH", "us-south/../x"})
    void rejectsWhatIsNotARegion(String region) {
        assertThatThrownBy(() -> Endpoints.publicEndpoints().eventNotifications(region))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
