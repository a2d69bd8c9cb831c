/**
 * The custom resources (EventNotificationsProtection, CodeEngineProtection, RegionFailover) as Java types: their
 * specs with every default and validation rule the CRDs carry (the CRDs are generated from these classes), their
 * statuses and conditions, and {@link dev.regionguard.api.ProtectionSpec}, the view of a spec both protection kinds
 * share. Region names are checked in the schema against the regions IBM offers each service in
 * ({@link dev.regionguard.api.IbmRegions}: Event Notifications per IBM's "Regions and endpoints" page, Code Engine
 * per its "Regions" page; Code Engine has neither ca-mon nor in-mum), so a typo or a region without the service is
 * refused by the API server with a message listing the service's regions. Imports only Java, Jackson and the Fabric8 model and annotations; every other package may use it.
 */
package dev.regionguard.api;
