package dev.regionguard.api;

import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.DATE;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.INTEGER;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.STRING;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Keeps standby Event Notifications instances in other regions in sync with a primary. */
@Group(Protections.GROUP)
@Version(Protections.VERSION)
@ShortNames("enp")
@Categories("regionguard")
@AdditionalPrinterColumn(name = "Ready", jsonPath = Protections.READY_COLUMN, type = STRING)
@AdditionalPrinterColumn(name = "Active", jsonPath = Protections.ACTIVE_COLUMN, type = STRING)
@AdditionalPrinterColumn(name = "Epoch", jsonPath = Protections.EPOCH_COLUMN, type = INTEGER)
@AdditionalPrinterColumn(name = "Primary", jsonPath = Protections.PRIMARY_COLUMN, type = STRING, priority = 1)
@AdditionalPrinterColumn(name = "In Sync", jsonPath = Protections.IN_SYNC_COLUMN, type = STRING)
@AdditionalPrinterColumn(name = "Last Sync", jsonPath = Protections.LAST_SYNC_COLUMN, type = DATE)
@AdditionalPrinterColumn(name = "Age", jsonPath = Protections.AGE_COLUMN, type = DATE)
public class EventNotificationsProtection extends CustomResource<EventNotificationsProtectionSpec, ProtectionStatus>
        implements Namespaced {}
