package dev.regionguard.api;

/** A rejected field, as the API server reports it: the field's path (e.g. spec.standbys[0].region) and why. */
record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
