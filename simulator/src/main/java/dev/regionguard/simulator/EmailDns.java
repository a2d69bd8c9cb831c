package dev.regionguard.simulator;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which e-mail domains have published the DKIM and SPF records EN asks for. DNS is global, not
 * regional: once a domain's records exist, IBM's verify calls succeed in every region. Tests and the
 * control API flip a domain from "records missing" to "records present".
 */
final class EmailDns {

    private final Set<String> published = ConcurrentHashMap.newKeySet();

    EmailDns() {}

    /** The domain's owner has published the records: verify calls from now on answer VERIFIED. */
    void publishRecords(String domain) {
        published.add(normalized(domain));
    }

    /** Undoes {@link #publishRecords}. */
    void withdrawRecords(String domain) {
        published.remove(normalized(domain));
    }

    boolean hasRecords(String domain) {
        return domain != null && published.contains(normalized(domain));
    }

    private static String normalized(String domain) {
        return domain.trim().toLowerCase(Locale.ROOT);
    }
}
