package dev.regionguard.spec;

import dev.regionguard.api.SyncSpec;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Kubernetes-style durations such as {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}. */
public final class Durations {
    // The CRD's pattern: a text the schema accepts always parses, and a text it rejects never does (even when
    // schema validation was bypassed), so no duration can overflow later arithmetic.
    private static final Pattern WHOLE = Pattern.compile(SyncSpec.DURATION);
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");

    private Durations() {}

    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (text.length() > SyncSpec.DURATION_MAX_LENGTH || !WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a duration: '" + abbreviate(text)
                    + "' (use e.g. 30s, 5m, 1h; at most " + SyncSpec.DURATION_MAX_PARTS + " parts of at most "
                    + SyncSpec.DURATION_MAX_DIGITS + " digits)");
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    });
        }
        return total;
    }

    /** Like {@link #parse} but parses the fallback (a spec default) when the text is absent. */
    public static Duration parseOr(String text, String fallback) {
        return parse(text == null || text.isEmpty() ? fallback : text);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
