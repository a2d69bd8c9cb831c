package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One CIS instance, known by its CRN: its zones (domains), and the monitors and pools (per
 * instance) and load balancers (per zone) of its Global Load Balancing. Every method holds the
 * instance's lock and hands out copies, so health probes run without it.
 */
final class CisInstance {

    private record Zone(String id, String name, String createdOn, Map<String, ObjectNode> loadBalancers) {}

    private final String crn;
    private final Map<String, Zone> zones = new LinkedHashMap<>();
    private final Map<String, ObjectNode> monitors = new LinkedHashMap<>();
    private final Map<String, ObjectNode> pools = new LinkedHashMap<>();

    CisInstance(String crn) {
        this.crn = crn;
    }

    String crn() {
        return crn;
    }

    // ---- zones

    /** @throws IllegalArgumentException when the instance already has the zone or it is no domain name */
    synchronized String addZone(String name) {
        String domain = name.toLowerCase(Locale.ROOT);
        if (!domain.matches("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}")) {
            throw new IllegalArgumentException("not a domain name: " + name);
        }
        if (zoneIdOf(domain) != null) {
            throw new IllegalArgumentException("instance " + crn + " already has zone " + domain);
        }
        Zone zone = new Zone(CisFields.newId(), domain, CisFields.timestamp(), new LinkedHashMap<>());
        zones.put(zone.id(), zone);
        return zone.id();
    }

    /** The id of the zone named {@code name}, or null. */
    synchronized String zoneIdOf(String name) {
        return zones.values().stream()
                .filter(zone -> zone.name().equals(name))
                .map(Zone::id)
                .findFirst()
                .orElse(null);
    }

    synchronized List<ObjectNode> zones() {
        return zones.values().stream().map(CisInstance::zoneView).toList();
    }

    synchronized ObjectNode zone(String zoneId) {
        return zoneView(requireZone(zoneId));
    }

    private static ObjectNode zoneView(Zone zone) {
        ObjectNode view = Json.object();
        view.put("id", zone.id());
        view.put("created_on", zone.createdOn());
        view.put("modified_on", zone.createdOn());
        view.put("name", zone.name());
        view.putNull("original_registrar");
        view.putNull("original_dnshost");
        view.put("status", "active");
        view.put("paused", false);
        view.putArray("original_name_servers");
        view.putArray("name_servers").add("ns006.name.cloud.ibm.com").add("ns017.name.cloud.ibm.com");
        view.put("type", "full");
        return view;
    }

    private Zone requireZone(String zoneId) {
        Zone zone = zones.get(zoneId);
        if (zone == null) {
            throw ApiException.notFound("Zone '" + zoneId + "' not found");
        }
        return zone;
    }

    // ---- monitors

    synchronized List<ObjectNode> monitors() {
        return copies(monitors);
    }

    synchronized ObjectNode monitor(String id) {
        return copy(monitors, id, "Monitor");
    }

    /** The monitor, or null: for health probes. */
    synchronized ObjectNode findMonitor(String id) {
        ObjectNode monitor = id == null ? null : monitors.get(id);
        return monitor == null ? null : monitor.deepCopy();
    }

    synchronized ObjectNode writeMonitor(String id, ObjectNode body) {
        return write(monitors, id, "Monitor", previous -> CisMonitors.spec(body));
    }

    synchronized void deleteMonitor(String id) {
        copy(monitors, id, "Monitor");
        if (pools.values().stream()
                .anyMatch(pool -> id.equals(pool.path("monitor").asText(null)))) {
            throw ApiException.badRequest("Monitor '" + id + "' is in use by a pool; remove it from the pools first");
        }
        monitors.remove(id);
    }

    // ---- pools

    synchronized List<ObjectNode> pools() {
        return copies(pools);
    }

    synchronized ObjectNode pool(String id) {
        return copy(pools, id, "Pool");
    }

    /** The pool, or null: for the edge. */
    synchronized ObjectNode findPool(String id) {
        ObjectNode pool = id == null ? null : pools.get(id);
        return pool == null ? null : pool.deepCopy();
    }

