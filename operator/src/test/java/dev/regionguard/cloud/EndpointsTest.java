package dev.regionguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {

    /** Every region IBM lists for Event Notifications and for Code Engine. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "us-south",
                "eu-gb",
                "au-syd",
                "eu-de",
                "eu-es",
                "ca-tor",
                "jp-tok",
                "jp-osa",
                "br-sao",
                "ca-mon",
                "us-east",
                "in-che",
                "in-mum"
            })
    void acceptsEveryIbmRegion(String region) {
        assertThat(Endpoints.publicEndpoints().eventNotifications(region))
                .isEqualTo("https://" + region + ".event-notifications.cloud.ibm.com/event-notifications");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "us", "evil.com/x", "US-SOUTH", "us-south/../x"})
    void rejectsWhatIsNotARegion(String region) {
        assertThatThrownBy(() -> Endpoints.publicEndpoints().eventNotifications(region))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
