package dev.regionguard.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** An IAM access token and when it stops being usable; valid until 10 s before it expires. Never printed. */
final class IamToken {
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    final String accessToken;
    final Instant validUntil;
    final Instant refreshAt;

    private IamToken(String accessToken, Instant validUntil, Instant refreshAt) {
        this.accessToken = accessToken;
        this.validUntil = validUntil;
        this.refreshAt = refreshAt;
    }

    /** Reads IAM's {@code access_token}, {@code expires_in} and {@code expiration} (epoch seconds). */
    static IamToken from(JsonNode body, Instant now, int status) {
        String token = body == null ? null : Json.text(body, "access_token");
        if (token == null) {
            throw IbmErrors.unexpected(status, "IAM answered without an access token", IamTokenService.REGION);
        }
        long expiresIn = body.path("expires_in").asLong(0);
        long expiration = body.path("expiration").asLong(0);
        if (expiration <= 0 && expiresIn <= 0) {
            throw IbmErrors.unexpected(status, "IAM answered without a token lifetime", IamTokenService.REGION);
        }
        Instant expiresAt = expiration > 0 ? Instant.ofEpochSecond(expiration) : now.plusSeconds(expiresIn);
        long lifetime = expiresIn > 0 ? expiresIn : Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
        // Refresh once 80 % of the lifetime has passed
        Instant refreshAt = expiresAt.minusMillis(lifetime * 200);
        return new IamToken(token, expiresAt.minus(EXPIRY_MARGIN), refreshAt);
    }

    boolean validAt(Instant now) {
        return now.isBefore(validUntil);
    }

    boolean refreshDueAt(Instant now) {
        return !now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "IamToken(****, valid until " + validUntil + ")";
    }
}
