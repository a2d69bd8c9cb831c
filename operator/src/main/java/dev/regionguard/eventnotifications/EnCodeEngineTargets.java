package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineTargetOverride;
import dev.regionguard.api.EnRegionalOverrides;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.RegionalName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where an {@code ibmce} destination points in a target region: its job's {@code project_crn} and
 * its application's {@code url} name that region's project. Declared overrides come first; a
 * project protected by a CodeEngineProtection in the same namespace maps to that protection's
 * project in the same region by itself (its CRN, not its app domain, which only Code Engine knows).
 * Both work in every direction: after a failover, a copy back to the primary's region targets the
 * primary's projects again.
 */
final class EnCodeEngineTargets {
    static final String PROJECT_CRNS = "ibmce:projectCrn";
    static final String APP_DOMAINS = "ibmce:appDomain";
    /** Another region's project ID to the target region's, of a project protected in the namespace. */
    static final String PROTECTED_PROJECTS = "ibmce:protectedProject";

    private static final int CRN_REGION = 5;
    private static final int CRN_INSTANCE = 7;

    private EnCodeEngineTargets() {}

    /** The declared projects' CRNs and app domains, each rewritten to the one of {@code region}. */
    static void declare(
            Map<String, Map<String, String>> tables,
            String region,
            String primaryRegion,
            Map<String, EnRegionalOverrides> declared) {
        Map<String, Map<String, String>> crns = new TreeMap<>();
        Map<String, Map<String, String>> domains = new TreeMap<>();
        declared.forEach((standbyRegion, overrides) -> {
            for (CodeEngineTargetOverride o : orEmpty(overrides.codeEngineProjects)) {
                crns.computeIfAbsent(standbyRegion, r -> new TreeMap<>()).put(o.projectCrn, o.standbyProjectCrn);
                if (o.appDomain != null) {
                    domains.computeIfAbsent(standbyRegion, r -> new TreeMap<>()).put(o.appDomain, o.standbyAppDomain);
                }
            }
        });
        tables.put(PROJECT_CRNS, RegionalName.table(RegionalName.of(primaryRegion, crns), region));
        tables.put(APP_DOMAINS, RegionalName.table(RegionalName.of(primaryRegion, domains), region));
    }

    private static List<CodeEngineTargetOverride> orEmpty(List<CodeEngineTargetOverride> list) {
        return list == null ? List.of() : list;
    }

    /** Rewrites an ibmce destination's params in place; others are left alone. */
    static void localize(ObjectNode params, Overrides overrides) {
        String crn = EnJson.text(params, "project_crn");
        if (crn != null) {
            overrides
                    .lookup(PROJECT_CRNS, crn)
                    .or(() -> protectedProject(crn, overrides))
                    .ifPresent(standby -> params.put("project_crn", standby));
        }
        String url = EnJson.text(params, "url");
        if (url != null && url.startsWith("https://")) {
            String host = hostOf(url);
            overrides.table(APP_DOMAINS).forEach((from, to) -> {
                if (host.endsWith("." + from)) {
                    String app = host.substring(0, host.length() - from.length());
                    params.put("url", "https://" + app + to + url.substring("https://".length() + host.length()));
                }
            });
        }
    }

    private static Optional<String> protectedProject(String crn, Overrides overrides) {
        String[] parts = crn.split(":", -1);
        if (parts.length < 10 || !"codeengine".equals(parts[4]) || overrides.region() == null) {
            return Optional.empty();
        }
        return overrides.lookup(PROTECTED_PROJECTS, parts[CRN_INSTANCE]).map(standbyId -> {
            parts[CRN_REGION] = overrides.region();
            parts[CRN_INSTANCE] = standbyId;
            return String.join(":", parts);
        });
    }

    private static String hostOf(String url) {
        String rest = url.substring("https://".length());
        int end = rest.length();
        for (char c : new char[] {'/', ':', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }
}
