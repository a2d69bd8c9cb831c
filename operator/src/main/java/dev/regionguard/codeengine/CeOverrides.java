package dev.regionguard.codeengine;

import dev.regionguard.api.CeRegionalOverrides;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.RegionalName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The declared Code Engine overrides as {@link CeRegionalRewrite} reads them for one target region:
 * on a standby, the primary's registry hosts, image secrets and runtimes become the standby's; on
 * the primary's own region, written to after a failover, the standbys' become the primary's again.
 */
public final class CeOverrides {

    private CeOverrides() {}

    /**
     * @param region the target's region
     * @param primaryRegion the protection's primary region
     * @param declared standby region to its declared overrides
     */
    public static Overrides of(String region, String primaryRegion, Map<String, CeRegionalOverrides> declared) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        tables.put(
                CeRegionalRewrite.REGISTRY_HOSTS,
                rewrites(region, primaryRegion, declared, o -> table(o.registryHosts, h -> h.from, h -> h.to)));
        tables.put(
                CeRegionalRewrite.IMAGE_SECRETS,
                rewrites(region, primaryRegion, declared, o -> table(o.imageSecrets, n -> n.from, n -> n.to)));
        tables.put(
                CeRegionalRewrite.FUNCTION_RUNTIMES,
                rewrites(region, primaryRegion, declared, o -> table(o.functionRuntimes, n -> n.from, n -> n.to)));
        return new Overrides(region, tables);
    }

    private static Map<String, String> rewrites(
            String region,
            String primaryRegion,
            Map<String, CeRegionalOverrides> declared,
            Function<CeRegionalOverrides, Map<String, String>> part) {
        Map<String, Map<String, String>> byRegion = new TreeMap<>();
        declared.forEach((standbyRegion, overrides) -> byRegion.put(standbyRegion, part.apply(overrides)));
        return RegionalName.table(RegionalName.of(primaryRegion, byRegion), region);
    }

    private static <T> Map<String, String> table(List<T> entries, Function<T, String> from, Function<T, String> to) {
        Map<String, String> table = new LinkedHashMap<>();
        if (entries != null) {
            entries.forEach(e -> table.put(from.apply(e), to.apply(e)));
        }
        return table;
    }
}
