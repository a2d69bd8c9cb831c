/**
 * The sync engine: {@link dev.regionguard.sync.SyncEngine} brings standby stores in line with a source, one pass per
 * call (list, plan, read and write by type in restore order, delete what the source lacks, settle watermarks).
 * Service-neutral: a service plugs in through {@link dev.regionguard.sync.EntityStore} and
 * {@link dev.regionguard.sync.EntityType}. Imports Jackson, SLF4J and {@code cloud} only; no Kubernetes, JOSDK or
 * HTTP. Used by {@code controller.protection}, {@code eventnotifications}, {@code codeengine}, {@code spec} and
 * {@code operator} (which creates the engine).
 */
package dev.regionguard.sync;
