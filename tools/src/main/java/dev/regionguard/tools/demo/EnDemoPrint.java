package dev.regionguard.tools.demo;

import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.eventnotifications.EnKind;
import dev.regionguard.eventnotifications.EventNotificationsClient;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

/** What the demo prints of the EN protection: its row, a standby's counts, both inventories, its Events. */
final class EnDemoPrint {
    private final PrintStream out;

    EnDemoPrint(PrintStream out) {
        this.out = out;
    }

    void printEvents(KubernetesClient k8s, String namespace, String name) {
        k8s.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .sorted(Comparator.comparing(Event::getLastTimestamp))
                .forEach(e -> out.printf("    %-7s %-14s %s%n", e.getType(), e.getReason(), e.getMessage()));
    }

    void printRow(KubernetesClient k8s, String namespace, String name) {
        EventNotificationsProtection enp = k8s.resources(EventNotificationsProtection.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        ProtectionStatus s = enp.getStatus();
        out.printf(
                "    $ kubectl get enp%n    %-22s %-6s %-9s %-6s %-8s %s%n    %-22s %-6s %-9s %-6s %-8s %s%n",
                "NAME",
                "READY",
                "ACTIVE",
                "EPOCH",
                "IN SYNC",
                "LAST SYNC",
                name,
                Conditions.find(s.conditions, Conditions.READY).status,
                s.activeRegion,
                s.epoch,
                s.standbysInSync,
                s.lastSyncTime);
    }

    void printStandby(StandbyStatus s) {
        out.printf(
                "    %s: created %d, updated %d, deleted %d, unchanged %d, skipped %d, failed %d%n",
                s.region,
                s.counts.created,
                s.counts.updated,
                s.counts.deleted,
                s.counts.unchanged,
                s.counts.skipped,
                s.counts.failed);
        s.unsyncedEntities.forEach(
                u -> out.printf("      not synced: %s %s (%s) %s%n", u.type, u.name, u.reason, u.message));
    }

    void inventory(EventNotificationsClient primary, EventNotificationsClient standby) {
        out.printf("    %-14s %8s %8s%n", "entity", Demo.PRIMARY_REGION, Demo.STANDBY_REGION);
        for (EnKind kind :
                List.of(EnKind.SOURCE, EnKind.DESTINATION, EnKind.TEMPLATE, EnKind.TOPIC, EnKind.SUBSCRIPTION)) {
            out.printf(
                    "    %-14s %8d %8d%n",
                    kind.listKey(),
                    primary.list(kind).size(),
                    standby.list(kind).size());
        }
    }
}
