package dev.regionguard.tools.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.eventnotifications.SmtpPasswords;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bench keeps no SMTP password anywhere (the operator puts them in a Kubernetes Secret); it only
 * remembers which users were created, so that writing them is measured like any other write.
 */
final class KeptSmtpUsers implements SmtpPasswords {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> storedUserIds() {
        return Set.copyOf(ids);
    }

    @Override
    public void store(ObjectNode created) {
        ids.add(created.path("id").asText());
    }

    @Override
    public void forget(String userId) {
        ids.remove(userId);
    }
}
