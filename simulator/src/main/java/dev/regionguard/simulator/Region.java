package dev.regionguard.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One simulated region: its EN instances, Code Engine projects, faults and call counters. */
final class Region {

    private final String name;
    private final FaultControls faults = new FaultControls();
    private final StatsRecorder apiStats = new StatsRecorder();
    private final StatsRecorder eventNotificationsStats = new StatsRecorder(apiStats);
    private final StatsRecorder codeEngineStats = new StatsRecorder(apiStats);
    private final StatsRecorder appTrafficStats = new StatsRecorder();
    private final Map<String, EnInstance> instances = new ConcurrentHashMap<>();
    private final CeRegion codeEngine;

    Region(String name, CeContext codeEngineContext) {
        this.name = name;
        this.codeEngine = new CeRegion(name, codeEngineContext);
    }

    String name() {
        return name;
    }

    FaultControls faults() {
        return faults;
    }

    /** Every API call of the region, EN and Code Engine. */
    StatsRecorder apiStats() {
        return apiStats;
    }

    StatsRecorder eventNotificationsStats() {
        return eventNotificationsStats;
    }

    StatsRecorder codeEngineStats() {
        return codeEngineStats;
    }

    /** Requests to the region's app endpoints: not API calls, so kept out of {@link #apiStats}. */
    StatsRecorder appTrafficStats() {
        return appTrafficStats;
    }

    void resetStats() {
        apiStats.reset();
        eventNotificationsStats.reset();
        codeEngineStats.reset();
        appTrafficStats.reset();
    }

    CeRegion codeEngine() {
        return codeEngine;
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
