package dev.regionguard.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * One injected fault of a region, applied after the call was processed. Built like
 * {@code Fault.of(FaultKind.LOST_504).method("GET").path("/v1/instances/{@literal *}/topics")
 * .probability(0.2, 7).times(3)} and injected with {@link FaultControls#inject(Fault)}.
 *
 * <p>{@code path} is matched against the END of the request path (so the region and service prefix
 * may be left out); {@code *} matches one segment, {@code **} any number. Absent method or path
 * match every call. {@code times} counts the calls the fault fires on (default unlimited);
 * {@code probability} (default 1) is drawn from a {@link Random} of the given seed, so a run repeats.
 */
public final class Fault {

    private final FaultKind kind;
    private String method;
    private List<String> pattern = List.of("**");
    private double probability = 1;
    private Random random = new Random(0);
    private int remaining = -1;

    private Fault(FaultKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public static Fault of(FaultKind kind) {
        return new Fault(kind);
    }

    public Fault method(String httpMethod) {
        this.method = httpMethod.toUpperCase(Locale.ROOT);
        return this;
    }

    public Fault path(String glob) {
        this.pattern = segments(glob);
        return this;
    }

    public Fault probability(double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1: " + fraction);
        }
        this.probability = fraction;
        this.random = new Random(seed);
        return this;
    }

    public Fault times(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + calls);
        }
        this.remaining = calls;
        return this;
    }

    public FaultKind kind() {
        return kind;
    }

    /** Whether the fault still fires on some call. */
    synchronized boolean spent() {
        return remaining == 0;
    }

    /** Decides for one call, and counts it when the fault fires. */
    synchronized boolean fires(String httpMethod, String requestPath, boolean listReply) {
        if (remaining == 0 || (kind.poisonsList() && !listReply)) {
            return false;
        }
        if (method != null && !method.equals(httpMethod.toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (!endsWith(segments(requestPath), pattern)) {
            return false;
        }
        if (probability < 1 && random.nextDouble() >= probability) {
            return false;
        }
        if (remaining > 0) {
            remaining--;
        }
        return true;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether a suffix of {@code path} matches {@code glob} whole. */
    private static boolean endsWith(List<String> path, List<String> glob) {
        for (int start = 0; start <= path.size(); start++) {
            if (matches(path, start, glob, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> path, int p, List<String> glob, int g) {
        if (g == glob.size()) {
            return p == path.size();
        }
        if (glob.get(g).equals("**")) {
            for (int skip = p; skip <= path.size(); skip++) {
                if (matches(path, skip, glob, g + 1)) {
                    return true;
                }
            }
            return false;
        }
        return p < path.size()
                && (glob.get(g).equals("*") || glob.get(g).equals(path.get(p)))
                && matches(path, p + 1, glob, g + 1);
    }

    @Override
    public String toString() {
        return kind + " " + (method == null ? "*" : method) + " /" + String.join("/", pattern);
    }
}
