package dev.regionguard.cloud;

import java.util.Objects;

/** An IBM Cloud API key. Its text never leaves through {@link #toString()}, so logs and status stay clean. */
public final class ApiKey {
    private final String value;

    public ApiKey(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("API key is empty");
        }
        this.value = value.strip();
    }

    /** The secret itself: only for the IAM token request. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "ApiKey(****)";
    }
}
