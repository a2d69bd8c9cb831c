/**
 * A protection's spec, parsed and checked: {@link dev.regionguard.spec.ProtectionSettings} (sync, health check and
 * failover settings, parsed once per generation), the entity-type selection, durations, and
 * {@link dev.regionguard.spec.Blocked} for a spec or credentials the owner must fix. Defaults are not here: they live
 * once, on the CR types in {@code api}. Pure: imports only api, sync's EntityType and SyncPolicy, and Java; the
 * controllers and the services call it.
 */
package dev.regionguard.spec;
