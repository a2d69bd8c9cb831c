/**
 * The custom resources (EventNotificationsProtection, CodeEngineProtection, RegionFailover) as Java types: their
 * specs with every default and validation rule the CRDs carry (the CRDs are generated from these classes), their
 * statuses and conditions, and {@link dev.regionguard.api.ProtectionSpec}, the view of a spec both protection kinds
 * share. Imports only Java, Jackson and the Fabric8 model and annotations; every other package may use it.
 */
package dev.regionguard.api;
