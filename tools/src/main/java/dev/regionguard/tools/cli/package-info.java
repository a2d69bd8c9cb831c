/**
 * The {@code regionguard} command line (picocli): {@code run} (the operator), {@code simulate}, {@code demo} and
 * {@code bench}. Commands only parse options (durations with {@code spec.Durations}) and call into {@code dev.regionguard.operator}, the simulator,
 * {@code tools.demo} and {@code tools.bench}; nothing imports this package.
 */
package dev.regionguard.tools.cli;
