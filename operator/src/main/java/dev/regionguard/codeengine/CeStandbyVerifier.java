package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.AppHealthRef;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.VerificationCheck;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.controller.protection.StandbyVerifier;
import dev.regionguard.spec.ProtectedSide;
import dev.regionguard.spec.VerificationSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Code Engine: each app of spec.apps answers its health path on the standby, however long a cold
 * start takes within verification.timeout (the time is recorded: it is what a failover to a cold
 * standby will cost), then each job of verification.jobs runs there to completion.
 */
public final class CeStandbyVerifier implements StandbyVerifier<CodeEngineProtection> {
    private final CodeEngineClients clients;
    /** The apps' own endpoints, not IBM's API: its own client. */
    private final OkHttpClient apps =
            new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    public CeStandbyVerifier(CodeEngineClients clients) {
        this.clients = clients;
    }

    @Override
    public List<VerificationCheck> verify(
            CodeEngineProtection protection,
            ProtectedSide standby,
            ApiKey key,
            VerificationSettings settings,
            long deadlineNanos) {
        CodeEngineClient client = clients.forProject(standby.region(), standby.id(), key);
        List<VerificationCheck> checks = new ArrayList<>();
        List<AppHealthRef> list = protection.getSpec().apps == null ? List.of() : protection.getSpec().apps;
        for (AppHealthRef app : list) {
            String check = "app/" + app.name;
            checks.add(
                    System.nanoTime() >= deadlineNanos
                            ? StandbyVerifier.notRun(check, settings)
                            : app(client, check, app, deadlineNanos));
        }
        for (String job : settings.jobs()) {
            String check = "job/" + job;
            checks.add(
                    System.nanoTime() >= deadlineNanos
                            ? StandbyVerifier.notRun(check, settings)
                            : job(client, check, job, deadlineNanos, settings));
        }
        return checks;
    }

    private VerificationCheck app(CodeEngineClient client, String check, AppHealthRef app, long deadlineNanos) {
        long start = System.nanoTime();
        try {
            String endpoint = CeJson.text(client.get(CeKind.APP, app.name), "endpoint");
            if (endpoint == null) {
                return new VerificationCheck(
                        check, false, StandbyVerifier.millisSince(start), "the app has no endpoint");
            }
            String path = app.healthPath == null ? "/" : app.healthPath;
            Call call = apps.newCall(new Request.Builder()
                    .url(CeRegionProbe.join(endpoint, path))
                    .get()
                    .build());
            call.timeout().timeout(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                long took = StandbyVerifier.millisSince(start);
                return new VerificationCheck(
                        check,
                        response.isSuccessful(),
                        took,
                        path + " answered " + response.code() + " in " + took + "ms, cold start included");
            }
        } catch (IbmApiException e) {
            return new VerificationCheck(check, false, StandbyVerifier.millisSince(start), e.summary());
        } catch (IOException e) {
            return new VerificationCheck(
                    check, false, StandbyVerifier.millisSince(start), "no answer from the app: " + e.getMessage());
        }
    }

    private VerificationCheck job(
            CodeEngineClient client, String check, String job, long deadlineNanos, VerificationSettings settings) {
        long start = System.nanoTime();
        try {
            String run = CeJson.text(client.runJob(job), "name");
            Optional<ObjectNode> ended =
                    client.awaitJobRun(run, Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
            long took = StandbyVerifier.millisSince(start);
            if (ended.isEmpty()) {
                return new VerificationCheck(
                        check,
                        false,
                        took,
                        "run " + run + " did not end within verification.timeout " + settings.timeout());
            }
            String status = CeJson.text(ended.get(), "status");
            return new VerificationCheck(
                    check, "completed".equals(status), took, "run " + run + " " + status + " in " + took + "ms");
        } catch (IbmApiException e) {
            return new VerificationCheck(check, false, StandbyVerifier.millisSince(start), e.summary());
        }
    }
}
