package dev.regionguard.codeengine;

import dev.regionguard.api.CeRegionalOverrides;
import dev.regionguard.sync.Overrides;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A standby's declared Code Engine overrides as {@link CeRegionalRewrite} reads them. */
public final class CeOverrides {

    private CeOverrides() {}

    public static Overrides of(String region, CeRegionalOverrides declared) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        if (declared != null) {
            tables.put(CeRegionalRewrite.REGISTRY_HOSTS, table(declared.registryHosts, h -> h.from, h -> h.to));
            tables.put(CeRegionalRewrite.IMAGE_SECRETS, table(declared.imageSecrets, n -> n.from, n -> n.to));
            tables.put(CeRegionalRewrite.FUNCTION_RUNTIMES, table(declared.functionRuntimes, n -> n.from, n -> n.to));
        }
        return new Overrides(region, tables);
    }

    private static <T> Map<String, String> table(List<T> entries, Function<T, String> from, Function<T, String> to) {
        Map<String, String> table = new LinkedHashMap<>();
        if (entries != null) {
            entries.forEach(e -> table.put(from.apply(e), to.apply(e)));
        }
        return table;
    }
}
