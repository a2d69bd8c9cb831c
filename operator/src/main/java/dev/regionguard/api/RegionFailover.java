package dev.regionguard.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A one-shot failover, relocation or plan of one protection. Kept apart from the protection so that
 * Git (Argo CD) owns the protection and on-call or the operator owns the action.
 */
@Group(Protections.GROUP)
@Version(Protections.VERSION)
@ShortNames("rfo")
@Categories("regionguard")
@AdditionalPrinterColumn(
        name = "Protection",
        jsonPath = ".spec.protectionRef.name",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Target", jsonPath = ".status.toRegion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "Age",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class RegionFailover extends CustomResource<RegionFailoverSpec, RegionFailoverStatus> implements Namespaced {
    /** Label on RegionFailovers the operator created itself; its value is {@link #AUTOMATIC}. */
    public static final String TRIGGER_LABEL = "regionguard.dev/trigger";

    public static final String AUTOMATIC = "automatic";
    /** Label naming the protection, so kubectl get rfo -l can list a protection's failovers. */
    public static final String PROTECTION_LABEL = "regionguard.dev/protection";
}
