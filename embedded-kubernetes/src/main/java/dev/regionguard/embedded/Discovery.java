package dev.regionguard.embedded;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import java.util.ArrayList;
import java.util.List;

/**
 * API discovery for kubectl, which the mock server does not serve: the core resources the
 * runbook touches, the CRDs, and RegionGuard's own, with short names and the {@code regionguard}
 * category.
 */
final class Discovery {
    private static final String CRD_GROUP = "apiextensions.k8s.io";
    private static final List<String> VERBS = List.of("create", "delete", "get", "list", "patch", "update", "watch");

    private Discovery() {}

    static void serve(KubernetesMockServer server, List<Class<? extends HasMetadata>> resources) {
        String group = HasMetadata.getGroup(resources.get(0));
        String version = HasMetadata.getVersion(resources.get(0));
        answer(server, "/api", new APIVersionsBuilder().withVersions("v1").build());
        answer(
                server,
                "/apis",
                new APIGroupListBuilder()
                        .withGroups(group(group, version), group(CRD_GROUP, "v1"))
                        .build());
        // CRDs as kubectl lists them (kubectl get crd): the mock server stores them like any object.
        answer(
                server,
                "/apis/" + CRD_GROUP + "/v1",
                new APIResourceListBuilder()
                        .withGroupVersion(CRD_GROUP + "/v1")
                        .withResources(new APIResourceBuilder()
                                .withName("customresourcedefinitions")
                                .withKind("CustomResourceDefinition")
                                .withSingularName("customresourcedefinition")
                                .withNamespaced(false)
                                .withShortNames("crd", "crds")
                                .withVerbs(VERBS)
                                .build())
                        .build());
        answer(
                server,
                "/api/v1",
                new APIResourceListBuilder()
                        .withGroupVersion("v1")
                        .withResources(
                                core("secrets", "Secret", List.of()),
                                core("configmaps", "ConfigMap", List.of("cm")),
                                core("events", "Event", List.of("ev")),
                                core("namespaces", "Namespace", List.of("ns")))
                        .build());
        // No OpenAPI documents: kubectl then applies without client-side validation (the CRD schema is tested apart).
        for (String openApi :
                List.of("/openapi/v2", "/openapi/v2?timeout=32s", "/openapi/v3", "/openapi/v3?timeout=32s")) {
            server.expect().get().withPath(openApi).andReturn(404, "").always();
        }
        answer(
                server,
                "/apis/" + group + "/" + version,
                new APIResourceListBuilder()
                        .withGroupVersion(group + "/" + version)
                        .withResources(own(resources))
                        .build());
    }

    private static APIGroup group(String name, String version) {
        GroupVersionForDiscovery only = new GroupVersionForDiscoveryBuilder()
                .withGroupVersion(name + "/" + version)
                .withVersion(version)
                .build();
        return new APIGroupBuilder()
                .withName(name)
                .withVersions(only)
                .withPreferredVersion(only)
                .build();
    }

    /** RegionGuard's resources and their status subresources. */
    private static List<APIResource> own(List<Class<? extends HasMetadata>> resources) {
        List<APIResource> own = new ArrayList<>();
        for (Class<? extends HasMetadata> type : resources) {
            own.add(new APIResourceBuilder()
                    .withName(HasMetadata.getPlural(type))
                    .withKind(HasMetadata.getKind(type))
                    .withSingularName(HasMetadata.getSingular(type))
                    .withNamespaced(Namespaced.class.isAssignableFrom(type))
                    .withShortNames(List.of(type.getAnnotation(ShortNames.class).value()))
                    .withCategories(List.of(type.getAnnotation(Categories.class).value()))
                    .withVerbs(VERBS)
                    .build());
            own.add(new APIResourceBuilder()
                    .withName(HasMetadata.getPlural(type) + "/status")
                    .withKind(HasMetadata.getKind(type))
                    .withNamespaced(true)
                    .withVerbs("get", "patch", "update")
                    .build());
        }
        return own;
    }

    /** Expectations match the query too: kubectl asks with its default discovery timeout. */
    private static void answer(KubernetesMockServer server, String path, Object body) {
        for (String p : List.of(path, path + "?timeout=32s")) {
            server.expect().get().withPath(p).andReturn(200, body).always();
        }
    }

    private static APIResource core(String plural, String kind, List<String> shortNames) {
        return new APIResourceBuilder()
                .withName(plural)
                .withKind(kind)
                .withNamespaced(!"Namespace".equals(kind))
                .withShortNames(shortNames)
                .withVerbs(VERBS)
                .build();
    }
}
