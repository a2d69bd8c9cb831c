package dev.regionguard.controller.protection;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** How log lines name a protection: namespace/name. */
final class Who {
    private Who() {}

    static String of(HasMetadata protection) {
        return protection.getMetadata().getNamespace() + "/"
                + protection.getMetadata().getName();
    }
}
