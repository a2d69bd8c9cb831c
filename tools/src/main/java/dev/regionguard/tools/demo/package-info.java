/**
 * The README's demo in one process: simulated IBM Cloud regions, an embedded Kubernetes API, the real operator and
 * {@code config/samples} applied; then a sync, a change on the primary, an outage with an automatic failover and a
 * relocation ({@link dev.regionguard.tools.demo.FailoverDemoSteps}). Imports the operator's packages, the simulator
 * and {@code embedded}; used by {@code tools.cli} and by tests ({@link dev.regionguard.tools.demo.DemoSeed}).
 */
package dev.regionguard.tools.demo;
