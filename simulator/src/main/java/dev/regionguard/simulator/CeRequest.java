package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What the Code Engine API reads from one HTTP request, decoupled from the server. */
record CeRequest(String method, Map<String, String> query, String ifMatch, String contentType, byte[] body) {

    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The optional {@code version=YYYY-MM-DD} that IBM's SDKs may add; only its shape is checked. */
    void checkVersion() {
        String version = query.get("version");
        if (version != null && !VERSION.matcher(version).matches()) {
            throw ApiException.badRequest("version must be a date in the form YYYY-MM-DD");
        }
    }

    /** A JSON object body; PATCH may also declare {@code application/merge-patch+json}. */
    ObjectNode jsonBody() {
        String type =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        boolean json = type.isEmpty()
                || type.equals("application/json")
                || method.equals("PATCH") && type.equals("application/merge-patch+json");
        if (!json) {
            throw new ApiException(
                    415,
                    "unsupported_media_type",
                    "Content-Type " + contentType
                            + " is not supported here; send "
                            + (method.equals("PATCH") ? "application/merge-patch+json" : "application/json"));
        }
        return Json.parseObject(body);
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.get(name));
    }
}
