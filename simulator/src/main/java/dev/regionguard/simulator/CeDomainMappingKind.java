package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * {@code /domain_mappings}: a custom domain routed to an app with a tls secret. A domain can be
 * mapped by one project at a time across all regions (409 {@code domain_already_claimed}).
 */
final class CeDomainMappingKind extends CeKind {

    CeDomainMappingKind() {
        super(
                "domain_mappings",
                "domain mapping",
                "domain_mapping_v2",
                CeNames.DOMAIN,
                Update.MERGE_PATCH,
                CeSchema.of("domain mapping")
                        .required("component", CeSchema.Type.OBJECT)
                        .required("tls_secret", CeSchema.Type.STRING));
    }

    @Override
    void validate(CeProject project, ObjectNode spec, CeResource existing) {
        CeReferences.component(project, spec.get("component"), "component", List.of(CeKinds.APPS));
        CeReferences.secret(project, spec.get("tls_secret").textValue(), "tls_secret", "tls");
    }

    @Override
    void created(CeProject project, CeResource resource, Instant now) {
        resource.serverFields()
                .put(
                        "cname_target",
                        "custom." + project.subdomain() + "." + project.region() + ".codeengine.appdomain.cloud");
        resource.serverFields().put("user_managed", true);
        resource.serverFields().put("visibility", "custom");
        project.claimDomain(resource, now);
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        String app = resource.spec().get("component").path("name").textValue();
        boolean appThere = project.live(CeKinds.APPS, app) != null;
        status(view, appThere ? "ready" : "failed", appThere ? "ready" : "app_ref_failed");
    }
}
