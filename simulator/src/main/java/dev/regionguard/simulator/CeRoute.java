package dev.regionguard.simulator;

import java.util.List;

/**
 * A parsed Code Engine path after {@code /{region}/codeengine}: {@code /v2/projects[/{id}[/...]]} or
 * {@code /v2/function_runtimes}. {@code key} is a resource's name (a binding's id), or the app of
 * a revision or instance path; {@code revision} the revision's name.
 */
record CeRoute(Target target, String projectId, CeKind kind, String key, String revision) {

    enum Target {
        PROJECTS,
        PROJECT,
        STATUS_DETAILS,
        EGRESS_IPS,
        FUNCTION_RUNTIMES,
        COLLECTION,
        RESOURCE,
        REVISIONS,
        REVISION,
        INSTANCES,
        UNKNOWN
    }

    static CeRoute parse(List<String> rest) {
        if (rest.isEmpty() || !rest.get(0).equals("v2")) {
            return unknown(null);
        }
        List<String> path = rest.subList(1, rest.size());
        if (path.equals(List.of("function_runtimes"))) {
            return new CeRoute(Target.FUNCTION_RUNTIMES, null, null, null, null);
        }
        if (path.isEmpty() || !path.get(0).equals("projects")) {
            return unknown(null);
        }
        if (path.size() == 1) {
            return new CeRoute(Target.PROJECTS, null, null, null, null);
        }
        String projectId = path.get(1);
        List<String> sub = path.subList(2, path.size());
        if (sub.isEmpty()) {
            return new CeRoute(Target.PROJECT, projectId, null, null, null);
        }
        if (sub.size() == 1 && sub.get(0).equals("status_details")) {
            return new CeRoute(Target.STATUS_DETAILS, projectId, null, null, null);
        }
        if (sub.size() == 1 && sub.get(0).equals("egress_ips")) {
            return new CeRoute(Target.EGRESS_IPS, projectId, null, null, null);
        }
        CeKind kind = CeKinds.BY_SEGMENT.get(sub.get(0));
        if (kind == null) {
            return unknown(projectId);
        }
        return switch (sub.size()) {
            case 1 -> new CeRoute(Target.COLLECTION, projectId, kind, null, null);
            case 2 -> new CeRoute(Target.RESOURCE, projectId, kind, sub.get(1), null);
            case 3 ->
                switch (kind == CeKinds.APPS ? sub.get(2) : "") {
                    case "revisions" -> new CeRoute(Target.REVISIONS, projectId, kind, sub.get(1), null);
                    case "instances" -> new CeRoute(Target.INSTANCES, projectId, kind, sub.get(1), null);
                    default -> unknown(projectId);
                };
            case 4 ->
                kind == CeKinds.APPS && sub.get(2).equals("revisions")
                        ? new CeRoute(Target.REVISION, projectId, kind, sub.get(1), sub.get(3))
                        : unknown(projectId);
            default -> unknown(projectId);
        };
    }

    private static CeRoute unknown(String projectId) {
        return new CeRoute(Target.UNKNOWN, projectId, null, null, null);
    }

    CallKind callKind(String method) {
        boolean collection = switch (target) {
            case PROJECTS, COLLECTION, REVISIONS, INSTANCES, FUNCTION_RUNTIMES -> true;
            default -> false;
        };
        boolean entity = target == Target.PROJECT || target == Target.RESOURCE || target == Target.REVISION;
        return CallKind.of(method, collection, entity);
    }
}
