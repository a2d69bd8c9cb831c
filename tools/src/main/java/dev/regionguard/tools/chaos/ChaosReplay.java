package dev.regionguard.tools.chaos;

import java.util.List;
import java.util.Locale;

/** The report of a failing round: what went wrong, how to replay it, and its steps. */
final class ChaosReplay {
    private ChaosReplay() {}

    static String describe(
            String service,
            long seed,
            int round,
            int entities,
            double faultRate,
            List<String> steps,
            List<String> problems) {
        StringBuilder text = new StringBuilder();
        text.append("CHAOS-FAIL service=")
                .append(service)
                .append(" seed=")
                .append(seed)
                .append(" round=")
                .append(round)
                .append('\n');
        problems.forEach(p -> text.append("  problem: ").append(p).append('\n'));
        text.append("  replay: java -jar tools/target/regionguard.jar chaos --service ")
                .append(service)
                .append(" --seed ")
                .append(seed)
                .append(" --start-round ")
                .append(round)
                .append(" --rounds 1")
                .append(" --entities ")
                .append(entities)
                .append(" --fault-rate ")
                .append(String.format(Locale.ROOT, "%s", faultRate))
                .append('\n');
        steps.forEach(s -> text.append("  step: ").append(s).append('\n'));
        return text.toString();
    }
}
