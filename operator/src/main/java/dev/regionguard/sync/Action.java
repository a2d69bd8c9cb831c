package dev.regionguard.sync;

/** What the engine did (or, in ObserveOnly, would do) to one target entity. */
public enum Action {
    CREATE,
    UPDATE,
    REPLACE,
    DELETE
}
