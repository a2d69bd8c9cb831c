package dev.regionguard.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;

/** A successful IBM Cloud answer: status, headers (e.g. {@code ETag}) and the JSON body. */
public final class IbmResponse {
    private final int status;
    private final Headers headers;
    private final JsonNode body;
    private final String region;

    IbmResponse(int status, Headers headers, JsonNode body, String region) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.region = region;
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** All headers, names lower-cased. */
    public Map<String, List<String>> headers() {
        return headers.toMultimap();
    }

    /** The parsed body; a {@link com.fasterxml.jackson.databind.node.MissingNode} when there is none (204). */
    public JsonNode body() {
        return body;
    }

    /**
     * The body as a JSON object.
     *
     * @throws IbmApiException {@link ErrorCategory#UNEXPECTED} when the body is not an object
     */
    public ObjectNode bodyObject() {
        if (body instanceof ObjectNode object) {
            return object;
        }
        throw IbmErrors.unexpected(status, "HTTP " + status + " without a JSON object body", region);
    }

    @Override
    public String toString() {
        return "IbmResponse(" + status + ")";
    }
}
