/**
 * IBM Cloud Event Notifications: the HTTP client ({@link dev.regionguard.eventnotifications.EventNotificationsClient}),
 * its entity types and store for the sync engine, its failover actions (fencing by disabling API sources) and
 * {@link dev.regionguard.eventnotifications.EventNotificationsProtectionReconciler}, built on
 * {@code controller.protection}. Imports {@code api}, {@code cloud}, {@code cloud.http}, {@code spec}, {@code sync}
 * and {@code controller.protection}; never {@code codeengine}. Used by {@code operator} (wiring) and the tools.
 */
package dev.regionguard.eventnotifications;
