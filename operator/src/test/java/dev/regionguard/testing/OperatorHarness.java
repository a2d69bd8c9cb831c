package dev.regionguard.testing;

import static org.awaitility.Awaitility.await;

import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.controller.failover.FailoverHooks;
import dev.regionguard.embedded.EmbeddedKubernetes;
import dev.regionguard.operator.OperatorConfig;
import dev.regionguard.operator.RegionGuardOperator;
import dev.regionguard.operator.WitnessOperator;
import dev.regionguard.simulator.IbmCloudSimulator;
import dev.regionguard.simulator.SimulatorFixture;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An operator under test: embedded Kubernetes API, the IBM Cloud simulator, and RegionGuard
 * wired to both, as in production but for the endpoints.
 */
public final class OperatorHarness implements AutoCloseable {
    public static final String NAMESPACE = "default";

    private final EmbeddedKubernetes kubernetes;
    private final IbmCloudSimulator simulator;
    private RegionGuardOperator operator;

    private OperatorHarness(EmbeddedKubernetes kubernetes, IbmCloudSimulator simulator, RegionGuardOperator operator) {
        this.kubernetes = kubernetes;
        this.simulator = simulator;
        this.operator = operator;
    }

    public static OperatorHarness start(String... regions) {
        IbmCloudSimulator simulator = SimulatorFixture.regions(regions).startNow();
        EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES);
        RegionGuardOperator operator = RegionGuardOperator.start(
                kubernetes.client(),
                OperatorConfig.local(SimulatorClients.endpoints(simulator)),
                Clock.systemUTC(),
                true);
        return new OperatorHarness(kubernetes, simulator, operator);
    }

    /** Stops the operator, as if its pod died, and starts a new one on the same API and simulator. */
    public void restartOperator(FailoverHooks hooks) {
        operator.close();
        operator = RegionGuardOperator.start(
                kubernetes.client(), OperatorConfig.local(endpoints()), Clock.systemUTC(), true, hooks);
    }

    /** Stops the operator and starts a new one that reaches IBM Cloud at {@code endpoints} (e.g. an IAM that is down). */
    public void restartOperator(Endpoints endpoints) {
        operator.close();
        operator = RegionGuardOperator.start(
                kubernetes.client(), OperatorConfig.local(endpoints), Clock.systemUTC(), true);
    }

    /** Stops the operator and starts a new one that reaches the same API through {@code client} (e.g. one that records). */
    public void restartOperator(KubernetesClient client) {
        operator.close();
        operator = RegionGuardOperator.start(client, OperatorConfig.local(endpoints()), Clock.systemUTC(), true);
    }

    /** A Kubernetes API outage: the API stops answering (the operator keeps running) until {@link #restoreKubernetes}. */
    public void stopKubernetes() {
        kubernetes.stop();
    }

    /** The API answers again on the same port with the same objects. */
    public void restoreKubernetes() {
        kubernetes.restart();
    }

    public void stopOperator() {
        operator.close();
    }

    /**
     * Another operator on the same API and simulator, e.g. a second replica that competes for a Lease
     * ({@link OperatorConfig#withLeaderElection}); the caller closes it.
     */
    public RegionGuardOperator startReplica(String identity, Duration lease, FailoverHooks hooks) {
        return RegionGuardOperator.start(
                kubernetes.client(),
                OperatorConfig.local(endpoints()).withLeaderElection(NAMESPACE, identity, lease),
                Clock.systemUTC(),
                true,
                hooks);
    }

    /** A witness on the same API and simulator, probing with its own API key; the caller closes it. */
    public WitnessOperator startWitness(String vantage, String apiKey) {
        return WitnessOperator.start(
                kubernetes.client(),
                OperatorConfig.local(endpoints()),
                new WitnessOperator.WitnessConfig(vantage, new ApiKey(apiKey)),
                Clock.systemUTC(),
                true);
    }

    public RegionGuardOperator operator() {
        return operator;
    }

    public RegionFailover failover(String name) {
        return client().resources(RegionFailover.class)
                .inNamespace(NAMESPACE)
                .withName(name)
                .get();
    }

    public List<RegionFailover> failoversOf(String protection) {
        return client().resources(RegionFailover.class).inNamespace(NAMESPACE).list().getItems().stream()
                .filter(r -> protection.equals(r.getSpec().protectionRef.name))
                .toList();
    }

    /** Creates a RegionFailover of an Event Notifications protection. */
    public RegionFailover requestFailover(
            String name, String protection, FailoverType type, String target, boolean force) {
        return requestFailover(ProtectionKind.EventNotificationsProtection, name, protection, type, target, force);
    }

    /** Creates a RegionFailover of a protection of this kind. */
    public RegionFailover requestFailover(
            ProtectionKind kind, String name, String protection, FailoverType type, String target, boolean force) {
        RegionFailover rfo = new RegionFailover();
        rfo.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        RegionFailoverSpec spec = new RegionFailoverSpec();
        spec.protectionRef = new ProtectionRef(kind, protection);
        spec.type = type;
        spec.targetRegion = target;
        spec.force = force;
        spec.reason = "test " + name;
        rfo.setSpec(spec);
        return client().resource(rfo).create();
    }

    /** Waits until the RegionFailover reaches the phase and returns it. */
    public RegionFailover awaitFailover(String name, Duration timeout, FailoverPhase phase) {
        return await().atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> failover(name), r -> r != null && r.getStatus() != null && r.getStatus().phase == phase);
    }

    public KubernetesClient client() {
        return kubernetes.client();
    }

    public String kubeconfig() {
        return kubernetes.kubeconfig();
    }

    public IbmCloudSimulator simulator() {
        return simulator;
    }

    public Endpoints endpoints() {
        return SimulatorClients.endpoints(simulator);
    }

    public void secret(String name, Map<String, String> stringData) {
        client().secrets()
                .inNamespace(NAMESPACE)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withStringData(stringData)
                        .build())
                .createOr(c -> c.update());
    }

    public void configMap(String name, Map<String, String> data) {
        client().configMaps()
                .inNamespace(NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .withData(data)
                        .build())
                .createOr(c -> c.update());
    }

    public EventNotificationsProtection apply(EventNotificationsProtection enp) {
        enp.getMetadata().setNamespace(NAMESPACE);
        return client().resource(enp).createOr(c -> c.update());
    }

    /**
     * A user's edit of a protection (spec or annotations), retried when it meets one of the operator's
     * own status writes (409): kubectl edit and Argo CD retry the same way.
     */
    public <T extends HasMetadata> T edit(Class<T> kind, String name, UnaryOperator<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client().resources(kind)
                        .inNamespace(NAMESPACE)
                        .withName(name)
                        .edit(change);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    public EventNotificationsProtection get(String name) {
        return client().resources(EventNotificationsProtection.class)
                .inNamespace(NAMESPACE)
                .withName(name)
                .get();
    }

    /** Waits until the protection's status satisfies the predicate and returns it. */
    public ProtectionStatus awaitStatus(String name, Duration timeout, Predicate<ProtectionStatus> condition) {
        try {
            return await().atMost(timeout)
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> {
                                EventNotificationsProtection enp = get(name);
                                return enp == null ? null : enp.getStatus();
                            },
                            s -> s != null && condition.test(s));
        } catch (ConditionTimeoutException notSeen) {
            throw new AssertionError(whatWasSeen(name), notSeen);
        }
    }

    /** True once every standby has synced; false before the first pass lists any (allMatch of none). */
    public static boolean everyStandbySynced(ProtectionStatus status) {
        return !status.standbys.isEmpty() && status.standbys.stream().allMatch(st -> st.lastSuccessfulSyncTime != null);
    }

    /** What a timed-out wait saw last, so a failure that happens once in many runs can be read. */
    private String whatWasSeen(String name) {
        EventNotificationsProtection enp = get(name);
        return "last seen of " + name + ":\n" + (enp == null ? "nothing" : Serialization.asYaml(enp.getStatus()))
                + "\nfailovers: "
                + Serialization.asYaml(
                        failoversOf(name).stream().map(f -> f.getStatus()).toList());
    }

    public List<Event> events(String involvedName) {
        return client().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> involvedName.equals(e.getInvolvedObject().getName()))
                .toList();
    }

    @Override
    public void close() {
        operator.close();
        kubernetes.close();
        simulator.close();
    }
}
