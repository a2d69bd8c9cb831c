package dev.regionguard.testing;

import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IamTokenService;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.edge.HttpCisClients;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.simulator.IbmCloudSimulator;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The operator's own IBM Cloud clients wired to a running simulator, as production wires them to
 * IBM Cloud: the simulator is the one IBM fake of the tests above the HTTP layer.
 */
public final class SimulatorClients {
    /** Short backoffs and timeouts: the simulator answers in milliseconds. */
    public static final HttpSettings FAST = HttpSettings.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));

    private SimulatorClients() {}

    public static Endpoints endpoints(IbmCloudSimulator simulator) {
        return new Endpoints(simulator.iamUrl(), simulator.eventNotificationsTemplate(), simulator.codeEngineTemplate())
                .withCis(simulator.cis().apiUrl());
    }

    /** Production's HTTP stack on {@code settings}; API calls (not IAM's) pass {@code interceptor} first. */
    public static IbmHttp http(IbmCloudSimulator simulator, HttpSettings settings, Interceptor interceptor) {
        OkHttpClient client = IbmHttp.newOkHttpClient(settings);
        IamTokenService tokens =
                new IamTokenService(client, endpoints(simulator).iamTokenUrl(), Clock.systemUTC(), CallObserver.NONE);
        OkHttpClient api = interceptor == null
                ? client
                : client.newBuilder().addInterceptor(interceptor).build();
        return new IbmHttp(api, tokens, settings, CallObserver.NONE);
    }

    public static HttpCodeEngineClients codeEngine(IbmCloudSimulator simulator, Interceptor interceptor) {
        return new HttpCodeEngineClients(
                endpoints(simulator), http(simulator, FAST, interceptor), Duration.ofMillis(5));
    }

    public static HttpCisClients cis(IbmCloudSimulator simulator, Interceptor interceptor) {
        return new HttpCisClients(endpoints(simulator), http(simulator, FAST, interceptor));
    }

    public static HttpEventNotificationsClients eventNotifications(IbmCloudSimulator simulator, HttpSettings settings) {
        return new HttpEventNotificationsClients(endpoints(simulator), http(simulator, settings, null));
    }
}
