package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.cloud.IbmApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom domains of every protected project, for status: which region serves each domain at
 * which CNAME target, and whether Code Engine reports the mapping ready. A region that cannot be
 * read keeps its last recorded entries, so a failover still knows the active project's domains.
 */
final class CeDomainMappings {
    private static final Logger LOG = LoggerFactory.getLogger(CeDomainMappings.class);
    static final Comparator<DomainMappingRecord> ORDER =
            Comparator.comparing((DomainMappingRecord d) -> d.name).thenComparing(d -> String.valueOf(d.region));

    private CeDomainMappings() {}

    /** @param projects a client per protected region, the active one first */
    static List<DomainMappingRecord> observe(Map<String, CodeEngineClient> projects, List<DomainMappingRecord> before) {
        List<DomainMappingRecord> records = new ArrayList<>();
        projects.forEach((region, client) -> {
            try {
                client.list(CeKind.DOMAIN_MAPPING).forEach(mapping -> records.add(record(region, mapping)));
            } catch (IbmApiException e) {
                LOG.debug("keeping the last recorded domains of {}: {}", region, e.summary());
                before.stream().filter(d -> region.equals(d.region)).forEach(records::add);
            }
        });
        records.sort(ORDER);
        return records;
    }

    /** The domains {@code region}'s project maps, as last recorded. */
    static List<DomainMappingRecord> of(List<DomainMappingRecord> records, String region) {
        return records == null
                ? List.of()
                : records.stream().filter(d -> region.equals(d.region)).toList();
    }

    static DomainMappingRecord record(String region, ObjectNode mapping) {
        DomainMappingRecord record = new DomainMappingRecord(
                CeJson.text(mapping, "name"),
                mapping.path("component").path("name").asText(null),
                CeJson.text(mapping, "tls_secret"));
        record.region = region;
        record.cnameTarget = CeJson.text(mapping, "cname_target");
        record.status = CeJson.text(mapping, "status");
        String reason = mapping.path("status_details").path("reason").asText(null);
        record.reason = reason == null || reason.equals(record.status) ? null : reason;
        return record;
    }
}