    synchronized ObjectNode writePool(String id, ObjectNode body) {
        return write(pools, id, "Pool", previous -> CisPools.spec(body, previous, monitors::containsKey));
    }

    synchronized void deletePool(String id) {
        copy(pools, id, "Pool");
        for (Zone zone : zones.values()) {
            for (ObjectNode lb : zone.loadBalancers().values()) {
                if (referencesPool(lb, id)) {
                    throw ApiException.badRequest("Pool '" + id + "' is in use by load balancer '"
                            + lb.path("name").asText() + "'; remove it from the load balancer first");
                }
            }
        }
        pools.remove(id);
    }

    private static boolean referencesPool(ObjectNode lb, String poolId) {
        if (lb.path("fallback_pool").asText().equals(poolId)) {
            return true;
        }
        List<JsonNode> lists = new ArrayList<>();
        lists.add(lb.path("default_pools"));
        lb.path("region_pools").forEach(lists::add);
        lb.path("pop_pools").forEach(lists::add);
        for (JsonNode list : lists) {
            for (JsonNode item : list) {
                if (item.asText().equals(poolId)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- load balancers

    synchronized List<ObjectNode> loadBalancers(String zoneId) {
        return copies(requireZone(zoneId).loadBalancers());
    }

    synchronized ObjectNode loadBalancer(String zoneId, String id) {
        return copy(requireZone(zoneId).loadBalancers(), id, "Load balancer");
    }

    synchronized ObjectNode writeLoadBalancer(String zoneId, String id, ObjectNode body) {
        Zone zone = requireZone(zoneId);
        return write(zone.loadBalancers(), id, "Load balancer", previous -> {
            ObjectNode spec = CisLoadBalancers.spec(body, zone.name(), pools::containsKey);
            String name = spec.get("name").textValue();
            boolean taken = zone.loadBalancers().values().stream()
                    .anyMatch(lb -> lb.get("name").textValue().equals(name)
                            && !lb.get("id").textValue().equals(id));
            if (taken) {
                throw ApiException.badRequest("A load balancer named '" + name + "' already exists in the zone");
            }
            return spec;
        });
    }

    synchronized void deleteLoadBalancer(String zoneId, String id) {
        copy(requireZone(zoneId).loadBalancers(), id, "Load balancer");
        requireZone(zoneId).loadBalancers().remove(id);
    }

    /** The enabled load balancer named {@code hostname} in any zone, or null: what the edge serves. */
    synchronized ObjectNode loadBalancerNamed(String hostname) {
        for (Zone zone : zones.values()) {
            for (ObjectNode lb : zone.loadBalancers().values()) {
                if (lb.get("name").textValue().equals(hostname)
                        && lb.get("enabled").booleanValue()) {
                    return lb.deepCopy();
                }
            }
        }
        return null;
    }

    // ---- shared table plumbing (callers hold the lock)

    /** Creates ({@code id} null) or fully replaces the object; {@code spec} gets the previous version or null. */
    private static ObjectNode write(
            Map<String, ObjectNode> table, String id, String label, Function<ObjectNode, ObjectNode> spec) {
        ObjectNode previous = id == null ? null : copy(table, id, label);
        ObjectNode fields = spec.apply(previous);
        String now = CisFields.timestamp();
        ObjectNode stored = Json.object();
        stored.put("id", previous == null ? CisFields.newId() : id);
        stored.put(
                "created_on",
                previous == null ? now : previous.get("created_on").textValue());
        stored.put("modified_on", now);
        stored.setAll(fields);
        table.put(stored.get("id").textValue(), stored);
        return stored.deepCopy();
    }

    private static ObjectNode copy(Map<String, ObjectNode> table, String id, String label) {
        ObjectNode found = table.get(id);
        if (found == null) {
            throw ApiException.notFound(label + " '" + id + "' not found");
        }
        return found.deepCopy();
    }

    private static List<ObjectNode> copies(Map<String, ObjectNode> table) {
        return table.values().stream().map(ObjectNode::deepCopy).toList();
    }
}
