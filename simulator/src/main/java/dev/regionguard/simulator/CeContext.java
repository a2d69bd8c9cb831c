package dev.regionguard.simulator;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What all Code Engine regions of one simulator share: clock, timings, tags, domain claims, broken images. */
final class CeContext {

    private final SimClock clock;
    private final Supplier<String> baseUrl;
    private final CeTimings timings = new CeTimings();
    private final EntityTags tags = new EntityTags();
    private final DomainClaims domainClaims = new DomainClaims();
    private final Set<String> failingImages = ConcurrentHashMap.newKeySet();

    CeContext(SimClock clock, Supplier<String> baseUrl) {
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    Instant now() {
        return clock.now();
    }

    String timestamp() {
        return clock.nextTimestamp();
    }

    CeTimings timings() {
        return timings;
    }

    String nextEntityTag() {
        return tags.next();
    }

    DomainClaims domainClaims() {
        return domainClaims;
    }

    /** {@code <base>/<region>/codeengine/v2}, the simulator's stand-in for {@code https://api.<region>.codeengine.cloud.ibm.com/v2}. */
    String apiUrl(String region) {
        return baseUrl.get() + "/" + region + "/codeengine/v2";
    }

    /** Where the simulator serves an app's traffic. */
    String appUrl(String region, String projectId, String appName) {
        return baseUrl.get() + "/apps/" + region + "/" + projectId + "/" + appName + "/";
    }

    void failImage(String imageReference) {
        failingImages.add(imageReference);
    }

    void healImage(String imageReference) {
        failingImages.remove(imageReference);
    }

    boolean imageFails(String imageReference) {
        return failingImages.contains(imageReference);
    }
}
