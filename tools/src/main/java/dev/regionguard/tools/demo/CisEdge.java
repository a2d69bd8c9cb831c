package dev.regionguard.tools.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.EdgeSpec;
import dev.regionguard.simulator.IbmCloudSimulator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The simulator's CIS set up as IBM's multi-region Code Engine tutorial does, a protection pointed
 * at it, and requests for the custom domain through its edge: shared by the demo and the benchmark.
 */
public final class CisEdge {
    public static final String ZONE = "example.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final IbmCloudSimulator sim;
    private final String crn;
    private final String domain;
    private final Map<String, String> pools;

    private CisEdge(IbmCloudSimulator sim, String crn, String domain, Map<String, String> pools) {
        this.sim = sim;
        this.crn = crn;
        this.domain = domain;
        this.pools = pools;
    }

    /**
     * A CIS instance with the zone, a pool per region at its CNAME target (in the map's order) and a
     * load balancer for {@code domain}; then the protection's spec.edge names them.
     */
    public static CisEdge setUp(
            IbmCloudSimulator sim,
            KubernetesClient k8s,
            String namespace,
            String protection,
            String domain,
            Map<String, String> targets) {
        String crn = sim.cis().createInstance(ZONE);
        Map<String, String> pools = sim.cis().seedLoadBalancer(crn, ZONE, domain, targets);
        k8s.resources(CodeEngineProtection.class)
                .inNamespace(namespace)
                .withName(protection)
                .edit(cep -> {
                    EdgeSpec edge = new EdgeSpec();
                    edge.cisInstanceCrn = crn;
                    edge.zone = ZONE;
                    edge.loadBalancer = domain;
                    pools.forEach((region, id) -> edge.pools.add(new EdgeSpec.EdgePool(region, id)));
                    cep.getSpec().edge = edge;
                    return cep;
                });
        return new CisEdge(sim, crn, domain, pools);
    }

    public String crn() {
        return crn;
    }

    public String domain() {
        return domain;
    }

    /** Region to pool id. */
    public Map<String, String> pools() {
        return pools;
    }

    /** The region whose app answered {@code https://<domain>/} through the edge; null when none did. */
    public String answeringRegion() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(sim.cis().edgeUrl(domain) + "/"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? JSON.readTree(response.body()).path("region").asText()
                    : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
