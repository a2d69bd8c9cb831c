package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /secrets}: data keys per format, GET returns the data. PUT replaces format (which must stay
 * the same) and data. The project's system secrets ({@code generated_by: system}) cannot be changed.
 */
final class CeSecretKind extends CeKind {

    static final String GENERATED_BY = "generated_by";

    private static final Map<String, String> RESOURCE_TYPES = Map.of(
            "generic", "secret_generic_v2",
            "basic_auth", "secret_basic_auth_v2",
            "registry", "secret_registry_v2",
            "ssh_auth", "secret_auth_ssh_v2",
            "tls", "secret_tls_v2",
            "hmac_auth", "secret_hmac_auth_v2",
            "service_access", "secret_service_access_v2",
            "service_operator", "secret_operator_v2");
    private static final Map<String, List<String>> REQUIRED_KEYS = Map.of(
            "basic_auth", List.of("username", "password"),
            "registry", List.of("username", "password", "server"),
            "ssh_auth", List.of("ssh_key"),
            "tls", List.of("tls_cert", "tls_key"),
            "hmac_auth", List.of("access_key_id", "secret_access_key"));
    private static final Map<String, List<String>> OPTIONAL_KEYS = Map.of(
            "registry", List.of("email"),
            "ssh_auth", List.of("known_hosts"));

    CeSecretKind() {
        super(
                "secrets",
                "secret",
                "secret_v2",
                CeNames.SUBDOMAIN,
                Update.PUT,
                CeSchema.of("secret")
                        .oneOf("format", null, RESOURCE_TYPES.keySet().toArray(String[]::new))
                        .optional("data", CeSchema.Type.STRING_MAP)
                        .createOnly("service_access", CeSchema.Type.OBJECT, false)
                        .createOnly("service_operator", CeSchema.Type.OBJECT, false));
    }

    @Override
    String listFilter() {
        return "format";
    }

    @Override
    String resourceType(CeResource resource) {
        return RESOURCE_TYPES.get(resource.text("format"));
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        String format = spec.get("format").textValue();
        if (existing != null && !format.equals(existing.text("format"))) {
            throw ApiException.badRequest("The format of secret '" + existing.key() + "' is " + existing.text("format")
                    + " and cannot be changed");
        }
        refuseUnless(spec, "service_access", format);
        refuseUnless(spec, "service_operator", format);
        switch (format) {
            case "generic" -> CeConfigMapKind.checkDataKeys(spec);
            case "service_access" -> serviceAccess(spec);
            case "service_operator" -> serviceOperator(spec);
            default -> fixedKeys(spec, format);
        }
    }

    private static void refuseUnless(ObjectNode spec, String field, String format) {
        if (spec.has(field) && !field.equals(format)) {
            throw ApiException.badRequest("Field '" + field + "' only belongs to secrets of format " + field);
        }
    }

    private static void fixedKeys(ObjectNode spec, String format) {
        JsonNode data = spec.path("data");
        List<String> required = REQUIRED_KEYS.get(format);
        List<String> allowed = new ArrayList<>(required);
        allowed.addAll(OPTIONAL_KEYS.getOrDefault(format, List.of()));
        for (String key : required) {
            if (data.path(key).asText().isEmpty()) {
                throw ApiException.badRequest("A " + format + " secret needs data." + key);
            }
        }
        data.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw ApiException.badRequest(
                        "A " + format + " secret takes the data keys " + allowed + ", not '" + key + "'");
            }
        });
    }

    private static void serviceAccess(ObjectNode spec) {
        if (spec.has("data") && !spec.get("data").isEmpty()) {
            throw ApiException.badRequest("A service_access secret takes no data: Code Engine creates the credentials");
        }
        JsonNode access = spec.get("service_access");
        if (access == null) {
            throw ApiException.badRequest("A service_access secret needs the field 'service_access'");
        }
        // IBM requires only the service instance: without a resource_key, Code Engine creates the credential
        if (access.has("resource_key")) {
            CeReferences.requiredText(access.path("resource_key"), "id", "service_access.resource_key");
        }
        CeReferences.requiredText(access.path("service_instance"), "id", "service_access.service_instance");
    }

    private static void serviceOperator(ObjectNode spec) {
        if (spec.has("data") && !spec.get("data").isEmpty()) {
            throw ApiException.badRequest("A service_operator secret takes no data");
        }
        JsonNode operator = spec.get("service_operator");
        if (operator == null
                || !operator.path("resource_group_ids").isArray()
                || operator.path("resource_group_ids").isEmpty()) {
            throw ApiException.badRequest("A service_operator secret needs 'service_operator.resource_group_ids'");
        }
    }

    @Override
    void created(CeProject project, CeResource resource, Instant now) {
        resource.serverFields().put(GENERATED_BY, "user");
        if (resource.spec().get("service_operator") instanceof ObjectNode operator) {
            // the API key is made by the server and shown on GET
            operator.put("apikey_id", "ApiKey-" + UUID.randomUUID());
            operator.put("user_managed", false);
        }
    }

    @Override
    void checkChangeable(CeResource resource) {
        if ("system".equals(resource.serverFields().path(GENERATED_BY).textValue())) {
            throw new ApiException(
                    403,
                    "forbidden",
                    "The secret '" + resource.key() + "' is managed by Code Engine and cannot be changed or deleted");
        }
    }

    /**
     * {@code ce-auto-icr-private-<region>}: the registry secret every new project starts with, for
     * pulling from IBM Container Registry over the private network.
     */
    static CeResource systemRegistrySecret(CeProject project, String createdAt, String entityTag) {
        ObjectNode spec = Json.object().put("format", "registry");
        spec.putObject("data")
                .put("username", "iamapikey")
                .put(
                        "password",
                        UUID.randomUUID().toString().replace("-", "")
                                + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .put("server", "private." + registryDomain(project.region()));
        CeResource secret = new CeResource(
                CeKinds.SECRETS,
                "ce-auto-icr-private-" + project.region(),
                UUID.randomUUID().toString(),
                createdAt,
                spec,
                entityTag);
        secret.serverFields().put(GENERATED_BY, "system");
        return secret;
    }

    /** IBM Container Registry's regional domain. */
    static String registryDomain(String region) {
        return switch (region) {
            case "us-south", "us-east" -> "us.icr.io";
            case "eu-de" -> "de.icr.io";
            case "eu-gb" -> "uk.icr.io";
            case "eu-es" -> "es.icr.io";
            case "jp-tok" -> "jp.icr.io";
            case "jp-osa" -> "jp2.icr.io";
            case "au-syd" -> "au.icr.io";
            case "ca-tor" -> "ca.icr.io";
            case "br-sao" -> "br.icr.io";
            default -> "icr.io";
        };
    }
}
