package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Code Engine: each app of spec.apps answers its health path on the standby (a cold standby starts an
 * instance for it, and the time it took is recorded), and each named job runs to completion there.
 */
public class CeVerificationSpec extends VerificationSpec {
    @Size(max = 10)
    @JsonPropertyDescription(
            "Names of jobs run once on the standby project per proof; a run must succeed. Empty: apps only.")
    public List<String> jobs = new ArrayList<>();
}
