package dev.regionguard.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regions each service is offered in, as IBM publishes them, and the CEL rules the CRDs carry
 * for them. Each list is written once, as the CEL list literal the rule uses; {@link #eventNotifications()}
 * and {@link #codeEngine()} read the same constant, so the schema and the Java code cannot disagree.
 * Sources: IBM Cloud docs "Event Notifications: Regions and endpoints"
 * (cloud.ibm.com/docs/event-notifications?topic=event-notifications-en-regions-endpoints, updated 2026-05-11:
 * 13 regions) and "Code Engine: Regions" (cloud.ibm.com/docs/codeengine?topic=codeengine-regions, updated
 * 2026-06-16: 11 regions, neither ca-mon nor in-mum). IBM's Code Engine Go SDK publishes no regional list (its
 * GetServiceURLForRegion answers "service does not support regional URLs"), so the docs page is the reference.
 */
public final class IbmRegions {
    /** CEL list items, in alphabetical order. */
    static final String EVENT_NOTIFICATIONS_ITEMS = "'au-syd', 'br-sao', 'ca-mon', 'ca-tor', 'eu-de', 'eu-es', "
            + "'eu-gb', 'in-che', 'in-mum', 'jp-osa', 'jp-tok', 'us-east', 'us-south'";

    static final String CODE_ENGINE_ITEMS =
            "'au-syd', 'br-sao', 'ca-tor', 'eu-de', 'eu-es', 'eu-gb', 'in-che', 'jp-osa', 'jp-tok', 'us-east', 'us-south'";

    static final String EVENT_NOTIFICATIONS_RULE = "self in [" + EVENT_NOTIFICATIONS_ITEMS + "]";
    static final String EVENT_NOTIFICATIONS_MESSAGE = "\"region \" + self + \" does not offer Event Notifications; "
            + "Event Notifications regions: " + EVENT_NOTIFICATIONS_ITEMS + "\"";

    static final String CODE_ENGINE_RULE = "self in [" + CODE_ENGINE_ITEMS + "]";
    static final String CODE_ENGINE_MESSAGE =
            "\"region \" + self + \" does not offer Code Engine; Code Engine regions: " + CODE_ENGINE_ITEMS + "\"";

    /**
     * IBM Cloud Container Registry's regional host prefix per IBM Cloud region, as a CEL map literal
     * (IBM Cloud docs "Container Registry: Regions"; us-east pulls from us.icr.io, in-che has no registry).
     * The region independence audit reads the same table ({@link #registryHosts()}).
     */
    static final String REGISTRY_PREFIXES = "{'au-syd': 'au', 'br-sao': 'br', 'ca-tor': 'ca', 'eu-de': 'de',"
            + " 'eu-es': 'es', 'eu-fr2': 'fr2', 'eu-gb': 'uk', 'jp-osa': 'jp2', 'jp-tok': 'jp', 'us-east': 'us',"
            + " 'us-south': 'us'}";

    /** On a CeStandby: a registry override names the global registry or the standby region's own. */
    static final String OWN_REGISTRY_RULE = "!has(self.regionalOverrides) || !has(self.regionalOverrides.registryHosts)"
            + " || !(self.region in " + REGISTRY_PREFIXES + ") || self.regionalOverrides.registryHosts.all(h,"
            + " h.to in ['icr.io', 'private.icr.io', " + REGISTRY_PREFIXES + "[self.region] + '.icr.io', 'private.' + "
            + REGISTRY_PREFIXES + "[self.region] + '.icr.io'])";

    /** A RegionFailover names no service in its schema: any region of either; the operator checks the rest. */
    static final String ANY_SERVICE_RULE = EVENT_NOTIFICATIONS_RULE + " || " + CODE_ENGINE_RULE;

    static final String ANY_SERVICE_MESSAGE =
            "\"region \" + self + \" offers neither Event Notifications nor Code Engine; Event Notifications regions: "
                    + EVENT_NOTIFICATIONS_ITEMS + "; Code Engine regions: " + CODE_ENGINE_ITEMS + "\"";

    private IbmRegions() {}

    public static List<String> eventNotifications() {
        return parse(EVENT_NOTIFICATIONS_ITEMS);
    }

    public static List<String> codeEngine() {
        return parse(CODE_ENGINE_ITEMS);
    }

    /** The regions the kind's service is offered in. */
    public static List<String> of(ProtectionKind kind) {
        return kind == ProtectionKind.CodeEngineProtection ? codeEngine() : eventNotifications();
    }

    /** "Code Engine" or "Event Notifications", for messages. */
    public static String serviceName(ProtectionKind kind) {
        return kind == ProtectionKind.CodeEngineProtection ? "Code Engine" : "Event Notifications";
    }

    /** Each region's public registry host, e.g. eu-de: de.icr.io; regions without one are absent. */
    public static Map<String, String> registryHosts() {
        Map<String, String> hosts = new TreeMap<>();
        Matcher entry = Pattern.compile("'([a-z0-9-]+)': '([a-z0-9]+)'").matcher(REGISTRY_PREFIXES);
        while (entry.find()) {
            hosts.put(entry.group(1), entry.group(2) + ".icr.io");
        }
        return hosts;
    }

    private static List<String> parse(String celItems) {
        return Arrays.stream(celItems.split(","))
                .map(item -> item.trim().replace("'", ""))
                .toList();
    }
}
