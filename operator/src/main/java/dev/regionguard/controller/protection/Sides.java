package dev.regionguard.controller.protection;

import dev.regionguard.api.ProtectionSpec;
import dev.regionguard.api.SideRef;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.failover.RegionTopology;
import dev.regionguard.spec.Blocked;
import dev.regionguard.spec.ProtectedSide;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sides of a pass: the active one is the source, the others not fenced are targets; every key resolved. */
public record Sides(
        ProtectedSide source,
        ApiKey sourceKey,
        List<ProtectedSide> targets,
        Map<String, ApiKey> keys,
        Map<String, ProtectedSide> byRegion) {

    private static final String REQUIRED = "spec.primary and at least one spec.standbys entry are required";

    static Sides resolve(
            CustomResource<? extends ProtectionSpec, ?> protection,
            RegionTopology topology,
            ReferencedObjects<?> objects)
            throws Blocked {
        String namespace = protection.getMetadata().getNamespace();
        List<ProtectedSide> all = required(protection.getSpec());
        ProtectedSide primary = all.get(0);
        Map<String, ProtectedSide> byRegion = new LinkedHashMap<>();
        for (ProtectedSide s : all) {
            if (byRegion.putIfAbsent(s.region(), s) != null) {
                throw Blocked.spec(
                        "standby region " + s.region() + " repeats the primary's or another standby's region");
            }
        }
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        ApiKey primaryKey = Credentials.apiKey(objects, namespace, primary.credentials());
        for (ProtectedSide side : byRegion.values()) {
            keys.put(
                    side.region(),
                    side.credentials() == null || side == primary
                            ? primaryKey
                            : Credentials.apiKey(objects, namespace, side.credentials()));
        }
        ProtectedSide source = byRegion.get(topology.activeRegion());
        List<ProtectedSide> targets =
                topology.syncTargets().stream().map(byRegion::get).toList();
        return new Sides(source, keys.get(source.region()), targets, keys, byRegion);
    }

    /** The primary first, then the standbys in spec order. */
    public static List<ProtectedSide> required(ProtectionSpec spec) throws Blocked {
        if (spec.primarySide() == null || spec.standbySides().isEmpty()) {
            throw Blocked.spec(REQUIRED);
        }
        return declared(spec);
    }

    private static List<ProtectedSide> declared(ProtectionSpec spec) {
        SideRef primary = spec.primarySide();
        List<ProtectedSide> all = new ArrayList<>();
        if (primary != null) {
            all.add(ProtectedSide.of(primary, spec.credentials()));
        }
        spec.standbySides().forEach(s -> all.add(ProtectedSide.of(s, s.ownCredentials())));
        return all;
    }

    /** Names of the Secrets holding the API keys of every declared side. */
    static Set<String> credentialSecrets(ProtectionSpec spec) {
        Set<String> names = new HashSet<>();
        for (ProtectedSide side : declared(spec)) {
            if (side.credentials() != null && side.credentials().name != null) {
                names.add(side.credentials().name);
            }
        }
        return names;
    }
}
