package dev.regionguard.deploy;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * A request to the Kubernetes API as RBAC sees it: verb, API group, resource (with its subresource)
 * and object name, read from the method and the path the way the API server reads them.
 */
record ApiRequest(String verb, String group, String resource, String name) {
    /** Null for a path that names no resource (discovery, version). */
    static ApiRequest of(String method, URI uri) {
        List<String> parts = Arrays.stream(uri.getPath().split("/"))
                .filter(p -> !p.isEmpty())
                .toList();
        List<String> rest;
        String group;
        if (parts.size() > 2 && parts.get(0).equals("api")) {
            group = "";
            rest = parts.subList(2, parts.size());
        } else if (parts.size() > 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            rest = parts.subList(3, parts.size());
        } else {
            return null;
        }
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            rest = rest.subList(2, rest.size()); // a namespaced object: what follows the namespace
        }
        String name = rest.size() > 1 ? rest.get(1) : null;
        String resource = rest.get(0) + (rest.size() > 2 ? "/" + rest.get(2) : "");
        return new ApiRequest(verb(method, name, uri.getRawQuery()), group, resource, name);
    }

    private static String verb(String method, String name, String query) {
        boolean watch = query != null && (query.contains("watch=true") || query.contains("watch=1"));
        return switch (method) {
            case "GET" -> name != null ? "get" : watch ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name != null ? "delete" : "deletecollection";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Asking about one's own permissions: every authenticated user may (Kubernetes' system:basic-user). */
    boolean exempt() {
        return group.equals("authorization.k8s.io") && resource.startsWith("selfsubject");
    }

    boolean allowedBy(List<PolicyRule> rules) {
        return rules.stream()
                .anyMatch(r -> matches(r.getApiGroups(), group)
                        && matches(r.getResources(), resource)
                        && matches(r.getVerbs(), verb)
                        && (r.getResourceNames() == null
                                || r.getResourceNames().isEmpty()
                                || r.getResourceNames().contains(name)));
    }

    private static boolean matches(List<String> allowed, String value) {
        return allowed != null && (allowed.contains("*") || allowed.contains(value));
    }

    @Override
    public String toString() {
        return verb + " " + group + "/" + resource;
    }
}
