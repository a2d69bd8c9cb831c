package dev.regionguard.cloud;

/** A file part of a multipart body (EN destination certificates and icons). */
public record FilePart(String name, String fileName, String contentType, byte[] content) {}
