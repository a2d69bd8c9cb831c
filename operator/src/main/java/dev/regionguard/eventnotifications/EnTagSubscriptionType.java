package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.sync.Desired;
import java.util.Set;

/**
 * A push destination's subscription of one device to one tag, keyed by the destination's key (its
 * type and name), the device and the tag, the last two URL-encoded as they are the owner's strings
 * ({@code push_android/mobile/device-42/offers}). Nothing of it can change, so it is
 * created or deleted, never updated. IBM creates it only for a device registered with the standby's
 * destination, which the device's app does with IBM's push client SDKs (the admin API cannot):
 * until then it is {@code DeviceNotRegistered}.
 */
final class EnTagSubscriptionType extends EnEntityType {
    /** Set by the store on every listed subscription: the key of its destination ({@code type/name}). */
    static final String DESTINATION_KEY = "destination_key";

    static final String DEVICE_NOT_REGISTERED = "DeviceNotRegistered";

    EnTagSubscriptionType() {
        super(EnEntityTypes.TAG_SUBSCRIPTION, EnKind.TAG_SUBSCRIPTION, Set.of(EnEntityTypes.DESTINATION), true);
    }

    @Override
    public String key(ObjectNode entity) {
        return EnTagSubscriptionStore.path(
                EnJson.text(entity, DESTINATION_KEY),
                EnJson.text(entity, "device_id"),
                EnJson.text(entity, "tag_name"));
    }

    @Override
    public String id(ObjectNode entity) {
        return EnTagSubscriptionStore.path(
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
    public String createRefusal(ErrorCategory category) {
        return category == ErrorCategory.NOT_FOUND ? DEVICE_NOT_REGISTERED : null;
    }

    /** Its direct read is a filtered list of the same collection (IBM gives it no path of its own). */
    @Override
    public boolean directReadProvesAbsence() {
        return false;
    }

    /**
     * Only when {@code spec.sync.entities} names it: a subscription of a device registered with the
     * primary alone cannot be copied and keeps the standby out of sync, which most apps (whose devices
     * register with the new instance after a failover) do not want.
     */
    @Override
    public boolean syncedByDefault() {
        return false;
    }

    /** Nothing of it can be updated (IBM has no update): any difference is a replacement. */
    @Override
    public boolean needsReplace(Desired desired, ObjectNode targetComparable) {
        return !desired.comparable().equals(targetComparable);
    }

    /** The registration's user, which the device brings along when it registers with the standby. */
    @Override
    Set<String> droppedFields() {
        return Set.of("user_id");
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
