package dev.regionguard.tools.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Commands whose output is a report keep the engine's own log lines out of it. */
final class EngineLog {
    private EngineLog() {}

    /** Only errors from RegionGuard's classes (the operator's and the simulator's) reach the console. */
    static void errorsOnly() {
        ((Logger) LoggerFactory.getLogger("dev.regionguard")).setLevel(Level.ERROR);
    }

    /** Unless {@code verbose}: the log goes to a new temporary file, which a first line of output names. */
    static void toTempFileUnless(boolean verbose, String prefix) throws IOException {
        if (!verbose) {
            Path log = Files.createTempFile(prefix, ".log");
            toFile(log);
            System.out.println("Operator and simulator log: " + log + " (--verbose shows it here)");
        }
    }

    /** Every log line goes to {@code file} instead of the console, at the levels already configured. */
    static void toFile(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(file.toString());
        appender.setAppend(false);
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }
}
