package dev.regionguard.codeengine;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the stores' clients send to the simulated Code Engine, as seen on the wire, e.g.
 * {@code "PUT /config_maps/app-config If-Match=1042"} (the path after the project id). Two levers:
 * list pages smaller than the client asks for, so that a few resources span pages; and a step run
 * before each update is sent, so that a test can change the resource in the meantime.
 */
final class CeWire implements Interceptor {
    /** A call and the status it got. */
    record Call(String line, int status) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile int pageSize;
    volatile Runnable beforeEachUpdate = () -> {};

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (pageSize > 0 && request.url().queryParameter("limit") != null) {
            HttpUrl smaller = request.url()
                    .newBuilder()
                    .setQueryParameter("limit", String.valueOf(pageSize))
                    .build();
            request = request.newBuilder().url(smaller).build();
        }
        if (request.method().equals("PUT") || request.method().equals("PATCH")) {
            beforeEachUpdate.run();
        }
        Response response = chain.proceed(request);
        calls.add(new Call(line(request), response.code()));
        return response;
    }

    private static String line(Request request) {
        String path = request.url().encodedPath();
        int project = path.indexOf("/projects/") + "/projects/".length();
        int rest = path.indexOf('/', project);
        String ifMatch = request.header("If-Match");
        return request.method() + " " + (rest < 0 ? "" : path.substring(rest))
                + (ifMatch == null ? "" : " If-Match=" + ifMatch);
    }

    List<String> calls() {
        return calls.stream().map(Call::line).toList();
    }

    List<Call> callsWithStatus() {
        return List.copyOf(calls);
    }
}
