package dev.regionguard.sync;

/** A standby to bring in line with the source; its watermarks live as long as the operator does. */
public record SyncTarget(String name, EntityStore store, Watermarks watermarks) {}
