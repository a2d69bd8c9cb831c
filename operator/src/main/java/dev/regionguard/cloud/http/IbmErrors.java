package dev.regionguard.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Turns IBM's failure answers into {@link IbmApiException}. Only IBM's own message, code and trace
 * are kept: never request bodies, headers or tokens; the message is bounded and scrubbed ({@link ErrorText}).
 */
final class IbmErrors {
    private IbmErrors() {}

    /**
     * An HTTP error answer. IBM's body is {@code {"status_code","trace","errors":[{"code","message"}]}};
     * the message falls back to {@code error}, {@code message}, {@code errorMessage} (IAM), then
     * {@code HTTP <status>}.
     */
    static IbmApiException fromAnswer(
            int status, ErrorCategory category, byte[] body, String headerTrace, String region, Duration retryAfter) {
        JsonNode json = Json.parse(body).orElse(MissingNode.getInstance());
        JsonNode firstError = json.path("errors").path(0);
        String message = firstText(firstError, "message", json, "error", "message", "errorMessage");
        String code = Json.text(firstError, "code");
        if (code == null) {
            code = Json.text(json, "errorCode");
        }
        String trace = Json.text(json, "trace");
        if (trace == null) {
            trace = headerTrace;
        }
        return new IbmApiException(
                status,
                category,
                code,
                message == null ? "HTTP " + status : ErrorText.safe(message),
                trace,
                region,
                retryAfter,
                null);
    }

    /** No answer at all: refused, reset, timed out. The cause keeps the transport detail. */
    static IbmApiException noAnswer(String region, IOException cause) {
        // OkHttp's transport messages name hosts and addresses, never headers or bodies
        String what = cause instanceof InterruptedIOException
                ? "timed out"
                : cause.getClass().getSimpleName();
        String detail = cause.getMessage() == null ? what : what + ": " + ErrorText.safe(cause.getMessage());
        return new IbmApiException(
                0,
                ErrorCategory.UNREACHABLE,
                null,
                "no answer from IBM Cloud (" + detail + ")",
                null,
                region,
                null,
                cause);
    }

    static IbmApiException interrupted(String region, Throwable cause) {
        return new IbmApiException(
                0, ErrorCategory.UNREACHABLE, null, "interrupted while calling IBM Cloud", null, region, null, cause);
    }

    static IbmApiException unexpected(int status, String message, String region) {
        return new IbmApiException(status, ErrorCategory.UNEXPECTED, null, message, null, region, null, null);
    }

    private static String firstText(JsonNode firstError, String errorField, JsonNode body, String... bodyFields) {
        String text = Json.text(firstError, errorField);
        for (int i = 0; text == null && i < bodyFields.length; i++) {
            text = Json.text(body, bodyFields[i]);
        }
        return text;
    }
}
