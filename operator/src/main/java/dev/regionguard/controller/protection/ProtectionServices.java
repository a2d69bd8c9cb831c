package dev.regionguard.controller.protection;

import dev.regionguard.cloud.Endpoints;
import dev.regionguard.health.RegionHealthBoard;
import dev.regionguard.telemetry.EventRecorder;
import dev.regionguard.telemetry.RegionGuardMetrics;
import java.util.concurrent.ExecutorService;

/**
 * What every protection reconciler shares for health checks and failover: the region health board
 * (one Event per region outage), Events, metrics, the probe threads, the threads that prove standbys
 * (spec.verification) and the regional endpoints.
 */
public record ProtectionServices(
        RegionHealthBoard board,
        EventRecorder events,
        RegionGuardMetrics metrics,
        ExecutorService probeExecutor,
        ExecutorService verifyExecutor,
        Endpoints endpoints) {}
