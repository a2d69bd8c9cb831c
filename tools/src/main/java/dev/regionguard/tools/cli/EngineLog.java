package dev.regionguard.tools.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Commands whose output is a report keep the engine's own log lines out of it. */
final class EngineLog {
    private EngineLog() {}

    /** Only errors from RegionGuard's classes (the operator's and the simulator's) reach the console. */
    static void errorsOnly() {
        ((Logger) LoggerFactory.getLogger("dev.regionguard")).setLevel(Level.ERROR);
    }
}
