package dev.regionguard.simulator;

import java.util.regex.Pattern;

/** Kubernetes' DNS-1123 name rules as Code Engine applies them per kind. */
enum CeNames {
    /** Apps, jobs, functions, builds, data stores, outbound destinations: a label starting with a letter. */
    LABEL("[a-z]([-a-z0-9]*[a-z0-9])?", 63, "lowercase letters, digits and '-', starting with a letter"),
    /** Secrets and config maps: a subdomain, dot-separated labels. */
    SUBDOMAIN(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*",
            253,
            "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit"),
    /** Domain mappings: a fully qualified domain name. */
    DOMAIN(
            "([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?",
            253,
            "a fully qualified domain name in lowercase, such as www.example.com");

    private final Pattern pattern;
    private final int maxLength;
    private final String rule;

    CeNames(String regex, int maxLength, String rule) {
        this.pattern = Pattern.compile(regex);
        this.maxLength = maxLength;
        this.rule = rule;
    }

    /** The name, or 400 naming the rule it breaks. */
    String check(String name, String label) {
        if (name == null || name.isEmpty()) {
            throw ApiException.badRequest("Field 'name' is required for a " + label);
        }
        if (name.length() > maxLength) {
            throw ApiException.badRequest(
                    "The " + label + " name '" + name + "' is longer than " + maxLength + " characters");
        }
        if (!pattern.matcher(name).matches()) {
            throw ApiException.badRequest("The " + label + " name '" + name + "' is not valid: use " + rule);
        }
        return name;
    }
}
