/**
 * The {@code regionguard} command line (picocli): {@code run} (the operator), {@code simulate}, {@code demo} and
 * {@code bench}. Commands only parse options (durations with {@code spec.Durations}) and call into {@code dev.regionguard.operator}, the simulator,
 * {@code tools.demo} and {@code tools.bench}; only {@code tools.plugin} imports this package (its
 * {@code OptionChecks}, so that a bad value is one line and exit 2 there too).
 */
package dev.regionguard.tools.cli;
