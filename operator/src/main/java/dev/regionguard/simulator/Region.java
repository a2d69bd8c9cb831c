package dev.regionguard.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One simulated region: its EN instances, faults and call counters. */
final class Region {

    private final String name;
    private final FaultControls faults = new FaultControls();
    private final StatsRecorder stats = new StatsRecorder();
    private final Map<String, EnInstance> instances = new ConcurrentHashMap<>();

    Region(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    FaultControls faults() {
        return faults;
    }

    StatsRecorder stats() {
        return stats;
    }

    EnInstance addInstance(String instanceId, SimClock clock) {
        EnInstance instance = new EnInstance(instanceId, name, clock);
        if (instances.putIfAbsent(instanceId, instance) != null) {
            throw new IllegalArgumentException("Region " + name + " already has an instance " + instanceId);
        }
        return instance;
    }

    /** The instance, or null. */
    EnInstance instance(String instanceId) {
        return instances.get(instanceId);
    }

    EnInstance requireInstance(String instanceId) {
        EnInstance instance = instances.get(instanceId);
        if (instance == null) {
            throw new IllegalArgumentException("Region " + name + " has no instance " + instanceId);
        }
        return instance;
    }

    List<String> instanceIds() {
        return instances.keySet().stream().sorted().toList();
    }
}
