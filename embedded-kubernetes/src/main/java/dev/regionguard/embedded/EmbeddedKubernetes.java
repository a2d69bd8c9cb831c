package dev.regionguard.embedded;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A Kubernetes API in this JVM: Fabric8's mock server in CRUD mode with the given custom resources'
 * CRDs registered (read from the classpath, where Fabric8's CRD generator puts them). It stores and
 * watches objects, locks status writes on their resourceVersion ({@link StatusLockingDispatcher}),
 * but enforces no schema and runs no controllers. Used by the demo, the tools and
 * the operator tests; never by the operator itself.
 */
public final class EmbeddedKubernetes implements AutoCloseable {
    /** Held so the level sticks: the mock server logs every request at INFO through java.util.logging. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    /** The canned answers and the store: they outlive a {@link #stop()}, so a restart finds every object. */
    private final Map<ServerRequest, Queue<ServerResponse>> responses;

    private final KubernetesMixedDispatcher store;
    private final int port;
    private final KubernetesClient client;
    private KubernetesMockServer server; // guarded by this; null while stopped

    private EmbeddedKubernetes(
            Map<ServerRequest, Queue<ServerResponse>> responses,
            KubernetesMixedDispatcher store,
            KubernetesMockServer server,
            KubernetesClient client) {
        this.responses = responses;
        this.store = store;
        this.server = server;
        this.port = server.getPort();
        this.client = client;
    }

    public static EmbeddedKubernetes start(List<Class<? extends HasMetadata>> resources) {
        return start(resources, 0);
    }

    /** @param port the loopback port to serve on; 0 for any free one */
    public static EmbeddedKubernetes start(List<Class<? extends HasMetadata>> resources, int port) {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMixedDispatcher store = new StatusLockingDispatcher(responses);
        KubernetesMockServer server = listen(responses, store, port);
        // JOSDK checks its permissions at start-up; the mock server has no RBAC to ask.
        server.expect()
                .post()
                .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(
                        201,
                        new SelfSubjectRulesReviewBuilder()
                                .withNewStatus()
                                .withIncomplete(false)
                                .withResourceRules(new ResourceRuleBuilder()
                                        .withApiGroups("*")
                                        .withResources("*")
                                        .withVerbs("*")
                                        .build())
                                .endStatus()
                                .build())
                .always();
        Discovery.serve(server, resources);
        KubernetesClient client = server.createClient();
        EmbeddedKubernetes kubernetes = new EmbeddedKubernetes(responses, store, server, client);
        resources.forEach(kubernetes::registerCrd);
        return kubernetes;
    }

    public KubernetesClient client() {
        return client;
    }

    /** A kubeconfig for kubectl pointing at this API (no authentication). */
    public String kubeconfig() {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: embedded\n  cluster: {server: \""
                + client.getMasterUrl()
                + "\"}\nusers:\n- name: embedded\n  user: {token: embedded}\ncontexts:\n- name: embedded\n"
                + "  context: {cluster: embedded, user: embedded, namespace: default}\ncurrent-context: embedded\n";
    }

    private void registerCrd(Class<? extends HasMetadata> type) {
        String file = "/META-INF/fabric8/" + HasMetadata.getPlural(type) + "." + HasMetadata.getGroup(type) + "-v1.yml";
        try (InputStream in = EmbeddedKubernetes.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("generated CRD " + file + " is not on the classpath");
            }
            CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(crd)
                    .create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An API server outage: the port stops accepting connections and open watches are cut. The
     * stored objects stay for {@link #restart()}.
     */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.destroy();
            } catch (IllegalStateException e) {
                // the mock server waits 10 s for its event loop and gives up when a starved machine
                // keeps it busy; a stop that outlasts that is still a stop
                MOCK_SERVER_LOG.warning("embedded Kubernetes API did not close in time: " + e.getMessage());
            }
            server = null;
        }
    }

    /** Ends an outage: serves the same objects on the same port, so existing clients reconnect. */
    public synchronized void restart() {
        if (server == null) {
            server = listen(responses, store, port);
        }
    }

    private static KubernetesMockServer listen(
            Map<ServerRequest, Queue<ServerResponse>> responses, KubernetesMixedDispatcher store, int port) {
        KubernetesMockServer server =
                new KubernetesMockServer(new Context(), new MockWebServer(), responses, store, false);
        server.init(InetAddress.getLoopbackAddress(), port);
        return server;
    }

    @Override
    public void close() {
        client.close();
        stop();
    }
}
