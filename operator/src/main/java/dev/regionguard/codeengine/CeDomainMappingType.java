package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import java.util.Set;

/**
 * Domain mappings, observe only. A custom domain can be claimed by one project at a time
 * ({@code domain_already_claimed}), so a standby must not claim the primary's domains: every
 * mapping is reported as skipped (its status shows it was seen), and a failover moves it with
 * {@link CeDomainMappings#createBodies}. Mirror mode still deletes a mapping only the standby
 * has: a standby should hold no claim that the primary does not.
 */
final class CeDomainMappingType extends CeEntityType {
    static final String SKIP_REASON = "DomainClaimedByPrimary";

    CeDomainMappingType() {
        super(CeEntityTypes.DOMAIN_MAPPING, CeKind.DOMAIN_MAPPING,
                Set.of(CeEntityTypes.SECRET, CeEntityTypes.APP), true, Set.of());
    }

    @Override
    public Translation translate(ObjectNode source, SyncContext context) {
        return new Translation.Skip(SKIP_REASON, "recorded; moved to the standby on failover");
    }
}
