package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.FilePart;
import dev.regionguard.cloud.http.MultipartForm;
import java.util.List;

/**
 * The multipart body of a destination create or update: text parts {@code name},
 * {@code type}, {@code description}, {@code collect_failed_events}, the {@code config} object as a
 * JSON part, then files. Other fields of the body (server-set ones such as {@code id}) are not
 * part of the form and are left out.
 */
final class DestinationForm {
    private DestinationForm() {}

    /** @param forCreate {@code type} is immutable, so an update must not send it */
    static MultipartForm of(ObjectNode body, List<FilePart> files, boolean forCreate) {
        MultipartForm form = new MultipartForm();
        text(form, body, "name");
        if (forCreate) {
            text(form, body, "type");
        }
        text(form, body, "description");
        JsonNode collect = body.get("collect_failed_events");
        if (collect != null && !collect.isNull()) {
            form.text("collect_failed_events", String.valueOf(collect.asBoolean()));
        }
        JsonNode config = body.get("config");
        if (config != null && !config.isNull()) {
            form.json("config", config);
        }
        files.forEach(form::file);
        if (form.partNames().isEmpty()) {
            throw new IllegalArgumentException("a destination body without any field to send");
        }
        return form;
    }

    private static void text(MultipartForm form, ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull()) {
            form.text(field, value.asText());
        }
    }
}
