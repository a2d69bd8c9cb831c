package dev.regionguard.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * What one witness (a vantage point outside the controlling cluster) sees of a protection's regions.
 * The witness writes it, in the protection's namespace of the controlling cluster; the operator counts
 * it towards the quorum an automatic failover needs. Nobody edits it by hand.
 */
@Group(Protections.GROUP)
@Version(Protections.VERSION)
@ShortNames("robs")
@Categories("regionguard")
@AdditionalPrinterColumn(
        name = "Protection",
        jsonPath = ".spec.protectionRef.name",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Vantage", jsonPath = ".spec.vantage", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Observed", jsonPath = ".status.observedAt", type = AdditionalPrinterColumn.Type.DATE)
public class RegionObservation extends CustomResource<RegionObservationSpec, RegionObservationStatus>
        implements Namespaced {
    /** Label naming the protection, so kubectl get robs -l can list a protection's observations. */
    public static final String PROTECTION_LABEL = RegionFailover.PROTECTION_LABEL;

    /** The object of one witness and one protection: {@code <enp|cep>-<protection>-<vantage>}. */
    public static String nameOf(ProtectionKind kind, String protection, String vantage) {
        return kind.shortName() + "-" + protection + "-" + vantage;
    }
}
