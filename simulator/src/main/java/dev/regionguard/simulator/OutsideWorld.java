package dev.regionguard.simulator;

import java.util.Objects;
import java.util.UUID;

/**
 * What happens outside the EN and Code Engine APIs and changes what they answer: the owner of an
 * e-mail domain publishing the DNS records EN asks for, another IBM service connecting itself to an
 * EN instance as a source, the end point of a destination refusing EN's test event.
 */
public final class OutsideWorld {

    private final SimulatedRegions regions;

    OutsideWorld(SimulatedRegions regions) {
        this.regions = regions;
    }

    /** The domain's DKIM and SPF records exist: EN's verify calls answer VERIFIED from now on, in every region. */
    public void publishDnsRecords(String domain) {
        regions.emailDns().publishRecords(domain);
    }

    /** Undoes {@link #publishDnsRecords}. */
    public void withdrawDnsRecords(String domain) {
        regions.emailDns().withdrawRecords(domain);
    }

    /**
     * Another IBM service (Cloud Logs, Secrets Manager, ...) registers itself with the instance: a
     * source of that {@code serviceType} appears, which EN's API lists but cannot create or delete.
     * Its id is the service instance's CRN (IBM's topic examples use it), without the account scope
     * so that it fits in a path segment. Returns the id.
     */
    public String registerServiceSource(String region, String instanceId, String name, String serviceType) {
        EnInstance instance = regions.get(region).requireInstance(instanceId);
        String crn = "crn:v1:bluemix:public:" + serviceType + ":" + region + "::" + UUID.randomUUID() + "::";
        return instance.locked(() -> BuiltIns.source(
                instance, crn, name, serviceType, "Events of the " + serviceType + " instance connected to this one"));
    }

    /**
     * The end point of the destination ({@code destination} is its id or name) refuses EN's test event:
     * {@code POST destinations/{id}/test} answers {@code "status":"failed"} with response code 500 and
     * message {@code Internal Server Error} while {@code failing}; {@code false} lets tests succeed again.
     */
    public void failDestinationTests(String region, String instanceId, String destination, boolean failing) {
        failDestinationTests(
                region,
                instanceId,
                destination,
                failing ? new DestinationTests.Failure(500, "Internal Server Error") : null);
    }

    /** As {@link #failDestinationTests(String, String, String, boolean)}, with the end point's own answer. */
    public void failDestinationTests(
            String region, String instanceId, String destination, int responseCode, String responseMessage) {
        failDestinationTests(
                region,
                instanceId,
                destination,
                new DestinationTests.Failure(responseCode, Objects.requireNonNull(responseMessage, "responseMessage")));
    }

    private void failDestinationTests(
            String region, String instanceId, String destination, DestinationTests.Failure failure) {
        EnInstance instance = regions.get(region).requireInstance(instanceId);
        DestinationTests.setFailure(instance, Objects.requireNonNull(destination, "destination"), failure);
    }
}
