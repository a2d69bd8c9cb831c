package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** IAM's side of the simulator: access tokens for API keys, revocation, expiry. */
final class TokenIssuer {

    record Grant(String apiKey, Instant expiresAt) {
        boolean validAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Grant> grants = new ConcurrentHashMap<>();
    private final Set<String> revokedKeys = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    TokenIssuer(Duration ttl) {
        this.ttl = validTtl(ttl);
    }

    /** @throws IllegalArgumentException unless positive */
    static Duration validTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("token TTL must be positive: " + ttl);
        }
        return ttl;
    }

    /** Counts the request as refused when the key is revoked. */
    boolean refuses(String apiKey) {
        boolean revoked = revokedKeys.contains(apiKey);
        if (revoked) {
            refusals.computeIfAbsent(apiKey, k -> new AtomicInteger()).incrementAndGet();
        }
        return revoked;
    }

    int refusalsOf(String apiKey) {
        AtomicInteger count = refusals.get(apiKey);
        return count == null ? 0 : count.get();
    }

    /** Tokens already issued stay valid until they expire, as IAM's signed tokens do. */
    void revoke(String apiKey) {
        revokedKeys.add(apiKey);
    }

    void restore(String apiKey) {
        revokedKeys.remove(apiKey);
    }

    void expireAll() {
        Instant past = Instant.now().minusSeconds(1);
        grants.replaceAll((token, grant) -> new Grant(grant.apiKey(), past));
    }

    /** The API key a valid Bearer token was issued for, or null: who is calling, for partitions. */
    String callerOf(String bearerToken) {
        Grant grant = bearerToken == null ? null : grants.get(bearerToken);
        return grant == null || !grant.validAt(Instant.now()) ? null : grant.apiKey();
    }

    /** The grant behind a Bearer token (null when none was sent) that is valid now; 401 otherwise. */
    Grant authorize(String bearerToken) {
        if (bearerToken == null) {
            throw new ApiException(401, "unauthorized", "An Authorization header with a Bearer token is required");
        }
        Grant grant = grants.get(bearerToken);
        if (grant == null) {
            throw new ApiException(401, "unauthorized", "The access token is not valid");
        }
        if (!grant.validAt(Instant.now())) {
            throw new ApiException(401, "unauthorized", "The access token has expired");
        }
        return grant;
    }

    /** IAM's 200 body for the apikey grant. */
    ObjectNode issue(String apiKey) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(ttl);
        String accessToken = jwtShapedToken(apiKey, now, expiresAt);
        grants.put(accessToken, new Grant(apiKey, expiresAt));
        ObjectNode body = Json.object();
        body.put("access_token", accessToken);
        body.put("refresh_token", randomText(32));
        body.put("token_type", "Bearer");
        body.put("expires_in", ttl.toSeconds());
        body.put("expiration", expiresAt.getEpochSecond());
        return body;
    }

    /** Opaque to clients, but shaped like IAM's JWT so tools that peek at it do not choke. */
    private String jwtShapedToken(String apiKey, Instant now, Instant expiresAt) {
        ObjectNode header = Json.object().put("kid", "simulator").put("alg", "RS256");
        ObjectNode claims = Json.object();
        claims.put("iam_id", "iam-ServiceId-" + keyFingerprint(apiKey));
        claims.put("iss", "https://iam.cloud.ibm.com/identity");
        claims.put("grant_type", "urn:ibm:params:oauth:grant-type:apikey");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return BASE64URL.encodeToString(Json.bytes(header)) + "." + BASE64URL.encodeToString(Json.bytes(claims)) + "."
                + randomText(32);
    }

    private String randomText(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }

    /** Stable per key without revealing it. */
    private static String keyFingerprint(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
