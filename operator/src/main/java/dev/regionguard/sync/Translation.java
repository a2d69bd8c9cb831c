package dev.regionguard.sync;

/** The result of translating a source entity: what to write, or why it is skipped. */
public sealed interface Translation {

    record Write(Desired desired) implements Translation {}

    /** Not written; reported per entity. {@code reason} is CamelCase, e.g. {@code MissingSecret}. */
    record Skip(String reason, String message) implements Translation {}
}
