/**
 * A Kubernetes API inside the JVM: {@link dev.regionguard.embedded.EmbeddedKubernetes} runs Fabric8's mock server in
 * CRUD mode with the given custom resources' CRDs registered, plus the API discovery kubectl needs. Depends on
 * Fabric8 only and knows no RegionGuard type: callers pass their resource classes. Used by the demo, the benchmark
 * and tests; never by the operator's production code.
 */
package dev.regionguard.embedded;
