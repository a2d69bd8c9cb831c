package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * {@code /build_runs}: one execution of a build ({@code build_name}: the build's fields,
 * overridden by the body's) or a standalone run with its own output and source. It is
 * {@code pending}, {@code running}, then {@code succeeded} with an {@code output_digest}, or
 * {@code failed} when its output image is marked as failing.
 */
final class CeBuildRunKind extends CeRunKind {

    CeBuildRunKind() {
        super(
                "build_runs",
                "build run",
                "build_run_v2",
                CeBuildKind.buildFields(CeSchema.of("build run")
                                .createOnly("build_name", CeSchema.Type.STRING, false)
                                .optional("output_image", CeSchema.Type.STRING)
                                .optional("output_secret", CeSchema.Type.STRING))
                        .oneOf("service_account", "default", "default", "manager", "reader", "writer", "none"),
                CeKinds.BUILDS,
                "output_image");
    }

    @Override
    void complete(ObjectNode spec) {
        CeKinds.BUILDS.complete(spec);
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        for (String field : new String[] {"output_image", "output_secret"}) {
            if (!spec.has(field)) {
                throw ApiException.badRequest("A build run needs 'build_name' or '" + field + "'");
            }
        }
        CeKinds.BUILDS.validate(project, spec, existing);
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        if (!view.has("build_name")) {
            view.put("build_name", resource.key());
        }
        boolean fails = resource.fails();
        String status = switch (CeRunKind.phase(resource, now)) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case DONE -> fails ? "failed" : "succeeded";
        };
        view.put("status", status);
        ObjectNode details = view.putObject("status_details");
        details.put("reason", status);
        CeRunKind.times(resource, now, details);
        if (status.equals("succeeded")) {
            details.put("output_digest", digest(resource.id()));
        }
    }

    /** Stable per run, shaped like a registry's manifest digest. */
    private static String digest(String runId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(runId.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
