package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * {@code /allowed_outbound_destinations}: a CIDR block, or a private path service gateway with an
 * isolation policy. PATCH may change the CIDR block or the policy, never the type.
 */
final class CeOutboundDestinationKind extends CeKind {

    static final String CIDR_BLOCK = "cidr_block";
    static final String GATEWAY = "private_path_service_gateway";
    private static final Pattern CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)");

    CeOutboundDestinationKind() {
        super(
                "allowed_outbound_destinations",
                "allowed outbound destination",
                "allowed_outbound_destination_v2",
                CeNames.LABEL,
                Update.MERGE_PATCH,
                CeSchema.of("allowed outbound destination")
                        .oneOf("type", null, CIDR_BLOCK, GATEWAY)
                        .optional("cidr_block", CeSchema.Type.STRING)
                        .createOnly("private_path_service_gateway_crn", CeSchema.Type.STRING, false)
                        .optional("isolation_policy", CeSchema.Type.STRING));
    }

    @Override
    void complete(ObjectNode spec) {
        if (GATEWAY.equals(spec.get("type").textValue()) && !spec.has("isolation_policy")) {
            spec.put("isolation_policy", "shared");
        }
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        String type = spec.get("type").textValue();
        if (existing != null && !type.equals(existing.text("type"))) {
            throw ApiException.badRequest("The type of an allowed outbound destination cannot be changed");
        }
        if (type.equals(CIDR_BLOCK)) {
            String cidr = spec.path("cidr_block").textValue();
            if (cidr == null || !CIDR.matcher(cidr).matches()) {
                throw ApiException.badRequest("Field 'cidr_block' must be an IPv4 CIDR block such as 10.0.0.0/24");
            }
            refuse(spec, "private_path_service_gateway_crn", type);
            refuse(spec, "isolation_policy", type);
        } else {
            String crn = spec.path("private_path_service_gateway_crn").textValue();
            if (crn == null || !crn.startsWith("crn:")) {
                throw ApiException.badRequest("Field 'private_path_service_gateway_crn' must be a CRN");
            }
            String policy = spec.get("isolation_policy").textValue();
            if (!policy.equals("shared") && !policy.equals("dedicated")) {
                throw ApiException.badRequest("Field 'isolation_policy' must be shared or dedicated");
            }
            refuse(spec, "cidr_block", type);
        }
    }

    private static void refuse(ObjectNode spec, String field, String type) {
        if (spec.has(field)) {
            throw ApiException.badRequest("Field '" + field + "' does not apply to type " + type);
        }
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        status(view, "ready", "ready");
    }
}
