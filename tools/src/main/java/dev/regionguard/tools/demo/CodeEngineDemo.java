package dev.regionguard.tools.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.AppScalingRecord;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.Conditions;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.Endpoints;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.cloud.http.IbmHttp;
import dev.regionguard.codeengine.CeKind;
import dev.regionguard.codeengine.CodeEngineClient;
import dev.regionguard.codeengine.HttpCodeEngineClients;
import dev.regionguard.simulator.CodeEngineSeedManifest;
import dev.regionguard.simulator.IbmCloudSimulator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** The Code Engine part of the demo: a cold standby project kept ready to run the primary's apps. */
public final class CodeEngineDemo {
    public interface Say {
        void say(String format, Object... args);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** In a regional registry: us.icr.io serves us-south and us-east, so the cold standby pulls it as it is. */
    private static final String ORDERS_IMAGE = "us.icr.io/orders/orders-api:1.4";

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final PrintStream out;
    private final IbmCloudSimulator sim;
    private final CodeEngineProtection sample;
    private final Say say;
    private final CodeEngineClient primary;
    private final CodeEngineClient standby;

    public CodeEngineDemo(
            PrintStream out, IbmCloudSimulator sim, Endpoints endpoints, CodeEngineProtection sample, Say say) {
        this.out = out;
        this.sim = sim;
        this.sample = sample;
        this.say = say;
        var clients = new HttpCodeEngineClients(
                endpoints,
                IbmHttp.create(endpoints, HttpSettings.defaults(), CallObserver.NONE),
                Duration.ofMillis(100));
        ApiKey key = new ApiKey("demo-api-key");
        this.primary = clients.forProject(sample.getSpec().primary.region, sample.getSpec().primary.projectId, key);
        this.standby = clients.forProject(
                sample.getSpec().standbys.get(0).region,
                sample.getSpec().standbys.get(0).projectId,
                key);
    }

    public void seed() {
        sim.setCodeEngineTimings(Duration.ofMillis(200), Duration.ofMillis(200));
        sim.createCodeEngineProject(primary.region(), primary.projectId());
        sim.createCodeEngineProject(standby.region(), standby.projectId());
        CodeEngineSeedManifest manifest = sim.seedCodeEngine(primary.region(), primary.projectId(), 30, 7);
        // The app the sample's health checks probe.
        ObjectNode app = JSON.createObjectNode()
                .put("name", sample.getSpec().apps.get(0).name)
                .put("image_reference", ORDERS_IMAGE)
                .put("scale_min_instances", 2)
                .put("scale_max_instances", 10);
        primary.create(CeKind.APP, app);
        say.say(
                "Code Engine primary %s/%s: %d resources (apps, jobs, secrets, config maps, %d custom domains); "
                        + "standby %s/%s: empty",
                primary.region(),
                primary.projectId(),
                manifest.resourceCount() + 1,
                manifest.domainNames().size(),
                standby.region(),
                standby.projectId());
    }

    void showProtected(KubernetesClient k8s) throws InterruptedException {
        String name = sample.getMetadata().getName();
        CodeEngineProtectionStatus status = await(k8s, name);
        say.say(
                "%s (CodeEngineProtection, %s standby) is Ready: %s",
                name, sample.getSpec().standbyMode, Conditions.find(status.conditions, Conditions.READY).message);
        out.printf("    %-30s %8s %8s%n", "resource", primary.region(), standby.region());
        for (CeKind kind : List.of(
                CeKind.SECRET,
                CeKind.CONFIG_MAP,
                CeKind.APP,
                CeKind.JOB,
                CeKind.FUNCTION,
                CeKind.BINDING,
                CeKind.DOMAIN_MAPPING)) {
            out.printf(
                    "    %-30s %8d %8d%n",
                    kind.path(), primary.list(kind).size(), standby.list(kind).size());
        }
        out.println(
                "    (each project keeps its own system secret; custom domains are mapped in both regions at once)");
        AppScalingRecord scaling = status.appScaling.stream()
                .filter(a -> a.app.equals(sample.getSpec().apps.get(0).name))
                .findFirst()
                .orElseThrow();
        ObjectNode standbyApp = standby.get(CeKind.APP, scaling.app);
        say.say(
                "App %s: min %d / max %d instances on %s; min %d on the cold standby; status remembers %d/%d for the failover",
                scaling.app,
                scaling.minInstances,
                scaling.maxInstances,
                primary.region(),
                standbyApp.path("scale_min_instances").asInt(),
                scaling.minInstances,
                scaling.maxInstances);
        say.say(
                "App %s image on %s: %s (IBM's registry for that region: the audit finds nothing to translate)",
                scaling.app,
                standby.region(),
                standbyApp.path("image_reference").asText());
        say.say(
                "Custom domains, each region at its own CNAME target: %s",
                status.domainMappings.stream()
                        .map(d -> d.name + " @ " + d.region + " -> " + d.cnameTarget + " (" + d.status + ")")
                        .toList());
    }

    private CodeEngineProtectionStatus await(KubernetesClient k8s, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            CodeEngineProtection cep = k8s.resources(CodeEngineProtection.class)
                    .inNamespace(sample.getMetadata().getNamespace())
                    .withName(name)
                    .get();
            if (cep != null
                    && cep.getStatus() != null
                    && Conditions.isTrue(cep.getStatus().conditions, Conditions.READY)
                    && !cep.getStatus().appScaling.isEmpty()) {
                return cep.getStatus();
            }
            Thread.sleep(100); // a person watching; not a test
        }
        throw new IllegalStateException(name + " did not become Ready within " + TIMEOUT.toSeconds() + "s");
    }
}
