package dev.regionguard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.cloud.FilePart;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredTest {

    @Test
    void toStringNeverShowsTheBodyOrFileContents() {
        Desired desired = new Desired(
                "pagerduty/pd",
                Json.of("{'config':{'params':{'routing_key':'rk-s3cr3t'}}}"),
                Json.of("{'name':'pd'}"),
                List.of(new FilePart("certificate", "c.p12", "x", "s3cr3t".getBytes())),
                "d1");

        assertThat(desired.toString()).contains("pagerduty/pd", "certificate").doesNotContain("s3cr3t");
    }
}
