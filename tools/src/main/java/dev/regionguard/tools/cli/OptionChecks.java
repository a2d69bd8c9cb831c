package dev.regionguard.tools.cli;

import dev.regionguard.spec.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Bad option values end as one line and exit 2, like unknown options, never as a stack trace. */
public final class OptionChecks {
    private OptionChecks() {}

    /** @throws ParameterException (one line, exit 2) unless {@code valid} */
    public static void require(CommandSpec spec, boolean valid, String message) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /** @throws ParameterException (one line, exit 2) unless {@code samples} is a directory */
    static void requireSamples(CommandSpec spec, Path samples) {
        require(
                spec,
                Files.isDirectory(samples),
                "no samples directory at " + samples.toAbsolutePath()
                        + "; run from the repository root or pass --samples");
    }

    /** Durations as the CRDs write them: 20ms, 1s, 1m30s. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + " (use e.g. 20ms, 1s)");
            }
        }
    }
}
