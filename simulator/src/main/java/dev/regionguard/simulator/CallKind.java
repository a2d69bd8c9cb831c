package dev.regionguard.simulator;

/** How a call counts in {@link CallStats}. */
enum CallKind {
    LIST,
    ENTITY_READ,
    WRITE,
    OTHER;

    static CallKind of(String method, boolean collectionPath, boolean entityPath) {
        return switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> WRITE;
            case "GET" -> collectionPath ? LIST : entityPath ? ENTITY_READ : OTHER;
            default -> OTHER;
        };
    }
}
