package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineStandbyMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Apps. A warm standby copies the primary's scaling; a cold one writes (and so also expects)
 * {@code scale_min_instances: 0} and keeps everything else, so that it costs nothing until a
 * failover restores {@link CeScaling#of} the primary's app.
 */
final class CeAppType extends CeEntityType {
    private final CodeEngineStandbyMode mode;

    CeAppType(CodeEngineStandbyMode mode) {
        super(
                CeEntityTypes.APP,
                CeKind.APP,
                Set.of(CeEntityTypes.SECRET, CeEntityTypes.CONFIG_MAP, CeEntityTypes.PERSISTENT_DATA_STORE),
                true,
                Set.of());
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    CodeEngineStandbyMode mode() {
        return mode;
    }

    /**
     * The entity tag and the mode: switching a standby between warm and cold changes what is
     * wanted without changing either side, so it must also change the marker, or the engine's
     * watermarks would skip the comparison.
     */
    @Override
    public String changeMarker(ObjectNode listItem) {
        String tag = super.changeMarker(listItem);
        return tag == null ? null : tag + "/" + mode.name().toLowerCase(Locale.ROOT);
    }

    @Override
    ObjectNode adjust(ObjectNode body) {
        if (mode == CodeEngineStandbyMode.Cold) {
            body.put(CeScaling.MIN, 0);
        }
        return body;
    }

    @Override
    public String toString() {
        return "CeEntityType(app, " + mode + ")";
    }
}
