package dev.regionguard.tools.plugin;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionSpec;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.SideRef;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A protection of either kind, found by name in the client's namespace: what every plugin command starts from. */
record Protection(ProtectionKind kind, CustomResource<? extends ProtectionSpec, ? extends ProtectionStatus> resource) {

    /** Every protection in the namespace, Event Notifications first, each kind by name. */
    static List<Protection> all(KubernetesClient client) {
        List<Protection> all = new ArrayList<>();
        client.resources(EventNotificationsProtection.class).list().getItems().stream()
                .sorted((a, b) ->
                        a.getMetadata().getName().compareTo(b.getMetadata().getName()))
                .forEach(p -> all.add(new Protection(ProtectionKind.EventNotificationsProtection, p)));
        client.resources(CodeEngineProtection.class).list().getItems().stream()
                .sorted((a, b) ->
                        a.getMetadata().getName().compareTo(b.getMetadata().getName()))
                .forEach(p -> all.add(new Protection(ProtectionKind.CodeEngineProtection, p)));
        return all;
    }

    /**
     * The protection called name, of whichever kind has it.
     *
     * @throws IllegalArgumentException (one line, exit 1) when none or both kinds have it
     */
    static Protection named(KubernetesClient client, String name) {
        EventNotificationsProtection en = client.resources(EventNotificationsProtection.class)
                .withName(name)
                .get();
        CodeEngineProtection ce =
                client.resources(CodeEngineProtection.class).withName(name).get();
        if (en != null && ce != null) {
            throw new IllegalArgumentException(
                    "both an EventNotificationsProtection and a CodeEngineProtection are named "
                            + name + " in namespace " + client.getNamespace() + "; use kubectl with enp/" + name
                            + " or cep/"
                            + name);
        }
        if (en != null) {
            return new Protection(ProtectionKind.EventNotificationsProtection, en);
        }
        if (ce != null) {
            return new Protection(ProtectionKind.CodeEngineProtection, ce);
        }
        throw new IllegalArgumentException("no protection named " + name + " in namespace " + client.getNamespace()
                + " (kubectl get regionguard)");
    }

    String name() {
        return resource.getMetadata().getName();
    }

    /** enp or cep, the short name kubectl knows. */
    String shortName() {
        return kind == ProtectionKind.EventNotificationsProtection ? "enp" : "cep";
    }

    /** The regions the spec names: the primary first, then the standbys in spec order. */
    List<String> specRegions() {
        ProtectionSpec spec = resource.getSpec();
        if (spec == null || spec.primarySide() == null) {
            return List.of();
        }
        return Stream.concat(Stream.of(spec.primarySide()), spec.standbySides().stream())
                .map(SideRef::region)
                .toList();
    }

    /** The status, or an empty one when the operator has not written any yet. */
    ProtectionStatus status() {
        ProtectionStatus status = resource.getStatus();
        return status == null ? new ProtectionStatus() : status;
    }
}
