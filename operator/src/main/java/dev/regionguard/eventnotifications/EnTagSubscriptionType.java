package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import java.util.Set;

/**
 * A push destination's subscription of one device to one tag, keyed by the destination's name, the
 * device and the tag ({@code mobile-push/device-42/offers}). Nothing of it can change, so it is
 * created or deleted, never updated. IBM creates it only for a device registered with the standby's
 * destination, which the device's app does with IBM's push client SDKs (the admin API cannot):
 * until then it is {@code DeviceNotRegistered}.
 */
final class EnTagSubscriptionType extends EnEntityType {
    /** Set by the store on every listed subscription: the name of its destination. */
    static final String DESTINATION_NAME = "destination_name";

    static final String DEVICE_NOT_REGISTERED = "DeviceNotRegistered";

    EnTagSubscriptionType() {
        super(EnEntityTypes.TAG_SUBSCRIPTION, EnKind.TAG_SUBSCRIPTION, Set.of(EnEntityTypes.DESTINATION), true);
    }

    @Override
    public String key(ObjectNode entity) {
        return EnJson.text(entity, DESTINATION_NAME) + "/" + EnJson.text(entity, "device_id") + "/"
                + EnJson.text(entity, "tag_name");
    }

    @Override
    public String id(ObjectNode entity) {
        return EnTagSubscriptionStore.id(
                EnJson.text(entity, "destination_id"),
                EnJson.text(entity, "device_id"),
                EnJson.text(entity, "tag_name"));
    }

    /** IBM's id of this subscription: it changes only when the subscription is made again. */
    @Override
    public String changeMarker(ObjectNode listItem) {
        return EnJson.text(listItem, "id");
    }

    /** Where IBM does not find the device with the destination it says 404: the device must register there. */
    @Override
    public String writeFailedReason(ErrorCategory category) {
        return category == ErrorCategory.NOT_FOUND ? DEVICE_NOT_REGISTERED : super.writeFailedReason(category);
    }

    /** The registration's user, which the device brings along when it registers with the standby. */
    @Override
    Set<String> droppedFields() {
        return Set.of("user_id");
    }

    @Override
    Set<String> immutableFields() {
        return Set.of("destination_id", "device_id", "tag_name");
    }

    @Override
    void remap(ObjectNode body, EnReferences references) {
        references.remap(body, "destination_id", EnEntityTypes.DESTINATION);
    }

    @Override
    String describe(ObjectNode entity) {
        return name() + " '" + key(entity) + "'";
    }
}
