package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineTargetOverride;
import dev.regionguard.sync.Overrides;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where an {@code ibmce} destination points on a standby: its job's {@code project_crn} and its
 * application's {@code url} name the standby region's project. Declared overrides come first; a
 * project protected by a CodeEngineProtection in the same namespace maps to that protection's
 * standby in the same region by itself (its CRN, not its app domain, which only Code Engine knows).
 */
final class EnCodeEngineTargets {
    static final String PROJECT_CRNS = "ibmce:projectCrn";
    static final String APP_DOMAINS = "ibmce:appDomain";
    /** Primary project ID to the standby project ID of a protected project in the target's region. */
    static final String PROTECTED_PROJECTS = "ibmce:protectedProject";

    private static final int CRN_REGION = 5;
    private static final int CRN_INSTANCE = 7;

    private EnCodeEngineTargets() {}

    static void declare(Map<String, Map<String, String>> tables, List<CodeEngineTargetOverride> declared) {
        for (CodeEngineTargetOverride o : declared) {
            tables.computeIfAbsent(PROJECT_CRNS, t -> new LinkedHashMap<>()).put(o.projectCrn, o.standbyProjectCrn);
            if (o.appDomain != null) {
                tables.computeIfAbsent(APP_DOMAINS, t -> new LinkedHashMap<>()).put(o.appDomain, o.standbyAppDomain);
            }
        }
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
