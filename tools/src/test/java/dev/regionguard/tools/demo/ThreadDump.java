package dev.regionguard.tools.demo;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The top frames of the threads a stalled demo test most likely waits on, for its failure message. */
final class ThreadDump {
    private static final int FRAMES = 8;

    private ThreadDump() {}

    static String of(String... prefixes) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(prefixes)
                        .anyMatch(p -> e.getKey().getName().startsWith(p)))
                .map(ThreadDump::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
        return thread.getKey().getName() + " " + thread.getKey().getState() + "\n"
                + Arrays.stream(thread.getValue())
                        .limit(FRAMES)
                        .map(f -> "    at " + f)
                        .collect(Collectors.joining("\n"));
    }
}
