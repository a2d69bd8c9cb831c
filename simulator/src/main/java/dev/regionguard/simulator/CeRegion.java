package dev.regionguard.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The Code Engine projects of one region; project names are unique within it. */
final class CeRegion {

    private final String name;
    private final CeContext context;
    private final Map<String, CeProject> projects = new ConcurrentHashMap<>();

    CeRegion(String name, CeContext context) {
        this.name = name;
        this.context = context;
    }

    Instant now() {
        return context.now();
    }

    String projectsUrl() {
        return context.apiUrl(name) + "/projects";
    }

    /** How long a project created now stays {@code creating}. */
    Duration activationDelay() {
        return context.timings().projectActivation();
    }

    /**
     * A new project, {@code creating} for {@code activation}.
     *
     * @throws ApiException 409 when a project of the region already has the name, soft-deleted ones included
     * @throws IllegalArgumentException when the id is taken (ids from the Java API)
     */
    synchronized CeProject create(String id, String projectName, String resourceGroupId, Duration activation) {
        if (find(id) != null) {
            throw new IllegalArgumentException("Region " + name + " already has a Code Engine project " + id);
        }
        CeProject twin = all().stream()
                .filter(project -> project.name().equals(projectName))
                .findFirst()
                .orElse(null);
        if (twin != null) {
            // IBM: a deleted project's name is free only once the project is permanently deleted
            throw ApiException.conflict("A project named '" + projectName + "' already exists in " + name
                    + (twin.softDeleted(context.now()) ? " (soft-deleted, until permanently deleted)" : ""));
        }
        CeProject project = new CeProject(id, projectName, name, resourceGroupId, activation, context);
        projects.put(id, project);
        return project;
    }

    /** The project, or null when there is none or it was permanently deleted. */
    CeProject find(String id) {
        CeProject project = projects.get(id);
        if (project != null && project.goneAt(context.now())) {
            projects.remove(id, project);
            return null;
        }
        return project;
    }

    CeProject require(String id) {
        CeProject project = find(id);
        if (project == null) {
            throw ApiException.notFound("The project '" + id + "' does not exist in " + name);
        }
        return project;
    }

    /** Projects not permanently deleted (soft-deleted ones included), sorted by id (the list order). */
    List<CeProject> all() {
        Instant now = context.now();
        projects.values().removeIf(project -> project.goneAt(now));
        return projects.values().stream()
                .sorted(Comparator.comparing(CeProject::id))
                .toList();
    }

    /** The live project whose host names use {@code subdomain}, or null: where a custom domain's CNAME target leads. */
    CeProject bySubdomain(String subdomain) {
        return all().stream()
                .filter(project -> project.subdomain().equals(subdomain))
                .findFirst()
                .orElse(null);
    }
}
