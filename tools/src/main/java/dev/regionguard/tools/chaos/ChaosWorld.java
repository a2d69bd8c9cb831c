package dev.regionguard.tools.chaos;

import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.codeengine.CeEntityStore;
import dev.regionguard.codeengine.CeEntityTypes;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.eventnotifications.EnEntityStore;
import dev.regionguard.eventnotifications.EnEntityTypes;
import dev.regionguard.eventnotifications.EventNotificationsClients;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.simulator.SeedManifest;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Material;
import dev.regionguard.sync.MaterialSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service's primary and standby on the simulator, wired with the operator's own clients and stores. */
record ChaosWorld(
        String service, EntityStore primary, EntityStore standby, List<EntityType> types, MaterialSource material) {
    static final String PRIMARY = "us-south";
    static final String STANDBY = "us-east";

    /** Retries stay on but back off in milliseconds, and a lost answer times out in a second: the simulator answers at once. */
    private static HttpSettings settings() {
        return HttpSettings.defaults()
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    static ChaosWorld eventNotifications(IbmCloudSimulator sim, int entities, long seed) {
        String primaryId = sim.createEventNotificationsInstance(PRIMARY);
        SeedManifest manifest = sim.seedEventNotifications(PRIMARY, primaryId, entities, seed);
        String standbyId = sim.createEventNotificationsInstance(STANDBY);
        Endpoints endpoints = new Endpoints(sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate());
        EventNotificationsClients clients =
                HttpEventNotificationsClients.create(endpoints, settings(), CallObserver.NONE);
        ApiKey key = new ApiKey("chaos-api-key");
        return new ChaosWorld(
                "en",
                new EnEntityStore(clients.forInstance(PRIMARY, primaryId, key)),
                new EnEntityStore(clients.forInstance(STANDBY, standbyId, key)),
                EnEntityTypes.all(),
                material(manifest));
    }

    static ChaosWorld codeEngine(IbmCloudSimulator sim, int resources, long seed) {
        sim.setCodeEngineTimings(Duration.ofMillis(1), Duration.ofMillis(1));
        String primaryId = sim.createCodeEngineProject(PRIMARY);
        sim.seedCodeEngine(PRIMARY, primaryId, resources, seed);
        String standbyId = sim.createCodeEngineProject(STANDBY);
        Endpoints endpoints = new Endpoints(sim.iamUrl(), sim.eventNotificationsTemplate(), sim.codeEngineTemplate());
        IbmHttp http = IbmHttp.create(endpoints, settings(), CallObserver.NONE);
        HttpCodeEngineClients clients = new HttpCodeEngineClients(endpoints, http, Duration.ofMillis(5));
        ApiKey key = new ApiKey("chaos-api-key");
        CeEntityStore.Settings storeSettings = CeEntityStore.Settings.defaults();
        return new ChaosWorld(
                "ce",
                new CeEntityStore(clients.forProject(PRIMARY, primaryId, key), storeSettings),
                new CeEntityStore(clients.forProject(STANDBY, standbyId, key), storeSettings),
                CeEntityTypes.all(CodeEngineStandbyMode.Cold),
                MaterialSource.NONE);
    }

    /**
     * Secrets and template bodies from the seed manifest. A copy made by a mutation is named
     * {@code <original>-c<n>}: it finds the material of its original, as a user would supply it.
     */
    private static MaterialSource material(SeedManifest manifest) {
        Map<String, Material> destinations = new HashMap<>();
        manifest.destinationSecrets()
                .forEach((name, values) -> destinations.put(name, Material.of(values, List.of(), "seed manifest")));
        Map<String, Material> templates = new HashMap<>();
        manifest.templateBodies().forEach((name, body) -> {
            Map<String, String> values = new HashMap<>();
            values.put("body", body.body());
            if (body.subject() != null) {
                values.put("subject", body.subject());
            }
            templates.put(name, Material.of(values, List.of(), "seed manifest"));
        });
        return (type, name) -> {
            String original = ChaosMutator.originalName(name);
            return switch (type) {
                case "destination" -> Optional.ofNullable(destinations.get(original));
                case "template" -> Optional.ofNullable(templates.get(original));
                default -> Optional.empty();
            };
        };
    }
}
