package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A bare JDK HTTP client for the simulator's wire format; no project client classes. */
final class SimClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final IbmCloudSimulator simulator;
    private final String apiKey;
    private final HttpClient http;
    private String token;

    SimClient(IbmCloudSimulator simulator, String apiKey) {
        this.simulator = simulator;
        this.apiKey = apiKey;
        this.http = newHttpClient();
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code <en url of region>/v1/instances/<id>} */
    String instanceUrl(String region, String instanceId) {
        return simulator.eventNotificationsUrl(region) + "/v1/instances/" + instanceId;
    }

    Response requestToken(String key) {
        String form =
                "grant_type=" + enc(IamEndpoint.APIKEY_GRANT) + "&apikey=" + enc(key) + "&response_type=cloud_iam";
        return send(HttpRequest.newBuilder(URI.create(simulator.iamUrl() + "/identity/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    String token() {
        if (token == null) {
            Response response = requestToken(apiKey);
            if (response.status() != 200) {
                throw new IllegalStateException("IAM refused: " + response.body());
            }
            token = response.json().get("access_token").asText();
        }
        return token;
    }

    void forgetToken() {
        token = null;
    }

    Response get(String url) {
        return send(authorized(url).GET().build());
    }

    Response post(String url, JsonNode body) {
        return send(authorized(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    Response put(String url, JsonNode body) {
        return send(authorized(url)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    Response patch(String url, JsonNode body) {
        return send(authorized(url)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** Code Engine's update: a JSON merge patch, with If-Match when {@code ifMatch} is not null. */
    Response mergePatch(String url, JsonNode body, String ifMatch) {
        HttpRequest.Builder request = authorized(url).header("Content-Type", "application/merge-patch+json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** Code Engine's replace of config maps and secrets, with If-Match when {@code ifMatch} is not null. */
    Response put(String url, JsonNode body, String ifMatch) {
        HttpRequest.Builder request = authorized(url).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** GET without a token, for app endpoints. */
    Response getAnonymous(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }

    Response delete(String url) {
        return send(authorized(url).DELETE().build());
    }

    Response multipart(String method, String url, Multipart form) {
        return send(authorized(url)
                .header("Content-Type", form.contentType())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(form.build()))
                .build());
    }

    HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
