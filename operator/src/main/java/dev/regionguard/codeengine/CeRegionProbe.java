package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.AppHealthRef;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.controller.protection.ProbeCalls;
import dev.regionguard.controller.protection.ProbeInconclusive;
import dev.regionguard.controller.protection.RegionProbe;
import dev.regionguard.spec.HealthCheckSettings;
import dev.regionguard.spec.ProtectedSide;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Code Engine answers for a project when the project is active and every app in spec.apps answers
 * 2xx on its health path within what is left of healthCheck.timeout. A project that is not active or
 * an app without an endpoint is the project's state, faithfully reported by the region: Unknown with
 * that reason, not a regional failure.
 */
public final class CeRegionProbe implements RegionProbe<CodeEngineProtection> {
    private final CodeEngineClients probeClients;
    /** The apps' own endpoints, not IBM's API: its own client, registering calls for cancellation. */
    private final OkHttpClient apps = new OkHttpClient.Builder()
            .eventListenerFactory(ProbeCalls.LISTENER)
            .retryOnConnectionFailure(false)
            .build();

    /** @param probeClients clients that do not retry (a retry is the probe's next attempt) */
    public CeRegionProbe(CodeEngineClients probeClients) {
        this.probeClients = probeClients;
    }

    @Override
    public void probe(CodeEngineProtection protection, ProtectedSide side, ApiKey key) {
        CodeEngineClient client = probeClients.forProject(side.region(), side.id(), key);
        ObjectNode project = client.project();
        if (!CodeEngineClient.isActive(project)) {
            throw new ProbeInconclusive(
                    "ProjectNotActive", "project " + side.id() + " is " + CeJson.text(project, "status"));
        }
        List<AppHealthRef> list = protection.getSpec().apps == null ? List.of() : protection.getSpec().apps;
        for (AppHealthRef app : list) {
            String endpoint = CeJson.text(client.get(CeKind.APP, app.name), "endpoint");
            if (endpoint == null) {
                throw new ProbeInconclusive("AppWithoutEndpoint", "app " + app.name + " has no endpoint");
            }
            checkHealthPath(side, app, endpoint);
        }
    }

    private void checkHealthPath(ProtectedSide side, AppHealthRef app, String endpoint) {
        Call call = apps.newCall(new Request.Builder()
                .url(join(endpoint, app.healthPath == null ? "/" : app.healthPath))
                .get()
                .build());
        // healthCheck.timeout counts from the probe's start, so the app gets only what is left of it
        call.timeout()
                .timeout(
                        ProbeCalls.remaining(HealthCheckSettings.DEFAULTS.timeout())
                                .toNanos(),
                        TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw appError(
                        response.code(),
                        response.code() >= 500 ? ErrorCategory.SERVER : ErrorCategory.UNEXPECTED,
                        "app " + app.name + " answered " + response.code(),
                        side,
                        null);
            }
        } catch (IOException e) {
            throw appError(0, ErrorCategory.UNREACHABLE, "app " + app.name + ": " + e.getMessage(), side, e);
        }
    }

    private static IbmApiException appError(
            int status, ErrorCategory category, String message, ProtectedSide side, Throwable cause) {
        return new IbmApiException(status, category, null, message, null, side.region(), null, cause);
    }

    static String join(String endpoint, String path) {
        return (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint)
                + (path.startsWith("/") ? path : "/" + path);
    }
}
