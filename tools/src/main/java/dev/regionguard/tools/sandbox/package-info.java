/**
 * The local sandbox: the IBM Cloud simulator, the embedded Kubernetes API with the CRDs and the operator, left
 * running for kubectl and the simulator's control API. Seeds the simulator with the demo's seeding
 * ({@link dev.regionguard.tools.demo.DemoSeed}); used by {@code tools.cli} and by tests.
 */
package dev.regionguard.tools.sandbox;
