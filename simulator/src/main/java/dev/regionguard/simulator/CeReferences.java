package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * Look-ups of the resources a spec names. A reference to something missing or being deleted is a 400
 * that says which field points where: clients must create in dependency order.
 */
final class CeReferences {

    private CeReferences() {}

    static CeResource require(CeProject project, CeKind kind, String name, String field) {
        CeResource target = project.live(kind, name);
        if (target == null) {
            throw ApiException.badRequest("Field '" + field + "' refers to the " + kind.label() + " '" + name
                    + "', which does not exist in this project");
        }
        return target;
    }

    /** A secret of one of the formats (any format when none are given). */
    static CeResource secret(CeProject project, String name, String field, String... formats) {
        CeResource secret = require(project, CeKinds.SECRETS, name, field);
        String format = secret.text("format");
        if (formats.length > 0 && !Arrays.asList(formats).contains(format)) {
            throw ApiException.badRequest("Field '" + field + "' needs a secret of format "
                    + String.join(" or ", formats) + ", but '" + name + "' is " + format);
        }
        return secret;
    }

    /** {@code component{name, resource_type}} naming an existing resource of an allowed kind. */
    static CeResource component(CeProject project, JsonNode component, String field, List<CeKind> kinds) {
        String name = component.path("name").textValue();
        String type = component.path("resource_type").textValue();
        if (name == null || type == null) {
            throw ApiException.badRequest("Field '" + field + "' needs 'name' and 'resource_type'");
        }
        CeKind kind = kinds.stream()
                .filter(k -> k.resourceType().equals(type))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("Field '" + field + ".resource_type' must be one of "
                        + kinds.stream().map(k -> k.resourceType()).toList() + ", not '" + type + "'"));
        return require(project, kind, name, field + ".name");
    }

    /** A required text member of a nested object, or 400. */
    static String requiredText(JsonNode node, String member, String field) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw ApiException.badRequest("Field '" + field + "." + member + "' is required and must be a string");
        }
        return value.textValue();
    }
}
