package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Bindings of a service-access secret to an app or job. Their ids differ per project, so they
 * are matched by everything they are; they have no update, so they are never changed in place.
 */
final class CeBindingType extends CeEntityType {

    CeBindingType() {
        super(
                CeEntityTypes.BINDING,
                CeKind.BINDING,
                Set.of(CeEntityTypes.SECRET, CeEntityTypes.APP, CeEntityTypes.JOB),
                true,
                Set.of());
    }

    /** {@code component.resource_type/component.name/prefix/secret_name}, e.g. {@code app_v2/my-app/COS/cos-access}. */
    @Override
    public String key(ObjectNode binding) {
        return part(CeJson.text(binding, "component", "resource_type"))
                + '/'
                + part(CeJson.text(binding, "component", "name"))
                + '/'
                + part(CeJson.text(binding, "prefix"))
                + '/'
                + part(CeJson.text(binding, "secret_name"));
    }

    private static String part(String value) {
        return value == null ? "" : value;
    }
}
