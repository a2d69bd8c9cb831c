package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the multipart parts of a destination create/update into a {@link RequestBody}. */
final class DestinationForm {

    static final Set<String> FILE_PARTS = Set.of(
            "certificate",
            "icon_16x16",
            "icon_16x16_2x",
            "icon_32x32",
            "icon_32x32_2x",
            "icon_128x128",
            "icon_128x128_2x");
    private static final Set<String> TEXT_PARTS = Set.of("name", "type", "description");
    private static final String CONTENT_TYPE_SUFFIX = "_content_type";

    private DestinationForm() {}

    static RequestBody decode(String contentType, byte[] body, Map<String, String> query) {
        if (!MultipartParser.isMultipart(contentType)) {
            throw ApiException.badRequest("Destination bodies must be multipart/form-data");
        }
        List<MultipartParser.Part> parts = MultipartParser.parse(contentType, body);
        ObjectNode fields = Json.object();
        Map<String, UploadedFile> files = new LinkedHashMap<>();
        Map<String, String> declaredTypes = new LinkedHashMap<>();
        for (MultipartParser.Part part : parts) {
            String name = part.name();
            if (FILE_PARTS.contains(name)) {
                files.put(name, new UploadedFile(part.fileName(), part.contentType(), part.content()));
            } else if (TEXT_PARTS.contains(name)) {
                fields.put(name, part.text());
            } else if (name.equals("collect_failed_events")) {
                fields.put(name, parseBoolean(part.text()));
            } else if (name.equals("config")) {
                fields.set("config", Json.parseObject(part.text().getBytes(StandardCharsets.UTF_8), "config part"));
            } else if (name.endsWith(CONTENT_TYPE_SUFFIX)) {
                declaredTypes.put(name.substring(0, name.length() - CONTENT_TYPE_SUFFIX.length()), part.text());
            }
        }
        declaredTypes.forEach((fileName, type) ->
                files.computeIfPresent(fileName, (k, file) -> new UploadedFile(file.fileName(), type, file.content())));
        return new RequestBody(fields, files, query);
    }

    private static boolean parseBoolean(String text) {
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("Part 'collect_failed_events' must be true or false");
        };
    }
}
