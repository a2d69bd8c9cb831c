package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.UUID;

/**
 * What happens outside the EN and Code Engine APIs and changes what they answer: the owner of an
 * e-mail domain publishing the DNS records EN asks for, another IBM service connecting itself to an
 * EN instance as a source, the end point of a destination refusing EN's test event, a phone or browser
 * registering with a push destination through IBM's push client SDKs.
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

    /**
     * A device registers with the push destination named {@code destinationName} (through IBM's push
     * client SDKs, not the admin API): tag subscriptions may then be created for it. {@code userId} may be
     * null; registering again replaces it. Throws IllegalArgumentException for an unknown region,
     * instance or destination, a destination that is not a push destination, or a blank device id.
     */
    public void registerDevice(
            String region, String instanceId, String destinationName, String deviceId, String userId) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId must not be blank");
        }
        EnInstance instance = regions.get(region).requireInstance(instanceId);
        instance.locked(() -> {
            instance.pushDevices.register(pushDestinationId(instance, destinationName), deviceId, userId);
            return null;
        });
    }

    /**
     * Undoes {@link #registerDevice}, dropping the device's tag subscriptions as deleting the device
     * would. A device that is not registered is left alone; an unknown region, instance or destination
     * throws IllegalArgumentException.
     */
    public void unregisterDevice(String region, String instanceId, String destinationName, String deviceId) {
        EnInstance instance = regions.get(region).requireInstance(instanceId);
        instance.locked(() -> {
            instance.pushDevices.unregister(
                    pushDestinationId(instance, destinationName), Objects.requireNonNull(deviceId, "deviceId"));
            return null;
        });
    }

    private static String pushDestinationId(EnInstance instance, String destinationName) {
        Objects.requireNonNull(destinationName, "destinationName");
        ObjectNode destination = instance.destinations
                .findByName(destinationName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "No destination named '" + destinationName + "' in instance " + instance.id()));
        if (!PushDevices.PUSH_TYPES.contains(DestinationKind.type(destination))) {
            throw new IllegalArgumentException("The destination '" + destinationName + "' is of type "
                    + DestinationKind.type(destination) + ", not a push destination");
        }
        return destination.get("id").textValue();
    }

    private void failDestinationTests(
            String region, String instanceId, String destination, DestinationTests.Failure failure) {
        EnInstance instance = regions.get(region).requireInstance(instanceId);
        DestinationTests.setFailure(instance, Objects.requireNonNull(destination, "destination"), failure);
    }
}
