package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The secrets of a seeded Code Engine project: which formats, and a create body with plausible data
 * for each. Every project gets a registry, an HMAC, a service_access and one tls secret per domain
 * mapping; the other formats follow in turn.
 */
final class CeSecretSeeds {

    private static final String[] OTHER_FORMATS = {
        "generic",
        "basic_auth",
        "generic",
        "ssh_auth",
        "registry",
        "generic",
        "hmac_auth",
        "basic_auth",
        "service_access",
        "service_operator"
    };

    private final SeedRandom random;
    private final String registry;

    CeSecretSeeds(SeedRandom random, String registry) {
        this.registry = registry;
        this.random = random;
    }

    /** The formats of {@code count} secrets, {@code tlsCount} of them tls. */
    static List<String> formats(int count, int tlsCount) {
        List<String> formats = new ArrayList<>(List.of("registry", "hmac_auth", "service_access"));
        for (int i = 0; i < tlsCount; i++) {
            formats.add("tls");
        }
        for (int i = 0; formats.size() < count; i++) {
            formats.add(OTHER_FORMATS[i % OTHER_FORMATS.length]);
        }
        return formats;
    }

    /** The create body of the {@code i}th secret. */
    ObjectNode secret(int i, String format) {
        String team = random.pick(CeSeeder.TEAMS);
        String name = String.format("%s-%s-%03d", team, purpose(format), i + 1);
        ObjectNode body = Json.object().put("name", name).put("format", format);
        ObjectNode data = Json.object();
        switch (format) {
            case "registry" ->
                data.put("username", "iamapikey")
                        .put("password", random.base64(33))
                        .put("server", registry)
                        .put("email", team + "-builds@example.com");
            case "hmac_auth" -> data.put("access_key_id", random.hex(16)).put("secret_access_key", random.hex(24));
            case "tls" -> data.put("tls_cert", pem("CERTIFICATE", 96)).put("tls_key", pem("PRIVATE KEY", 64));
            case "ssh_auth" ->
                data.put("ssh_key", pem("OPENSSH PRIVATE KEY", 72))
                        .put("known_hosts", "github.com ssh-ed25519 " + random.base64(32));
            case "basic_auth" -> data.put("username", team + "_app").put("password", random.base64(18));
            case "service_access" -> serviceAccess(body.putObject("service_access"));
            case "service_operator" -> {
                ObjectNode operator = body.putObject("service_operator");
                operator.putArray("resource_group_ids").add(random.hex(16));
                operator.putObject("serviceid").put("id", "ServiceId-" + random.uuid());
            }
            default ->
                data.put("API_KEY", random.base64(24))
                        .put("WEBHOOK_SECRET", random.hex(16))
                        .put("SENTRY_DSN", "https://" + random.hex(16) + "@sentry.example.com/" + random.nextInt(100));
        }
        if (!data.isEmpty()) {
            body.set("data", data);
        }
        return body;
    }

    private static String purpose(String format) {
        return switch (format) {
            case "registry" -> "registry";
            case "hmac_auth" -> "cos-hmac";
            case "tls" -> "tls";
            case "ssh_auth" -> "git-ssh";
            case "basic_auth" -> "db-credentials";
            case "service_access" -> "service-access";
            case "service_operator" -> "operator";
            default -> "api-keys";
        };
    }

    private void serviceAccess(ObjectNode access) {
        access.putObject("resource_key").put("id", random.uuid()).put("name", "ce-binding-key-" + random.hex(3));
        access.putObject("role")
                .put(
                        "crn",
                        "crn:v1:bluemix:public:iam::::serviceRole:"
                                + random.pick(new String[] {"Reader", "Writer", "Manager"}));
        access.putObject("service_instance").put("id", random.uuid());
        access.putObject("serviceid").put("id", "ServiceId-" + random.uuid());
    }

    private String pem(String type, int bytes) {
        return "-----BEGIN " + type + "-----\n" + random.base64(bytes) + "\n-----END " + type + "-----\n";
    }
}
