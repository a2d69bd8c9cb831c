package dev.regionguard.cloud.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTextTest {
    private static final String API_KEY = "0aBcD3fGhIjKlMnOpQrStUvWxYz_0123456789-AbCdEf"; // 44 characters, IBM's shape

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "Authorization: Bearer eyJraWQiOiIyMDI2In0.payload.sig was refused | Authorization: Bearer [redacted] was refused",
                "invalid field apikey=s3cr3t-value in request                     | invalid field apikey=[redacted] in request",
                "'{\"password\": \"hunter2\"}' is not allowed                      | '{\"password\": \"[redacted]\"}' is not allowed",
                "webhook https://user:pa55@hooks.example.com/x unreachable          | webhook https://[redacted]@hooks.example.com/x unreachable",
                "token=abc&x=1 rejected                                            | token=[redacted]&x=1 rejected",
            })
    void credentialsInIbmsTextAreRedacted(String text, String expected) {
        assertThat(ErrorText.safe(text)).isEqualTo(expected);
    }

    @Test
    void aBareKeyLikeRunIsRedactedButIdsStayReadable() {
        String text = "key " + API_KEY + " for instance 2f1e5a6c-8b3d-4c1e-9a7f-0d2b4c6e8f10 in us-south";

        assertThat(ErrorText.safe(text))
                .isEqualTo("key [redacted] for instance 2f1e5a6c-8b3d-4c1e-9a7f-0d2b4c6e8f10 in us-south");
    }

    @Test
    void ordinaryMessagesAreUnchanged() {
        String text =
                "Destination 'orders-webhook-for-the-payments-team-eu-2026' already exists (crn:v1:bluemix:public:event-notifications"
                        + ":us-south:a/4329073d16d2f3663f74bfa955259139:2f1e5a6c-8b3d-4c1e-9a7f-0d2b4c6e8f10::)";

        assertThat(ErrorText.safe(text)).isEqualTo(text);
    }

    @Test
    void aHexTokenIsRedacted() {
        assertThat(ErrorText.safe("signature 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 invalid"))
                .isEqualTo("signature [redacted] invalid");
    }

    @Test
    void longTextIsCutAtTheBound() {
        String text = "word ".repeat(200);

        assertThat(ErrorText.safe(text)).hasSize(ErrorText.MAX + 1).endsWith("…");
        assertThat(ErrorText.safe(null)).isNull();
    }
}
