package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /bindings/{id}}: a service_access secret bound to an app or job under an env prefix. Bound
 * by id, never updated; one binding per component and prefix. Deleting the component deletes its
 * bindings unless {@code keep_service_access=true}.
 */
final class CeBindingKind extends CeKind {

    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9_]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();

    CeBindingKind() {
        super(
                "bindings",
                "binding",
                "binding_v2",
                null,
                Update.NONE,
                CeSchema.of("binding")
                        .createOnly("component", CeSchema.Type.OBJECT, true)
                        .createOnly("prefix", CeSchema.Type.STRING, true)
                        .createOnly("secret_name", CeSchema.Type.STRING, true));
    }

    /** Shaped like IBM's, e.g. {@code a172ced-b5f21bc-71ba50c-1638604}. */
    @Override
    String newId() {
        return String.format(
                "%07x-%07x-%07x-%07d",
                RANDOM.nextInt(0x10000000),
                RANDOM.nextInt(0x10000000),
                RANDOM.nextInt(0x10000000),
                RANDOM.nextInt(10_000_000));
    }

    @Override
    boolean hasEntityTag() {
        return false;
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        CeReferences.component(project, spec.get("component"), "component", List.of(CeKinds.APPS, CeKinds.JOBS));
        CeReferences.secret(project, spec.get("secret_name").textValue(), "secret_name", "service_access");
        String prefix = spec.get("prefix").textValue();
        if (!PREFIX.matcher(prefix).matches()) {
            throw ApiException.badRequest("Field 'prefix' must be an env variable prefix such as MY_COS");
        }
        JsonNode component = spec.get("component");
        boolean taken = project.resources(this).stream()
                .filter(CeResource::live)
                .anyMatch(binding ->
                        binding.spec().get("component").equals(component) && prefix.equals(binding.text("prefix")));
        if (taken) {
            throw ApiException.conflict(
                    "The " + component.path("name").asText() + " already has a binding with prefix " + prefix);
        }
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        view.put("status", "active");
    }

    /** The live bindings of one app or job. */
    static List<CeResource> bindingsOf(CeProject project, CeKind componentKind, String componentName) {
        return project.resources(CeKinds.BINDINGS).stream()
                .filter(CeResource::live)
                .filter(binding -> {
                    JsonNode component = binding.spec().get("component");
                    return componentName.equals(component.path("name").textValue())
                            && componentKind
                                    .resourceType()
                                    .equals(component.path("resource_type").textValue());
                })
                .toList();
    }
}
