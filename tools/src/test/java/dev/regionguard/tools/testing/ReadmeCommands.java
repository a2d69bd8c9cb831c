package dev.regionguard.tools.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The kubectl lines of the code blocks in one section of the README, as a user would paste them. */
public final class ReadmeCommands {
    private ReadmeCommands() {}

    /**
     * @param heading the section's heading line, e.g. "## On-call runbook"; the section ends at the next "## "
     * @param keep    which kubectl lines (trimmed) to return
     */
    public static List<String> kubectlLines(String readme, String heading, Predicate<String> keep) {
        int start = readme.indexOf(heading);
        if (start < 0) {
            throw new IllegalArgumentException("the README has no section " + heading);
        }
        int end = readme.indexOf("\n## ", start + 1);
        List<String> commands = new ArrayList<>();
        boolean inCode = false;
        for (String line :
                readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode && trimmed.startsWith("kubectl ") && keep.test(trimmed)) {
                commands.add(trimmed);
            }
        }
        return commands;
    }
}
