/**
 * IBM Cloud Code Engine: the HTTP client ({@link dev.regionguard.codeengine.CodeEngineClient}), its entity types and
 * store for the sync engine (cold or warm standby), its failover actions (scaling, domain mappings) and
 * {@link dev.regionguard.codeengine.CodeEngineProtectionReconciler}, built on {@code controller.protection}. Imports
 * {@code api}, {@code cloud}, {@code cloud.http}, {@code spec}, {@code sync} and {@code controller.protection};
 * never {@code eventnotifications}. Used by {@code operator} (wiring) and the tools.
 */
package dev.regionguard.codeengine;
