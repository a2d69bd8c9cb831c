package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** Checks IBM's platform error body: status_code, trace (a UUID), errors[code, message, more_info]. */
final class IbmErrorAssert {

    private IbmErrorAssert() {}

    /** Returns errors[0] for further checks. */
    static JsonNode assertIbmError(SimClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("status_code").asInt()).isEqualTo(status);
        assertThat(UUID.fromString(body.get("trace").asText())).isNotNull();
        assertThat(body.get("errors")).hasSize(1);
        JsonNode error = body.get("errors").get(0);
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("more_info").asText()).startsWith("https://");
        return error;
    }
}
