package dev.regionguard.tools.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.SyncSpec;
import dev.regionguard.controller.protection.PassOutcomes;
import dev.regionguard.simulator.CallStats;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.SyncEngine;
import dev.regionguard.sync.SyncOutcome;
import dev.regionguard.sync.SyncPolicy;
import dev.regionguard.sync.SyncRequest;
import dev.regionguard.sync.SyncTarget;
import dev.regionguard.sync.Watermarks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rounds of one service against the real engine: random primary changes, then Mirror passes with
 * faults on both regions, each pass checked (no standby entity lost while the primary has it, no
 * duplicate key); then fault-free passes until an ObserveOnly full compare finds nothing to do. The
 * passes carry the deletion cap and the shrink baselines from pass to pass as the operator does,
 * and the last healing pass is a full compare, as the operator's {@code sync.fullCompareInterval}
 * makes one (some changes, a topic's rules alone, show in no list marker).
 */
public final class ChaosRun {
    static final int FAULTY_PASSES = 3;
    static final int HEALING_PASSES = 4;
    /** One lane: each region then sees the same calls in the same order, so a seed repeats its faults. */
    private static final int CONCURRENCY = 1;

    private final String service;
    private final int entities;
    private final double faultRate;
    private final long seed;

    public ChaosRun(String service, int entities, double faultRate, long seed) {
        this.service = service;
        this.entities = entities;
        this.faultRate = faultRate;
        this.seed = seed;
    }

    /** Rounds {@code startRound} .. {@code startRound + rounds - 1}, each from {@code Random(seed + round)}. */
    public ChaosResult run(int startRound, int rounds) {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY * 2);
        try (IbmCloudSimulator sim = IbmCloudSimulator.builder()
                .regions(ChaosWorld.PRIMARY, ChaosWorld.STANDBY)
                .build()
                .start()) {
            ChaosWorld world = "ce".equals(service)
                    ? ChaosWorld.codeEngine(sim, entities, seed)
                    : ChaosWorld.eventNotifications(sim, entities, seed);
            return new Rounds(sim, world, new SyncEngine(pool, CONCURRENCY)).run(startRound, rounds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The state of one run: the world, the engine and the running totals. */
    private final class Rounds {
        private final IbmCloudSimulator sim;
        private final ChaosWorld world;
        private final SyncEngine engine;
        private final Watermarks watermarks = new Watermarks();
        private final List<String> failures = new ArrayList<>();
        private Integer baseline;
        private Map<String, Integer> typeBaselines;
        private int wrongDeletions;
        private int duplicates;
        private int notConverged;
        /** What the last ObserveOnly compare still found, for the failure report. */
        private String remaining = "";

        Rounds(IbmCloudSimulator sim, ChaosWorld world, SyncEngine engine) {
            this.sim = sim;
            this.world = world;
            this.engine = engine;
        }

        ChaosResult run(int startRound, int rounds) {
            // Rounds before the start replay their primary changes only: round R then starts from the
            // same primary as in a full run (the standby is converged to it either way).
            for (int earlier = 0; earlier < startRound; earlier++) {
                new ChaosMutator(world.primary(), world.types(), world.material())
                        .mutate(new Random(seed + earlier), earlier);
            }
            converge(); // fault-free: rounds start from an equal standby
            sim.resetStats();
            for (int round = startRound; round < startRound + rounds; round++) {
                round(round);
            }
            long faults = 0;
            long lost = 0;
            for (String region : List.of(ChaosWorld.PRIMARY, ChaosWorld.STANDBY)) {
                CallStats stats = sim.stats(region);
                long lostHere = stats.status(504) + stats.byStatus().getOrDefault(CallStats.NO_RESPONSE, 0L);
                faults += stats.status(500) + lostHere;
                lost += lostHere;
            }
            return new ChaosResult(
                    service, rounds, faults, lost, wrongDeletions, duplicates, notConverged, seed, failures);
        }

        private void round(int round) {
            Random random = new Random(seed + round);
            List<String> steps = new ArrayList<>(
                    new ChaosMutator(world.primary(), world.types(), world.material()).mutate(random, round));
            Map<String, Set<String>> primaryKeys = keys(world.primary(), new HashSet<>());
            Map<String, Set<String>> standbyBefore = keys(world.standby(), new HashSet<>());
            List<String> problems = new ArrayList<>();
            for (int pass = 0; pass < FAULTY_PASSES; pass++) {
                steps.add("pass " + pass + " primary "
                        + ChaosFaults.inject(sim.faults(ChaosWorld.PRIMARY), faultRate, random));
                steps.add("pass " + pass + " standby "
                        + ChaosFaults.inject(sim.faults(ChaosWorld.STANDBY), faultRate, random));
                mirror(false);
                clearFaults();
                Set<String> repeated = new HashSet<>();
                Map<String, Set<String>> standbyNow = keys(world.standby(), repeated);
                for (String dup : repeated) {
                    duplicates++;
                    problems.add("pass " + pass + ": duplicate key on the standby " + dup);
                }
                for (Map.Entry<String, Set<String>> e : standbyBefore.entrySet()) {
                    for (String key : e.getValue()) {
                        boolean onPrimary =
                                primaryKeys.getOrDefault(e.getKey(), Set.of()).contains(key);
                        if (onPrimary
                                && !standbyNow
                                        .getOrDefault(e.getKey(), Set.of())
                                        .contains(key)) {
                            wrongDeletions++;
                            problems.add("pass " + pass + ": standby lost " + e.getKey() + " " + key
                                    + " while the primary has it");
                        }
                    }
                }
                standbyBefore = standbyNow;
            }
            if (!converge()) {
                notConverged++;
                problems.add("standby not equal to the primary after " + HEALING_PASSES + " fault-free passes: "
                        + remaining);
            }
            if (!problems.isEmpty()) {
                failures.add(ChaosReplay.describe(service, seed, round, entities, faultRate, steps, problems));
            }
        }

        /** Fault-free Mirror passes until an ObserveOnly full compare finds nothing to change. */
        private boolean converge() {
            clearFaults();
            List<?> issues = List.of();
            for (int pass = 0; pass < HEALING_PASSES; pass++) {
                issues = mirror(pass == HEALING_PASSES - 1).targets().get(0).issues();
                if (equal()) {
                    return true;
                }
            }
            remaining += " issues of the last pass " + issues;
            return false;
        }

        /** A Mirror pass; its outcome moves the shrink baselines as in the operator's status. */
        private SyncOutcome mirror(boolean fullCompare) {
            SyncOutcome outcome = engine.sync(request(new SyncPolicy(
                    true,
                    true,
                    SyncSpec.DEFAULT_MAX_DELETIONS,
                    fullCompare,
                    zeroIfNull(baseline),
                    null,
                    typeBaselines)));
            baseline = PassOutcomes.nextBaseline(baseline, outcome);
            typeBaselines = PassOutcomes.nextBaselines(typeBaselines, outcome);
            return outcome;
        }

        private static int zeroIfNull(Integer value) {
            return value == null ? 0 : value;
        }

        private boolean equal() {
            SyncOutcome.Target target = engine.sync(request(new SyncPolicy(false, false, 0, true, 0, null)))
                    .targets()
                    .get(0);
            remaining = target.error() != null
                    ? target.error()
                    : target.changes().stream().limit(5).toList() + " pending "
                            + target.pendingDeletions().stream().limit(5).toList();
            return target.reached()
                    && target.changes().isEmpty()
                    && target.pendingDeletions().isEmpty();
        }

        private SyncRequest request(SyncPolicy policy) {
            return new SyncRequest(
                    world.primary(),
                    List.of(new SyncTarget(ChaosWorld.STANDBY, world.standby(), watermarks, Overrides.NONE)),
                    world.types(),
                    policy,
                    world.material());
        }

        private void clearFaults() {
            sim.faults(ChaosWorld.PRIMARY).clear();
            sim.faults(ChaosWorld.STANDBY).clear();
        }

        /** Keys per type; a key seen twice goes into {@code repeated} as "type key". */
        private Map<String, Set<String>> keys(EntityStore store, Set<String> repeated) {
            Map<String, Set<String>> keys = new HashMap<>();
            for (EntityType type : world.types()) {
                Set<String> seen = new HashSet<>();
                for (ObjectNode entity : store.list(type)) {
                    String key = type.key(entity);
                    if (!seen.add(key)) {
                        repeated.add(type.name() + " " + key);
                    }
                }
                keys.put(type.name(), seen);
            }
            return keys;
        }
    }
}
