package dev.regionguard.eventnotifications;

import java.util.Set;

/**
 * SMTP configurations, keyed by name. {@code config} holds this instance's DNS verification state
 * (the domain must be verified again per instance). {@code domain} cannot be changed. Their users
 * are a type of their own, {@link EnSmtpUserType}.
 */
final class EnSmtpConfigType extends EnEntityType {

    EnSmtpConfigType() {
        super(EnEntityTypes.SMTP_CONFIG, EnKind.SMTP_CONFIG, Set.of(), false);
    }

    @Override
    Set<String> droppedFields() {
        return Set.of("config");
    }

    @Override
    Set<String> immutableFields() {
        return Set.of("domain");
    }
}
