package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Subscription {@code attributes} by destination type: recipient lists of email and SMS, and the
 * templates a subscription may name.
 */
final class SubscriptionAttributes {

    private static final Set<String> EMAIL_TYPES = Set.of("smtp_ibm", "smtp_custom", "smtp_custom_sandbox");
    private static final Set<String> SMS_TYPES = Set.of("sms_ibm", "sms_custom");
    private static final List<String> RECIPIENT_LISTS = List.of("invited", "subscribed", "unsubscribed");
    private static final String CHANNELS = "channels";
    /** How long an invitation to opt in stays open [unverified]. */
    private static final Duration INVITATION_TTL = Duration.ofDays(30);

    /** Template types a subscription of each destination type may use for notifications. */
    private static final Map<String, Set<String>> NOTIFICATION_TEMPLATES = Map.of(
            "webhook", Set.of("webhook.notification"),
            "slack", Set.of("slack.notification"),
            "pagerduty", Set.of("pagerduty.notification"),
            "event_streams", Set.of("event_streams.notification"),
            "ibmce", Set.of("ibmceapp.notification", "ibmcejob.notification"),
            "app_configuration", Set.of("app_configuration.notification"),
            "smtp_custom", Set.of("smtp_custom.notification"),
            "smtp_custom_sandbox", Set.of("smtp_custom.notification"));

    private SubscriptionAttributes() {}

    static boolean hasRecipients(String destinationType) {
        return EMAIL_TYPES.contains(destinationType) || SMS_TYPES.contains(destinationType);
    }

    /** Validated attributes of a new subscription, recipient lists in their stored form. */
    static ObjectNode forCreate(EnInstance instance, ObjectNode destination, ObjectNode requested) {
        String type = DestinationKind.type(destination);
        ObjectNode attributes = requested == null ? Json.object() : requested.deepCopy();
        checkTemplates(instance, type, attributes);
        if (EMAIL_TYPES.contains(type) && !attributes.path("invited").isArray()) {
            throw ApiException.badRequest("attributes.invited is required for email subscriptions");
        }
        if (isDirectMessage(type, destination) && !attributes.path(CHANNELS).isArray()) {
            throw ApiException.badRequest("attributes.channels is required for Slack direct message subscriptions");
        }
        if (hasRecipients(type)) {
            String key = recipientKey(type);
            ArrayNode invited = Json.array();
            addRecipients(instance, invited, attributes.get("invited"), key);
            attributes.set("invited", invited);
            attributes.set("subscribed", Json.array());
            attributes.set("unsubscribed", Json.array());
        }
        return attributes;
    }

    /**
     * Applies a PATCH. Email and SMS: {@code invited{add,remove}}, {@code subscribed{remove}} and
     * {@code unsubscribed{remove}} edit the lists (an {@code invited} array replaces the list), other
     * keys are set as sent. Slack direct message: {@code channels} is a list of operations
     * {@code [{id, operation: add|remove}]} on the stored channels (IBM's
     * {@code ChannelUpdateAttributes}; left out, the channels stay); the other keys are replaced.
     * Other destination types: the attributes are replaced as a whole.
     */
    static void applyUpdate(EnInstance instance, ObjectNode destination, ObjectNode stored, ObjectNode patch) {
        String type = DestinationKind.type(destination);
        checkTemplates(instance, type, patch);
        if (isDirectMessage(type, destination)) {
            ArrayNode channels = SlackChannels.apply(stored.get(CHANNELS), patch.get(CHANNELS));
            stored.removeAll();
            stored.setAll(patch.deepCopy());
            stored.set(CHANNELS, channels);
            return;
        }
        if (!hasRecipients(type)) {
            stored.removeAll();
            stored.setAll(patch.deepCopy());
            return;
        }
        String key = recipientKey(type);
        patch.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!RECIPIENT_LISTS.contains(name)) {
                stored.set(name, value.deepCopy());
            } else if (name.equals("invited") && value.isArray()) {
                ArrayNode invited = Json.array();
                addRecipients(instance, invited, value, key);
                stored.set("invited", invited);
            } else if (value.isObject()) {
                ArrayNode list = (ArrayNode) stored.get(name);
                removeRecipients(list, value.get("remove"), key);
                if (name.equals("invited")) {
                    addRecipients(instance, list, value.get("add"), key);
                }
            } else {
                throw ApiException.badRequest("attributes." + name + " must be an object with add/remove lists");
            }
        });
    }

    private static boolean isDirectMessage(String type, ObjectNode destination) {
        return "slack".equals(type)
                && "direct_message"
                        .equals(DestinationKind.params(destination).path("type").asText());
    }

    private static void checkTemplates(EnInstance instance, String destinationType, ObjectNode attributes) {
        checkTemplate(
                instance,
                attributes,
                "template_id_notification",
                NOTIFICATION_TEMPLATES.getOrDefault(destinationType, Set.of()),
                destinationType);
        checkTemplate(
                instance,
                attributes,
                "template_id_invitation",
                EMAIL_TYPES.contains(destinationType) && !destinationType.equals("smtp_ibm")
                        ? Set.of("smtp_custom.invitation")
                        : Set.of(),
                destinationType);
    }

    private static void checkTemplate(
            EnInstance instance,
            ObjectNode attributes,
            String field,
            Set<String> allowedTypes,
            String destinationType) {
        String templateId = Json.text(attributes, field);
        if (templateId == null) {
            return;
        }
        if (allowedTypes.isEmpty()) {
            throw ApiException.badRequest(
                    "attributes." + field + " is not supported for " + destinationType + " subscriptions");
        }
        ObjectNode template = instance.templates.get(templateId);
        if (template == null) {
            throw ApiException.badRequest("The template with id '" + templateId + "' does not exist in this instance");
        }
        String templateType = template.get("type").textValue();
        if (!allowedTypes.contains(templateType)) {
            throw ApiException.badRequest(
                    "A " + templateType + " template cannot be used for " + destinationType + " subscriptions");
        }
    }

    private static String recipientKey(String destinationType) {
        return EMAIL_TYPES.contains(destinationType) ? "email" : "phone_number";
    }

    private static void addRecipients(EnInstance instance, ArrayNode list, JsonNode additions, String key) {
        if (additions == null || additions.isNull()) {
            return;
        }
        if (!additions.isArray()) {
            throw ApiException.badRequest("Recipient lists must be arrays of strings");
        }
        for (JsonNode recipient : additions) {
            if (!recipient.isTextual() || recipient.textValue().isBlank()) {
                throw ApiException.badRequest("Recipient lists must be arrays of strings");
            }
            if (indexOf(list, recipient.textValue(), key) >= 0) {
                continue;
            }
            String now = instance.now();
            ObjectNode entry = list.addObject();
            entry.put(key, recipient.textValue());
            entry.put("updated_at", now);
            entry.put("expires_at", SimClock.format(Instant.parse(now).plus(INVITATION_TTL)));
        }
    }

    private static void removeRecipients(ArrayNode list, JsonNode removals, String key) {
        if (removals == null || removals.isNull()) {
            return;
        }
        for (JsonNode recipient : removals) {
            int index = indexOf(list, recipient.asText(), key);
            if (index >= 0) {
                list.remove(index);
            }
        }
    }

    private static int indexOf(ArrayNode list, String recipient, String key) {
        for (int i = 0; i < list.size(); i++) {
            if (recipient.equals(list.get(i).path(key).textValue())) {
                return i;
            }
        }
        return -1;
    }
}
