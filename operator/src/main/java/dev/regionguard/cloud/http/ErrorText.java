package dev.regionguard.cloud.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBM's error text as RegionGuard repeats it in status, Events and logs: at most {@link #MAX} characters,
 * and whatever looks like a credential replaced by {@code [redacted]}. IBM's messages sometimes echo what
 * was sent (a webhook URL with a token, a field value), and a status is readable by anyone who can get
 * the protection.
 */
final class ErrorText {
    static final int MAX = 300;
    static final String REDACTED = "[redacted]";

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[^\\s\"',;]+");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(api[_-]?key|apikey|password|passwd|secret|token|access_token|refresh_token|signing_key)"
                    + "(\"?\\s*[:=]\\s*\"?)([^\"'\\s,;&}]+)");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)(https?://)[^/\\s:@]+:[^/\\s@]+@");
    /** Long runs of key-like characters: IBM API keys (44), hex or base64url tokens, JWT parts. */
    private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z0-9_\\-]{32,}");

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ErrorText() {}

    static String safe(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = BEARER.matcher(text).replaceAll("$1 " + REDACTED);
        scrubbed = KEY_VALUE.matcher(scrubbed).replaceAll("$1$2" + REDACTED);
        scrubbed = URL_CREDENTIALS.matcher(scrubbed).replaceAll("$1" + REDACTED + "@");
        scrubbed = replaceLongRuns(scrubbed);
        return scrubbed.length() <= MAX ? scrubbed : scrubbed.substring(0, MAX) + "…";
    }

    /** IDs (UUIDs, instance and project IDs, a CRN's account) stay readable: on-call needs them; keys do not. */
    private static String replaceLongRuns(String text) {
        Matcher run = LONG_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (run.find()) {
            String found = run.group();
            boolean account = run.start() >= 2 && text.startsWith("a/", run.start() - 2); // a CRN's account
            boolean id = account || UUID.matcher(found).matches() || !looksRandom(found);
            run.appendReplacement(out, Matcher.quoteReplacement(id ? found : REDACTED));
        }
        run.appendTail(out);
        return out.toString();
    }

    /** Mixed case with digits (API keys, base64url) or bare hex (tokens, digests); names are neither. */
    private static boolean looksRandom(String s) {
        boolean digit = s.chars().anyMatch(Character::isDigit);
        boolean mixedCase =
                s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase);
        return digit && (mixedCase || HEX.matcher(s).matches());
    }
}
