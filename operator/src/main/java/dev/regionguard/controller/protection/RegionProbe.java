package dev.regionguard.controller.protection;

import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.spec.ProtectedSide;

/**
 * One cheap read that proves a region serves the protection. It runs on the probe pool inside a
 * deadline ({@link ProbeCalls}); its HTTP client must register its calls there so that the deadline
 * can cancel them.
 */
public interface RegionProbe<P> {

    /**
     * Returns when the side answers.
     *
     * @throws IbmApiException when the region fails (5xx, no answer) or answers with an error
     * @throws ProbeInconclusive when the region answered but the answer blames the protection's own
     *     set-up, not the region (a project that is not active, an app without an endpoint)
     */
    void probe(P protection, ProtectedSide side, ApiKey key);
}
