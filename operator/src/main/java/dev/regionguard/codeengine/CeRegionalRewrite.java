package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Overrides;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites a Code Engine create body's regional references with the standby's overrides: the
 * registry host of {@code image_reference} (apps, jobs, functions) and {@code output_image}
 * (builds), {@code image_secret} names and function {@code runtime}s and
 * {@code code_reference} images ({@code cr://}). A value without an override
 * stays as it is, for the region independence audit to report; except an {@code image_secret}
 * that names another region's automatic registry secret ({@code ce-auto-icr-[private-]<region>}):
 * Code Engine creates that secret per project and region, so the standby has no secret of that
 * name and the workload could never pull its image there: it is not copied ({@code MissingOverride}).
 */
final class CeRegionalRewrite {
    static final String REGISTRY_HOSTS = "registryHost";
    static final String IMAGE_SECRETS = "imageSecret";
    static final String FUNCTION_RUNTIMES = "functionRuntime";

    private static final String CODE_IMAGE = "cr://";
    private static final Pattern AUTO_REGISTRY_SECRET = Pattern.compile("ce-auto-icr-(private-)?([a-z]{2}-[a-z]{2,5})");

    private CeRegionalRewrite() {}

    /** The reason a body cannot be written without an override, or empty once rewritten in place. */
    static Optional<String> rewrite(ObjectNode body, Overrides overrides) {
        rewriteHost(body, "image_reference", overrides);
        rewriteHost(body, "output_image", overrides);
        rewriteHost(body, "code_reference", overrides);
        rewriteValue(body, "runtime", overrides, FUNCTION_RUNTIMES);
        rewriteValue(body, "image_secret", overrides, IMAGE_SECRETS);
        String secret = CeJson.text(body, "image_secret");
        var auto = secret == null ? null : AUTO_REGISTRY_SECRET.matcher(secret);
        if (auto != null
                && auto.matches()
                && overrides.region() != null
                && !auto.group(2).equals(overrides.region())) {
            return Optional.of("image_secret '" + secret + "' is the automatic registry secret of " + auto.group(2)
                    + ", which a project in " + overrides.region() + " does not have; add an imageSecrets override");
        }
        return Optional.empty();
    }

    private static void rewriteHost(ObjectNode body, String field, Overrides overrides) {
        String value = CeJson.text(body, field);
        if (value == null) {
            return;
        }
        // A function's code_reference names an image as cr://<host>/<namespace>/<name>.
        String scheme = value.startsWith(CODE_IMAGE) ? CODE_IMAGE : "";
        String image = value.substring(scheme.length());
        int slash = image.indexOf('/');
        if (slash > 0) {
            overrides
                    .lookup(REGISTRY_HOSTS, image.substring(0, slash))
                    .ifPresent(host -> body.put(field, scheme + host + image.substring(slash)));
        }
    }

    private static void rewriteValue(ObjectNode body, String field, Overrides overrides, String table) {
        overrides.lookup(table, CeJson.text(body, field)).ifPresent(value -> body.put(field, value));
    }
}
