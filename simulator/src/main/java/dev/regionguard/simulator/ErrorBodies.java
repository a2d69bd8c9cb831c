package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The two error body shapes of IBM Cloud: the platform one (EN, Code Engine) and IAM's own. */
final class ErrorBodies {

    private ErrorBodies() {}

    /** {@code {"status_code":..,"trace":..,"errors":[{"code","message","more_info"}]}} */
    static ObjectNode platform(IbmService service, int status, String code, String message, String trace) {
        ObjectNode body = Json.object();
        body.put("status_code", status);
        body.put("trace", trace);
        ObjectNode error = body.putArray("errors").addObject();
        error.put("code", code);
        error.put("message", message);
        error.put("more_info", service.moreInfo(status));
        return body;
    }

    /** {@code {"errorCode":"BXNIM..","errorMessage":..,"context":{..}}} */
    static ObjectNode iam(String errorCode, String errorMessage, String requestId, Instant start) {
        ObjectNode body = Json.object();
        body.put("errorCode", errorCode);
        body.put("errorMessage", errorMessage);
        ObjectNode context = body.putObject("context");
        context.put("requestId", requestId);
        context.put("requestType", "incoming.Identity_Token");
        context.put("url", "https://iam.cloud.ibm.com");
        context.put("startTime", SimClock.format(start));
        context.put("endTime", SimClock.format(Instant.now()));
        context.put("locale", "en_US");
        return body;
    }
}
