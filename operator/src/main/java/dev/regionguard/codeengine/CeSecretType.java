package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.util.Objects;
import java.util.Set;

/**
 * Secrets (IBM Code Engine API v2). A GET returns {@code data}, so user secrets are copied as
 * they are; their values exist only in bodies, never in comparables (a keyed digest stands in),
 * messages or logs.
 *
 * <ul>
 *   <li>{@code generated_by: system} secrets (e.g. {@code ce-auto-icr-*}) are invisible: every
 *       project makes its own, so the store leaves them out of lists and the sync never counts,
 *       creates, updates or deletes them. Should one reach the type anyway, it is a built-in
 *       and its translation a skip.</li>
 *   <li>{@code service_access} and {@code service_operator} secrets are re-created from their
 *       properties; the server makes their credentials, so their {@code data} is never copied.
 *       PUT only takes {@code format} and {@code data}, so a change of properties, like a change
 *       of format, is a delete and create.</li>
 * </ul>
 */
final class CeSecretType extends CeEntityType {
    static final String SERVICE_ACCESS = "service_access";
    static final String SERVICE_OPERATOR = "service_operator";
    private static final Set<String> FROM_PROPERTIES = Set.of(SERVICE_ACCESS, SERVICE_OPERATOR);

    CeSecretType() {
        // Whether list items carry data is not documented; a GET does, so changed secrets are read
        super(CeEntityTypes.SECRET, CeKind.SECRET, Set.of(), false, Set.of("format"));
    }

    static boolean systemGenerated(ObjectNode secret) {
        return "system".equals(CeJson.text(secret, "generated_by"));
    }

    @Override
    boolean visible(ObjectNode listItem) {
        return !systemGenerated(listItem);
    }

    @Override
    public boolean builtIn(ObjectNode entity) {
        return systemGenerated(entity);
    }

    @Override
    public Translation translate(ObjectNode source, SyncContext context) {
        if (systemGenerated(source)) {
            return new Translation.Skip("SystemSecret", "made by Code Engine in every project; never copied");
        }
        return super.translate(source, context);
    }

    @Override
    public boolean needsReplace(Desired desired, ObjectNode targetComparable) {
        return super.needsReplace(desired, targetComparable)
                || FROM_PROPERTIES.contains(CeJson.text(desired.comparable(), "format"));
    }

    @Override
    ObjectNode project(ObjectNode secret) {
        ObjectNode body = CeJson.pick(secret, "name", "format");
        String format = CeJson.text(secret, "format");
        if (SERVICE_ACCESS.equals(format)) {
            putIfNotEmpty(body, SERVICE_ACCESS, serviceAccess(secret.path(SERVICE_ACCESS)));
        } else if (SERVICE_OPERATOR.equals(format)) {
            putIfNotEmpty(body, SERVICE_OPERATOR, serviceOperator(secret.path(SERVICE_OPERATOR)));
        } else if (secret.get("data") instanceof ObjectNode data) {
            body.set("data", CeJson.withoutNulls(data));
        }
        return body;
    }

    @Override
    ObjectNode comparableForm(ObjectNode body) {
        JsonNode data = body.remove("data");
        if (data != null) {
            body.put("data_digest", SecretDigest.of(data));
        }
        return body;
    }

    /** The prototype's references only: {@code resource_key{id}, role{crn}, service_instance{id}, serviceid{id}}. */
    private static ObjectNode serviceAccess(JsonNode props) {
        ObjectNode result = CeJson.NODES.objectNode();
        putIfNotEmpty(result, "resource_key", CeJson.pick(props.path("resource_key"), "id"));
        putIfNotEmpty(result, "role", CeJson.pick(props.path("role"), "crn"));
        putIfNotEmpty(result, "service_instance", CeJson.pick(props.path("service_instance"), "id"));
        putIfNotEmpty(result, "serviceid", CeJson.pick(props.path("serviceid"), "id"));
        return result;
    }

    /** {@code resource_group_ids[], serviceid{id}}; {@code apikey_id} and {@code user_managed} are the server's. */
    private static ObjectNode serviceOperator(JsonNode props) {
        ObjectNode result = CeJson.pick(props, "resource_group_ids");
        putIfNotEmpty(result, "serviceid", CeJson.pick(props.path("serviceid"), "id"));
        return result;
    }

    private static void putIfNotEmpty(ObjectNode target, String field, ObjectNode value) {
        if (!Objects.requireNonNull(value).isEmpty()) {
            target.set(field, value);
        }
    }
}
