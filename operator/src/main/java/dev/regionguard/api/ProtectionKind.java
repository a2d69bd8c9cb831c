package dev.regionguard.api;

/** The kinds of protection a RegionFailover can name. */
public enum ProtectionKind {
    EventNotificationsProtection("enp"),
    CodeEngineProtection("cep");

    private final String shortName;

    ProtectionKind(String shortName) {
        this.shortName = shortName;
    }

    /** The kind's short name, as {@code kubectl get} takes it and as names of the objects it owns carry it. */
    public String shortName() {
        return shortName;
    }
}
