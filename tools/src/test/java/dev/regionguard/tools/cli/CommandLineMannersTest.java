package dev.regionguard.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad option value is one line naming the option, and exit 2, before anything starts. */
class CommandLineMannersTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bench --entities=-5        | --entities must be at least 8",
                "bench --ce-resources=3     | --ce-resources must be at least 20",
                "bench --concurrency=0      | --concurrency must be at least 1",
                "bench --latency=abc        | Invalid value for option '--latency': not a duration: 'abc'",
                "demo --latency=abc         | Invalid value for option '--latency': not a duration: 'abc'",
                "chaos --rounds=0           | --rounds must be at least 1",
                "chaos --fault-rate=2       | --fault-rate must be from 0 to 1",
                "chaos --service=xx         | --service must be en, ce or all: xx",
                "chaos --start-round=-1     | --start-round must not be negative",
                "chaos --entities=3         | --entities must be at least 20",
                "bench --bogus              | Unknown option: '--bogus'",
            })
    void aBadValueIsOneLineAndExit2(String commandLine, String expected) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = dev.regionguard.operator.Main.execute(
                new Main(),
                new PrintWriter(out),
                new PrintWriter(err),
                commandLine.trim().split(" "));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("regionguard: ").contains(expected));
        assertThat(out.toString()).as("nothing ran").isEmpty();
    }
}
