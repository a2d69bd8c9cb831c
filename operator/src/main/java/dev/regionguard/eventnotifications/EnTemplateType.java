package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Material;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Templates, keyed by {@code type/name}. No GET returns {@code params}, so the body (plain text in
 * the material, sent as Base64) and, for email templates, the subject come from material; a
 * template without it is skipped. Only name, description and type can be compared; a changed body
 * shows as a changed material digest.
 */
final class EnTemplateType extends EnEntityType {
    private static final String EMAIL_TYPE_PREFIX = "smtp_custom.";

    EnTemplateType() {
        super(EnEntityTypes.TEMPLATE, EnKind.TEMPLATE, Set.of(), true);
    }

    @Override
    public String key(ObjectNode entity) {
        return EnJson.text(entity, "type") + "/" + EnJson.text(entity, "name");
    }

    @Override
    Set<String> droppedFields() {
        return Set.of("params");
    }

    @Override
    Translation write(ObjectNode source, ObjectNode body, ObjectNode comparable, SyncContext context) {
        String type = EnJson.text(source, "type");
        Optional<Material> material = context.material(name(), EnJson.text(source, "name"));
        String text = material.map(m -> m.values().get("body")).orElse(null);
        if (text == null || text.isEmpty()) {
            return new Translation.Skip(
                    "MissingTemplateBody",
                    "template '" + EnJson.text(source, "name") + "' (" + type
                            + ") needs its body from a ConfigMap or Secret: IBM never returns it");
        }
        ObjectNode params = EnJson.object(body, "params");
        params.put("body", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        String subject = material.get().values().get("subject");
        if (type != null && type.startsWith(EMAIL_TYPE_PREFIX) && subject != null && !subject.isEmpty()) {
            params.put("subject", subject);
        }
        return desired(source, body, comparable, List.of(), material.get().digest());
    }
}
