package dev.regionguard.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The regions one simulator serves, in the order given, and the EN instances and projects they hold. */
final class SimulatedRegions {

    private final Map<String, Region> byName;
    private final List<String> names;
    /** DNS is global: a domain's records verify in every region. */
    private final EmailDns emailDns = new EmailDns();

    /**
     * The names a builder was given, without repeats.
     *
     * @throws IllegalArgumentException when there are none or one is not a region name
     */
    static List<String> validNames(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("at least one region is needed");
        }
        List<String> valid = new ArrayList<>();
        for (String name : names) {
            if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("not a region name: " + name);
            }
            if (!valid.contains(name)) {
                valid.add(name);
            }
        }
        return List.copyOf(valid);
    }

    SimulatedRegions(List<String> names, CeContext codeEngine) {
        Map<String, Region> regions = new LinkedHashMap<>();
        names.forEach(name -> regions.put(name, new Region(name, codeEngine)));
        this.byName = Map.copyOf(regions);
        this.names = List.copyOf(regions.keySet());
    }

    /** For the endpoints, which find a request's region by the name in its path. */
    EmailDns emailDns() {
        return emailDns;
    }

    Map<String, Region> byName() {
        return byName;
    }

    List<String> names() {
        return names;
    }

    /** @throws IllegalArgumentException when the simulator does not serve that region */
    Region get(String name) {
        Region region = byName.get(name);
        if (region == null) {
            throw new IllegalArgumentException("unknown region " + name + "; the simulator serves " + names);
        }
        return region;
    }

    /** A new instance holding IBM's built-ins; returns its id. */
    String addInstance(String region, String instanceId, SimClock clock) {
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank() || instanceId.contains("/")) {
            throw new IllegalArgumentException("not an instance id: " + instanceId);
        }
        get(region).addInstance(instanceId, clock);
        return instanceId;
    }

    /** A new, active project (no creation delay), named {@code project-<id>}; returns its id. */
    String addProject(String region, String projectId) {
        Objects.requireNonNull(projectId, "projectId");
        if (projectId.isBlank() || projectId.contains("/")) {
            throw new IllegalArgumentException("not a project id: " + projectId);
        }
        try {
            get(region)
                    .codeEngine()
                    .create(projectId, "project-" + projectId, CeProject.DEFAULT_RESOURCE_GROUP, Duration.ZERO);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return projectId;
    }

    /**
     * A seeded instance is a working production configuration: the DNS records of its custom e-mail
     * domains exist. @throws IllegalStateException when the seed's names clash with what the instance holds
     */
    SeedManifest seedInstance(String region, String instanceId, int entityCount, long seed) {
        try {
            EnInstance instance = get(region).requireInstance(instanceId);
            SeedManifest manifest = EnSeeder.seed(instance, entityCount, seed);
            instance.locked(() -> {
                instance.destinations.all().stream()
                        .filter(d -> "smtp_custom".equals(DestinationKind.type(d)))
                        .forEach(d -> emailDns.publishRecords(
                                DestinationKind.params(d).path("domain").asText()));
                instance.smtpConfigs
                        .all()
                        .forEach(c -> emailDns.publishRecords(c.path("domain").asText()));
                return null;
            });
            return manifest;
        } catch (ApiException e) {
            throw new IllegalStateException("cannot seed instance " + instanceId + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException when the project is not active or the seed's names clash */
    CodeEngineSeedManifest seedProject(String region, String projectId, int resourceCount, long seed) {
        try {
            return CeSeeder.seed(requireProject(region, projectId), resourceCount, seed);
        } catch (ApiException e) {
            throw new IllegalStateException("cannot seed project " + projectId + ": " + e.getMessage(), e);
        }
    }

    CeProject requireProject(String region, String projectId) {
        CeProject project = get(region).codeEngine().find(projectId);
        if (project == null) {
            throw new IllegalArgumentException("Region " + region + " has no Code Engine project " + projectId);
        }
        return project;
    }

    void resetStats() {
        byName.values().forEach(Region::resetStats);
    }

    /** Every region up again, which lets held BLACKHOLE calls go. */
    void allUp() {
        byName.values().forEach(region -> region.faults().up());
    }
}
