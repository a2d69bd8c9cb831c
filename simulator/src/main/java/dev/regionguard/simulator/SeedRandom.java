package dev.regionguard.simulator;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The random choices of one seeding run. Everything a seeder varies is drawn from this one sequence,
 * so the same seed gives the same choices only while they are drawn in the same order.
 */
final class SeedRandom {

    private final Random random;

    SeedRandom(long seed) {
        this.random = new Random(seed);
    }

    /** {@code fraction} of {@code n}, rounded, but at least one. */
    static int share(int n, double fraction) {
        return Math.max(1, (int) Math.round(n * fraction));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    double nextDouble() {
        return random.nextDouble();
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** {@code bytes} random bytes as lower-case hex. */
    String hex(int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", random.nextInt(256)));
        }
        return sb.toString();
    }

    String base64(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getEncoder().encodeToString(buffer);
    }

    String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** The CRN of a made-up account's service instance. */
    String crn(String service, String location) {
        return "crn:v1:bluemix:public:" + service + ":" + location + ":a/" + hex(16) + ":" + uuid() + "::";
    }
}
