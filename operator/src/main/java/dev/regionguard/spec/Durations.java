package dev.regionguard.spec;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Kubernetes-style durations such as {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h)");

    private Durations() {}

    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    });
            end = m.end();
        }
        if (end != text.length()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 30s, 5m, 1h)");
        }
        return total;
    }

    /** Like {@link #parse} but parses the fallback (a spec default) when the text is absent. */
    public static Duration parseOr(String text, String fallback) {
        return parse(text == null || text.isEmpty() ? fallback : text);
    }
}
