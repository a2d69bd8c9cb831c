/**
 * Speed figures measured on the simulator: {@link dev.regionguard.tools.bench.Benchmark} (initial sync against a
 * naive copy, a steady-state pass), {@link dev.regionguard.tools.bench.FailoverBenchmark} (outage to active region)
 * and {@link dev.regionguard.tools.bench.ProbeNoiseBenchmark} (false failovers from probe loss). Calls are counted by
 * the simulator, not by the code under test. Imports the operator's packages, the simulator and {@code embedded};
 * used by {@code tools.cli}. A command, not a timed test.
 */
package dev.regionguard.tools.bench;
