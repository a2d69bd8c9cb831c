/**
 * {@code kubectl regionguard}: a kubectl plugin (launcher {@code tools/bin/kubectl-regionguard}) that reads the
 * protections of a namespace ({@code status}) and does what the README's on-call runbook does with plain kubectl:
 * create a RegionFailover ({@code failover}, {@code relocate}, {@code plan}) or set the pause annotation
 * ({@code pause}, {@code resume}). It talks to the cluster with the Fabric8 client and the API types only.
 */
package dev.regionguard.tools.plugin;
