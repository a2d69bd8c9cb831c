package dev.regionguard.simulator;

/**
 * The write-only part of a template as a seed wrote it.
 *
 * @param body    plain text (the API carries it Base64-encoded)
 * @param subject the subject of email templates, null for the other types
 */
public record TemplateBody(String body, String subject) {}
