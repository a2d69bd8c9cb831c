package dev.regionguard.eventnotifications;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.controller.protection.RegionProbe;
import dev.regionguard.spec.ProtectedSide;

/** Event Notifications answers for an instance when it lists one of its sources. */
public final class EnRegionProbe implements RegionProbe<EventNotificationsProtection> {
    private final EventNotificationsClients probeClients;

    /** @param probeClients clients that do not retry (a retry is the probe's next attempt) */
    public EnRegionProbe(EventNotificationsClients probeClients) {
        this.probeClients = probeClients;
    }

    @Override
    public void probe(EventNotificationsProtection protection, ProtectedSide side, ApiKey key) {
        probeClients.forInstance(side.region(), side.id(), key).probe();
    }
}
