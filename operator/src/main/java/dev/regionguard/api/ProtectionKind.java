package dev.regionguard.api;

/** The kinds of protection a RegionFailover can name. */
public enum ProtectionKind {
    EventNotificationsProtection,
    CodeEngineProtection
}
