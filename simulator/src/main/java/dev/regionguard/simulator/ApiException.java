package dev.regionguard.simulator;

/** An IBM error answer, thrown from request handling and written as the EN error body. */
final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        // no stack trace: these are answers, not bugs
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "method_not_allowed", "Method " + method + " is not allowed on this path");
    }
}
