package dev.regionguard.cloud;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the IBM Cloud APIs of a region live. CRs never carry URLs: they name a region (or a CIS
 * instance's CRN), and the operator's configuration decides public or private endpoints, or
 * templates for the simulator. A template contains {@code {region}}; CIS is global.
 */
public record Endpoints(String iamUrl, String eventNotificationsTemplate, String codeEngineTemplate, String cisUrl) {
    static final String PUBLIC_CIS = "https://api.cis.cloud.ibm.com";

    /** With CIS at its public endpoint. */
    public Endpoints(String iamUrl, String eventNotificationsTemplate, String codeEngineTemplate) {
        this(iamUrl, eventNotificationsTemplate, codeEngineTemplate, PUBLIC_CIS);
    }

    /** The same endpoints with CIS at {@code url} (the simulator's). */
    public Endpoints withCis(String url) {
        return new Endpoints(iamUrl, eventNotificationsTemplate, codeEngineTemplate, url);
    }

    /** us-south, eu-de, jp-tok, ...: the second part can be two letters (eu-de, eu-gb, eu-es). */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}-[a-z]{2,5}");

    public static Endpoints publicEndpoints() {
        return new Endpoints(
                "https://iam.cloud.ibm.com",
                "https://{region}.event-notifications.cloud.ibm.com/event-notifications",
                "https://api.{region}.codeengine.cloud.ibm.com/v2");
    }

    public static Endpoints privateEndpoints() {
        return new Endpoints(
                "https://private.iam.cloud.ibm.com",
                "https://private.{region}.event-notifications.cloud.ibm.com/event-notifications",
                "https://api.private.{region}.codeengine.cloud.ibm.com/v2",
                "https://api.private.cis.cloud.ibm.com");
    }

    public static Endpoints of(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "public" -> publicEndpoints();
            case "private" -> privateEndpoints();
            default -> throw new IllegalArgumentException("endpoint type must be public or private, not " + type);
        };
    }

    /** IAM token endpoint: {@code <iam>/identity/token}. */
    public String iamTokenUrl() {
        return stripSlash(iamUrl) + "/identity/token";
    }

    /** Base URL of Event Notifications in a region; paths start with {@code /v1/instances/...}. */
    public String eventNotifications(String region) {
        return expand(eventNotificationsTemplate, region);
    }

    /** Base URL of Code Engine v2 in a region; paths start with {@code /projects/...}. */
    public String codeEngine(String region) {
        return expand(codeEngineTemplate, region);
    }

    /** Base URL of CIS's API; paths start with {@code /v1/{crn}/...}. */
    public String cis() {
        return stripSlash(cisUrl);
    }

    private static String expand(String template, String region) {
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not a region name: " + region);
        }
        return stripSlash(template.replace("{region}", region));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
