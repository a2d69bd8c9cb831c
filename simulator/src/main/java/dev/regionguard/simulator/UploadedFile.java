package dev.regionguard.simulator;

/** A file part of a multipart destination body (certificate, icons). */
record UploadedFile(String fileName, String contentType, byte[] content) {}
