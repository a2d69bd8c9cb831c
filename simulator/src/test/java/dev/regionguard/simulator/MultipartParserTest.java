package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

    @Test
    void keepsBinaryContentThatLooksLikeDelimiters() {
        byte[] binary = "\r\n--not-the-boundary\r\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        Multipart form = new Multipart().text("name", "x").file("certificate", "c.p12", "application/x-pkcs12", binary);

        List<MultipartParser.Part> parts = MultipartParser.parse(form.contentType(), form.build());

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).text()).isEqualTo("x");
        assertThat(parts.get(1).name()).isEqualTo("certificate");
        assertThat(parts.get(1).fileName()).isEqualTo("c.p12");
        assertThat(parts.get(1).contentType()).isEqualTo("application/x-pkcs12");
        assertThat(parts.get(1).content()).isEqualTo(binary);
    }

    @Test
    void acceptsQuotedBoundariesAndEmptyParts() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n\r\n--b--\r\n";
        List<MultipartParser.Part> parts =
                MultipartParser.parse("multipart/form-data; boundary=\"b\"", body.getBytes(StandardCharsets.UTF_8));
        assertThat(parts).singleElement().satisfies(p -> assertThat(p.text()).isEmpty());
    }

    @Test
    void refusesBodiesWithoutBoundaryOrEnd() {
        assertThatThrownBy(() -> MultipartParser.parse("multipart/form-data", new byte[0]))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        byte[] truncated =
                "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MultipartParser.parse("multipart/form-data; boundary=b", truncated))
                .isInstanceOf(ApiException.class);
    }
}
