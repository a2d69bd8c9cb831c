package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.Material;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Destinations, keyed by {@code type/name} (a sandbox e-mail destination by the {@code smtp_custom/name} it
 * can be upgraded to). The IBM email and SMS destinations are built in and
 * keyed by type alone (their names may differ): only {@code description} is copied. List items
 * lack {@code config}.
 *
 * <p>Secrets (see {@link EnDestinationSecrets}) are removed from both sides before comparing and
 * taken from the destination's material: params by name, sensitive header values as
 * {@code header.<Name>}, files such as {@code certificate}. A destination whose secret the
 * material lacks is skipped, never written with a guessed or empty value.
 */
final class EnDestinationType extends EnEntityType {
    private static final Set<String> BUILT_IN_TYPES = Set.of("smtp_ibm", "sms_ibm");
    private static final String SANDBOX = "smtp_custom_sandbox";
    private static final String CUSTOM = "smtp_custom";
    /** Added by the server to smtp_custom params: this instance's DNS verification state. */
    private static final Set<String> SERVER_PARAMS = Set.of("dkim", "spf");

    EnDestinationType() {
        super(EnEntityTypes.DESTINATION, EnKind.DESTINATION, Set.of(), false);
    }

    /**
     * A sandbox e-mail destination has the key of the custom one it becomes: a standby's sandbox copy of a
     * destination the primary upgraded is upgraded in place, never deleted and created again.
     */
    @Override
    public String key(ObjectNode entity) {
        String type = EnJson.text(entity, "type");
        String family = SANDBOX.equals(type) ? CUSTOM : type;
        return builtIn(entity) ? type : family + "/" + EnJson.text(entity, "name");
    }

    /** IBM upgrades a sandbox to a custom-domain destination; the way back is a delete and a create. */
    @Override
    public boolean needsReplace(Desired desired, ObjectNode targetComparable) {
        return super.needsReplace(desired, targetComparable)
                || SANDBOX.equals(EnJson.text(desired.comparable(), "type"))
                        && CUSTOM.equals(EnJson.text(targetComparable, "type"));
    }

    /** True when writing desired over current takes IBM's upgrade call first. */
    static boolean upgrades(ObjectNode current, ObjectNode desired) {
        return SANDBOX.equals(EnJson.text(current, "type")) && CUSTOM.equals(EnJson.text(desired, "type"));
    }

    @Override
    public boolean builtIn(ObjectNode entity) {
        return BUILT_IN_TYPES.contains(EnJson.text(entity, "type"));
    }

    @Override
    Set<String> builtInFields() {
        return Set.of("description");
    }

    @Override
    void shape(ObjectNode projected) {
        JsonNode params = projected.path("config").path("params");
        if (!params.isObject()) {
            return;
        }
        ObjectNode p = (ObjectNode) params;
        String type = EnJson.text(projected, "type");
        p.remove(SERVER_PARAMS);
        EnDestinationSecrets.params(type).forEach(secret -> p.remove(secret.name()));
        if (p.get("custom_headers") instanceof ObjectNode headers) {
            headers.remove(EnDestinationSecrets.sensitiveHeaders(type, p));
        }
    }

    /** An {@code ibmce} destination targets the standby region's Code Engine project. */
    @Override
    void localize(ObjectNode body, Overrides overrides) {
        if ("ibmce".equals(EnJson.text(body, "type")) && body.path("config").path("params") instanceof ObjectNode p) {
            EnCodeEngineTargets.localize(p, overrides);
        }
    }

    @Override
    void sortUnordered(ObjectNode comparable) {
        if (comparable.path("config").path("params") instanceof ObjectNode params) {
            EnJson.sortArray(params, "sensitive_headers");
        }
    }

    @Override
    Translation write(ObjectNode source, ObjectNode body, ObjectNode comparable, SyncContext context) {
        Optional<Material> material = context.material(name(), EnJson.text(source, "name"));
        String digest = material.map(Material::digest).orElse(null);
        if (builtIn(source)) {
            return desired(source, body, comparable, List.of(), digest);
        }
        String type = EnJson.text(source, "type");
        JsonNode sourceParams = source.path("config").path("params");
        List<String> missing = new ArrayList<>();
        for (EnDestinationSecrets.SecretParam secret : EnDestinationSecrets.params(type)) {
            String value = value(material, secret.name());
            if (value != null) {
                params(body).put(secret.name(), value);
            } else if (secret.required(sourceParams) || sourceParams.has(secret.name())) {
                missing.add(secret.name());
            }
        }
        for (String header : EnDestinationSecrets.sensitiveHeaders(type, sourceParams)) {
            String value = value(material, EnDestinationSecrets.HEADER_PREFIX + header);
            if (value != null) {
                EnJson.object(params(body), "custom_headers").put(header, value);
            } else {
                missing.add(EnDestinationSecrets.HEADER_PREFIX + header);
            }
        }
        List<FilePart> files = material.map(Material::files).orElse(List.of());
        for (String file : EnDestinationSecrets.requiredFiles(type)) {
            if (files.stream().noneMatch(f -> file.equals(f.name()))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            return new Translation.Skip(
                    "MissingSecret",
                    "destination '" + EnJson.text(source, "name") + "' (" + type + ") needs "
                            + String.join(", ", missing) + " from a Secret");
        }
        return desired(source, body, comparable, files, digest);
    }

    /** A non-empty material value, or null. */
    private static String value(Optional<Material> material, String key) {
        String value = material.map(m -> m.values().get(key)).orElse(null);
        return value == null || value.isEmpty() ? null : value;
    }

    private static ObjectNode params(ObjectNode body) {
        return EnJson.object(EnJson.object(body, "config"), "params");
    }
}
