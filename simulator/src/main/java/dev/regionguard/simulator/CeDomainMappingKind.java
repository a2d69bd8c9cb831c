package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * {@code /domain_mappings}: a custom domain routed to an app with a tls secret. A new mapping is
 * {@code deploying} for a while, then {@code ready}; the name is unique per region, so a second
 * project of the same region that maps it fails with {@code domain_already_claimed}, while projects
 * of other regions map it at once, each with its own regional {@code cname_target}.
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
    void specWritten(CeProject project, CeResource resource, Instant now, boolean settled) {
        resource.settlesAt(settled ? now : now.plus(project.timings().appReady()));
    }

    @Override
    void addLiveFields(CeProject project, CeResource resource, ObjectNode view, Instant now) {
        if (now.isBefore(resource.settlesAt())) {
            status(view, "deploying", "deploying");
        } else if (project.domainHeldByOther(resource, now) != null) {
            status(view, "failed", "domain_already_claimed");
        } else {
            String app = resource.spec().get("component").path("name").textValue();
            boolean appThere = project.live(CeKinds.APPS, app) != null;
            status(view, appThere ? "ready" : "failed", appThere ? "ready" : "app_ref_failed");
        }
    }
}
