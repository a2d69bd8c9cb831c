/**
 * How every reconciler writes the status of its resource: {@link dev.regionguard.controller.status.StatusWrites},
 * locked on the resourceVersion the reconcile read and handed to JOSDK's cache. Imports Fabric8 and JOSDK only.
 */
package dev.regionguard.controller.status;
