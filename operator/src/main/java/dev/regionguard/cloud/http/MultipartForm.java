package dev.regionguard.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionguard.cloud.FilePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/** A multipart/form-data body: text parts, JSON parts and files (EN destinations). */
public final class MultipartForm {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final MultipartBody.Builder builder = new MultipartBody.Builder().setType(MultipartBody.FORM);
    private final List<String> partNames = new ArrayList<>();

    public MultipartForm text(String name, String value) {
        builder.addFormDataPart(name, Objects.requireNonNull(value, name));
        partNames.add(name);
        return this;
    }

    /** A part holding a JSON document, with content type application/json. */
    public MultipartForm json(String name, JsonNode value) {
        builder.addFormDataPart(name, null, RequestBody.create(Json.bytes(value), JSON));
        partNames.add(name);
        return this;
    }

    public MultipartForm file(FilePart file) {
        MediaType type = file.contentType() == null ? OCTET_STREAM : MediaType.get(file.contentType());
        String fileName = file.fileName() == null ? file.name() : file.fileName();
        builder.addFormDataPart(file.name(), fileName, RequestBody.create(file.content(), type));
        partNames.add(file.name());
        return this;
    }

    public List<String> partNames() {
        return List.copyOf(partNames);
    }

    RequestBody toRequestBody() {
        if (partNames.isEmpty()) {
            throw new IllegalStateException("a multipart body needs at least one part");
        }
        return builder.build();
    }

    /** Part names only: values may be secrets. */
    @Override
    public String toString() {
        return "MultipartForm" + partNames;
    }
}
