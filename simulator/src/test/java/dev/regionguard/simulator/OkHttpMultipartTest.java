package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Base64;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Destinations sent the way an OkHttp client sends them: parts with their own headers. */
class OkHttpMultipartTest {

    private static final MediaType JSON = MediaType.get("application/json");

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("us-south");

    @Test
    void createAndPatchADestinationWithOkHttpMultipart() throws IOException {
        IbmCloudSimulator simulator = SIM.simulator();
        String instanceId = simulator.createEventNotificationsInstance("us-south");
        String destinations =
                simulator.eventNotificationsUrl("us-south") + "/v1/instances/" + instanceId + "/destinations";
        OkHttpClient http = new OkHttpClient();
        String token = token(http, simulator);
        byte[] certificate = {1, 2, 3, '\r', '\n', '-', '-'};

        MultipartBody create = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("name", "safari")
                .addFormDataPart("type", "push_safari")
                .addFormDataPart("description", "web push")
                .addFormDataPart(
                        "config",
                        null,
                        okhttp3.RequestBody.create(
                                "{\"params\":{\"cert_type\":\"p12\",\"password\":\"pw\",\"website_url\":\"https://shop.example.com\","
                                        + "\"website_name\":\"Shop\",\"url_format_string\":\"https://shop.example.com/%@\","
                                        + "\"website_push_id\":\"web.com.example.shop\"}}",
                                JSON))
                .addFormDataPart(
                        "certificate",
                        "safari.p12",
                        okhttp3.RequestBody.create(certificate, MediaType.get("application/x-pkcs12")))
                .build();
        JsonNode created = call(http, new Request.Builder().url(destinations).post(create), token, 201);
        String id = created.get("id").asText();

        MultipartBody patch = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("description", "web push v2")
                .addFormDataPart("collect_failed_events", "false")
                .build();
        JsonNode patched =
                call(http, new Request.Builder().url(destinations + "/" + id).patch(patch), token, 200);

        assertThat(patched.get("description").asText()).isEqualTo("web push v2");
        assertThat(patched.get("config").get("params").has("password")).isFalse();
        JsonNode stored = simulator
                .eventNotificationsSnapshot("us-south", instanceId)
                .get("destinations")
                .get(2);
        assertThat(stored.get("config").get("params").get("password").asText()).isEqualTo("pw");
        assertThat(Base64.getDecoder()
                        .decode(stored.get("files")
                                .get("certificate")
                                .get("content_base64")
                                .asText()))
                .isEqualTo(certificate);
    }

    private static String token(OkHttpClient http, IbmCloudSimulator simulator) throws IOException {
        FormBody form = new FormBody.Builder()
                .add("grant_type", IamEndpoint.APIKEY_GRANT)
                .add("apikey", "ok-key")
                .build();
        Request request = new Request.Builder()
                .url(simulator.iamUrl() + "/identity/token")
                .post(form)
                .build();
        try (Response response = http.newCall(request).execute()) {
            return SimClient.JSON
                    .readTree(response.body().string())
                    .get("access_token")
                    .asText();
        }
    }

    private static JsonNode call(OkHttpClient http, Request.Builder request, String token, int expected)
            throws IOException {
        try (Response response = http.newCall(
                        request.header("Authorization", "Bearer " + token).build())
                .execute()) {
            String body = response.body().string();
            assertThat(response.code()).as(body).isEqualTo(expected);
            return SimClient.JSON.readTree(body);
        }
    }
}
