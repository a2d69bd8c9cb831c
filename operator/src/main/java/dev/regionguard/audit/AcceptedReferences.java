package dev.regionguard.audit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The references a protection's owner accepts on a standby (for instance a key kept in one region
 * on purpose). Each part is a glob where {@code *} matches any run of characters; an absent part
 * matches everything.
 */
public final class AcceptedReferences {
    public static final AcceptedReferences NONE = new AcceptedReferences(List.of());

    private final List<Pattern[]> patterns;

    private AcceptedReferences(List<Pattern[]> patterns) {
        this.patterns = patterns;
    }

    /** One accepted reference: entity kind, entity name and field path, each a glob or null. */
    public record Accepted(String kind, String name, String field) {}

    public static AcceptedReferences of(List<Accepted> accepted) {
        return accepted == null || accepted.isEmpty()
                ? NONE
                : new AcceptedReferences(accepted.stream()
                        .map(a -> new Pattern[] {glob(a.kind()), glob(a.name()), glob(a.field())})
                        .toList());
    }

    public boolean accepts(RegionReference reference) {
        return patterns.stream()
                .anyMatch(p -> p[0].matcher(reference.kind()).matches()
                        && p[1].matcher(reference.name()).matches()
                        && p[2].matcher(reference.field()).matches());
    }

    private static Pattern glob(String glob) {
        if (glob == null || glob.isEmpty()) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
