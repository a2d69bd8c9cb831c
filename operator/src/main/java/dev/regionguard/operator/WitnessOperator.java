package dev.regionguard.operator;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.codeengine.CeRegionProbe;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.controller.witness.WitnessReconciler;
import dev.regionguard.eventnotifications.EnRegionProbe;
import dev.regionguard.eventnotifications.HttpEventNotificationsClients;
import dev.regionguard.telemetry.RegionGuardMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * RegionGuard as a witness: probes the protections that name it and reports what it sees, nothing
 * else. Started instead of the operator when {@code REGIONGUARD_WITNESS_NAME} is set.
 */
public final class WitnessOperator implements AutoCloseable {
    private final Operator operator;
    private final ProbeResources probes;
    private final PrometheusMeterRegistry registry;

    /** Which vantage point this is, and its own (read-only) IBM Cloud key. */
    public record WitnessConfig(String vantage, ApiKey key) {
        /** Null when the environment does not ask for a witness. */
        public static WitnessConfig fromEnvironment(Map<String, String> env) {
            String vantage = env.get("REGIONGUARD_WITNESS_NAME");
            if (vantage == null || vantage.isBlank()) {
                return null;
            }
            String file = env.get("REGIONGUARD_WITNESS_APIKEY_FILE");
            if (file == null || file.isBlank()) {
                throw new IllegalArgumentException(
                        "REGIONGUARD_WITNESS_APIKEY_FILE must name the file holding the witness's API key");
            }
            try {
                return new WitnessConfig(
                        vantage.trim(),
                        new ApiKey(Files.readString(Path.of(file), StandardCharsets.UTF_8)
                                .trim()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read REGIONGUARD_WITNESS_APIKEY_FILE " + file, e);
            }
        }
    }

    private WitnessOperator(Operator operator, ProbeResources probes, PrometheusMeterRegistry registry) {
        this.operator = operator;
        this.probes = probes;
        this.registry = registry;
    }

    /** For the health endpoints: a witness is ready once its controllers run, like the operator. */
    public Operator operator() {
        return operator;
    }

    /** The witness's probe and IBM call metrics, for {@code /metrics}. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public static WitnessOperator start(
            KubernetesClient client,
            OperatorConfig config,
            WitnessConfig witness,
            Clock clock,
            boolean withoutServerSideApply) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RegionGuardMetrics metrics = new RegionGuardMetrics(registry, clock);
        HttpSettings http = HttpSettings.defaults().withMaxConcurrentPerRegion(config.maxConcurrentPerRegion());
        ProbeResources probes = ProbeResources.create(
                IbmHttp.newOkHttpClient(http), http, config.endpoints().iamTokenUrl(), metrics, clock);
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client).withCloseClientOnStop(false);
            if (withoutServerSideApply) {
                o.withUseSSAToPatchPrimaryResource(false);
            }
        });
        operator.register(
                new EnWitness(
                        witness,
                        new EnRegionProbe(new HttpEventNotificationsClients(config.endpoints(), probes.http())),
                        probes,
                        clock),
                c -> namespaces(config, c));
        operator.register(
                new CeWitness(
                        witness,
                        new CeRegionProbe(new HttpCodeEngineClients(
                                config.endpoints(), probes.http(), config.codeEnginePollInterval())),
                        probes,
                        clock),
                c -> namespaces(config, c));
        operator.start();
        return new WitnessOperator(operator, probes, registry);
    }

    private static void namespaces(OperatorConfig config, ControllerConfigurationOverrider<?> c) {
        if (!config.watchNamespaces().isEmpty()) {
            c.settingNamespaces(config.watchNamespaces());
        }
    }

    static final class EnWitness extends WitnessReconciler<EventNotificationsProtection> {
        EnWitness(WitnessConfig witness, EnRegionProbe probe, ProbeResources probes, Clock clock) {
            super(
                    witness.vantage(),
                    ProtectionKind.EventNotificationsProtection,
                    probe,
                    witness.key(),
                    probes.executor(),
                    clock);
        }
    }

    static final class CeWitness extends WitnessReconciler<CodeEngineProtection> {
        CeWitness(WitnessConfig witness, CeRegionProbe probe, ProbeResources probes, Clock clock) {
            super(
                    witness.vantage(),
                    ProtectionKind.CodeEngineProtection,
                    probe,
                    witness.key(),
                    probes.executor(),
                    clock);
        }
    }

    @Override
    public void close() {
        operator.stop();
        probes.executor().shutdownNow();
    }
}
