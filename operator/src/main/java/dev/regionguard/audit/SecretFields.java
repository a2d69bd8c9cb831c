package dev.regionguard.audit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Fields the audit never reads: write-only secrets and anything named like one. A Code Engine
 * secret's data is skipped except a registry secret's {@code server}, which is a host, not a secret.
 */
final class SecretFields {
    private static final Pattern SECRET_NAME =
            Pattern.compile("password|passwd|token|apikey|privatekey|secretkey|accesskey|clientsecret|credential");

    private SecretFields() {}

    static boolean skip(String kind, String path, String fieldName) {
        String normalised = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (SECRET_NAME.matcher(normalised).find()) {
            return true;
        }
        return "secret".equals(kind) && path.startsWith("data.") && !"data.server".equals(path);
    }
}
