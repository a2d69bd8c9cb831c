package dev.regionguard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans one standby's entities for references to the protection's other regions: the location of
 * a CRN ({@code crn:v1:bluemix:public:kms:us-south:...}), a host with the region as one of its
 * labels ({@code us-south.kms.cloud.ibm.com}, {@code s3.us-south.cloud-object-storage.appdomain.cloud},
 * {@code app.x.us-south.codeengine.appdomain.cloud}), and a regional registry host
 * ({@code us.icr.io/team/app:1}) other than the standby's own, and the name of another region's
 * automatic registry secret of Code Engine ({@code ce-auto-icr-private-us-south}), which the
 * standby's project does not have.
 */
public final class RegionReferenceScanner {
    private static final Pattern CRN =
            Pattern.compile("crn:v1:[^:\\s\"]*:[^:\\s\"]*:[^:\\s\"]*:([^:\\s\"]*):[^\\s\"]*");
    private static final Pattern HOST = Pattern.compile(
            "(?<![A-Za-z0-9.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}(?![A-Za-z0-9-])");
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/@\\s]*@");
    private static final Pattern QUERY = Pattern.compile("[?#]\\S*");
    private static final Pattern ZONE = Pattern.compile("-[0-9]+$");
    /** Code Engine's automatic registry secret of a region, e.g. ce-auto-icr-private-us-south. */
    private static final Pattern AUTO_REGISTRY_SECRET =
            Pattern.compile("ce-auto-icr-(?:private-|public-)?([a-z]+-[a-z0-9]+)");

    private final String ownRegion;
    private final Set<String> foreignRegions;

    /**
     * @param ownRegion      the standby's region
     * @param foreignRegions the protection's other regions (the primary's among them)
     */
    public RegionReferenceScanner(String ownRegion, Set<String> foreignRegions) {
        this.ownRegion = ownRegion;
        Set<String> foreign = new LinkedHashSet<>(foreignRegions);
        foreign.remove(ownRegion);
        this.foreignRegions = Set.copyOf(foreign);
    }

    /** The foreign references in one entity, in document order, each field and value once. */
    public List<RegionReference> scan(String kind, String name, JsonNode entity) {
        List<RegionReference> found = new ArrayList<>();
        if (entity != null && !foreignRegions.isEmpty()) {
            walk(kind, name, "", entity, found);
        }
        return List.copyOf(new LinkedHashSet<>(found));
    }

    private void walk(String kind, String name, String path, JsonNode node, List<RegionReference> found) {
        if (node.isObject()) {
            boolean sensitive = node.path("is_sensitive").asBoolean(false)
                    || node.path("sensitive").asBoolean(false);
            for (Map.Entry<String, JsonNode> field : iterable(node)) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (SecretFields.skip(kind, child, field.getKey()) || sensitive && "value".equals(field.getKey())) {
                    continue;
                }
                walk(kind, name, child, field.getValue(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(kind, name, path + "[" + i + "]", node.get(i), found);
            }
        } else if (node.isTextual()) {
            scanText(kind, name, path, node.asText(), found);
        }
    }

    private void scanText(String kind, String name, String path, String text, List<RegionReference> found) {
        Matcher secret = AUTO_REGISTRY_SECRET.matcher(text);
        if (secret.matches()) {
            foreign(secret.group(1)).ifPresent(r -> found.add(new RegionReference(kind, name, path, r, text)));
            return;
        }
        Matcher crn = CRN.matcher(text);
        while (crn.find()) {
            foreign(crn.group(1)).ifPresent(r -> found.add(new RegionReference(kind, name, path, r, crn.group())));
        }
        String withoutSecrets = QUERY.matcher(
                        USER_INFO.matcher(CRN.matcher(text).replaceAll(" ")).replaceAll(""))
                .replaceAll(" ");
        Matcher host = HOST.matcher(withoutSecrets);
        while (host.find()) {
            String h = host.group().toLowerCase(Locale.ROOT);
            regionOfHost(h).ifPresent(r -> found.add(new RegionReference(kind, name, path, r, h)));
        }
    }

    private Optional<String> regionOfHost(String host) {
        for (String label : host.split("\\.")) {
            Optional<String> region = foreign(label);
            if (region.isPresent()) {
                return region;
            }
        }
        if (host.endsWith(".icr.io") && !RegistryHosts.isRegistryOf(host, ownRegion)) {
            return foreignRegions.stream()
                    .filter(r -> RegistryHosts.isRegistryOf(host, r))
                    .sorted()
                    .findFirst();
        }
        return Optional.empty();
    }

    /** The foreign region a CRN location or host label names (a zone such as us-south-1 included). */
    private Optional<String> foreign(String location) {
        String region = ZONE.matcher(location.toLowerCase(Locale.ROOT)).replaceFirst("");
        return foreignRegions.contains(region) ? Optional.of(region) : Optional.empty();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
