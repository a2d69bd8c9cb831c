package dev.regionguard.cloud.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class IbmRequestTest {
    private static final String BASE = "https://us-south.event-notifications.cloud.ibm.com/event-notifications";

    @Test
    void buildsTheUrlAndAnIdFreeRoute() {
        IbmRequest request = IbmRequest.get("us-south", BASE)
                .path("v1/instances")
                .id("inst-1")
                .path("smtp/config")
                .id("cfg/1")
                .path("users")
                .query("limit", "100")
                .query("offset", "0")
                .build();

        assertThat(request.url()).isEqualTo(BASE + "/v1/instances/inst-1/smtp/config/cfg%2F1/users?limit=100&offset=0");
        assertThat(request.route()).isEqualTo("/v1/instances/{id}/smtp/config/{id}/users");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.region()).isEqualTo("us-south");
    }

    @Test
    void onlyPostIsNonIdempotentByDefault() {
        assertThat(IbmRequest.post("us-south", BASE).build().idempotent()).isFalse();
        assertThat(IbmRequest.post("us-south", BASE).idempotent(true).build().idempotent())
                .isTrue();
        assertThat(IbmRequest.put("us-south", BASE).build().idempotent()).isTrue();
        assertThat(IbmRequest.patch("us-south", BASE).build().idempotent()).isTrue();
        assertThat(IbmRequest.delete("us-south", BASE).build().idempotent()).isTrue();
        assertThat(IbmRequest.get("us-south", BASE).build().idempotent()).isTrue();
    }

    @Test
    void expectsAny2xxUnlessNarrowed() {
        IbmRequest any = IbmRequest.get("us-south", BASE).build();
        assertThat(any.expects(200)).isTrue();
        assertThat(any.expects(204)).isTrue();
        assertThat(any.expects(302)).isFalse();
        IbmRequest narrowed =
                IbmRequest.delete("us-south", BASE).expectStatus(204).build();
        assertThat(narrowed.expects(204)).isTrue();
        assertThat(narrowed.expects(200)).isFalse();
    }

    @Test
    void rejectsEmptyIdsAndGetBodies() {
        assertThatThrownBy(() -> IbmRequest.get("us-south", BASE).id(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IbmRequest.get("us-south", BASE)
                        .jsonBody(JsonNodeFactory.instance.objectNode())
                        .build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void printsNeitherQueryNorHeadersNorBody() {
        IbmRequest request = IbmRequest.post("us-south", BASE)
                .path("v1/instances")
                .id("inst-1")
                .query("username_to_clone", "someone")
                .header("If-Match", "etag-1")
                .jsonBody(JsonNodeFactory.instance.objectNode().put("password", "hunter2"))
                .build();

        assertThat(request.toString()).isEqualTo("POST /v1/instances/{id} (us-south)");
    }

    @Test
    void multipartFormPrintsPartNamesOnly() {
        MultipartForm form = new MultipartForm()
                .text("name", "hook")
                .json("config", JsonNodeFactory.instance.objectNode().put("token", "xoxb-secret"));
        assertThat(form.toString()).isEqualTo("MultipartForm[name, config]");
    }
}
