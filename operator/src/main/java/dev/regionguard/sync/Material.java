package dev.regionguard.sync;

import dev.regionguard.cloud.FilePart;
import java.util.List;
import java.util.Map;

/**
 * Write-only data for one entity, read from a Kubernetes Secret or ConfigMap.
 * {@code toString} never shows values.
 *
 * @param values  key to value, e.g. {@code routing_key}, {@code header.Authorization}, {@code body}
 * @param files   file parts, e.g. {@code certificate}
 * @param digest  a digest of values and files, to notice when the material changes
 * @param origin  where it came from, for messages: {@code Secret pagerduty-keys}
 */
public record Material(Map<String, String> values, List<FilePart> files, String digest, String origin) {
    @Override
    public String toString() {
        return "Material[" + origin + ", keys=" + values.keySet() + "]";
    }
}
