package dev.regionguard.tools.plugin;

import dev.regionguard.api.Protections;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pause} and {@code resume}: set or remove the annotation {@code regionguard.dev/paused: "true"}, as the
 * runbook's {@code kubectl annotate} does; nothing else of the protection changes.
 */
final class PauseCommands {
    private PauseCommands() {}

    /** Sets (true) or removes (false) the pause annotation of the named protection. */
    abstract static class Toggle implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        ClusterOptions cluster;

        @Mixin
        WriteOptions write;

        @Parameters(index = "0", paramLabel = "NAME", description = "The protection (EN or CE), in the namespace.")
        String name;

        abstract boolean paused();

        @Override
        public void run() {
            write.check();
            try (KubernetesClient client = cluster.client()) {
                HasMetadata protection = Protection.named(client, name).resource();
                HasMetadata edited = Serialization.clone(protection);
                Map<String, String> annotations = new HashMap<>(
                        Objects.requireNonNullElse(edited.getMetadata().getAnnotations(), Map.of()));
                if (paused()) {
                    annotations.put(Protections.PAUSED, "true");
                } else {
                    annotations.remove(Protections.PAUSED);
                }
                edited.getMetadata().setAnnotations(annotations);
                String verb = "annotated";
                if (write.dryRun()) {
                    write.print(spec.commandLine().getOut(), edited, verb);
                } else {
                    // A JSON patch of the annotation only: status and spec stay as the operator and Git wrote them.
                    HasMetadata patched = client.resource(protection).edit(p -> {
                        p.getMetadata().setAnnotations(annotations);
                        return p;
                    });
                    write.print(spec.commandLine().getOut(), patched, verb);
                }
            } catch (KubernetesClientException e) {
                throw cluster.explain(e);
            }
        }
    }

    @Command(
            name = "pause",
            mixinStandardHelpOptions = true,
            description =
                    "Stop every action on a protection (sync, probes, failover): annotate regionguard.dev/paused=true.")
    static final class Pause extends Toggle {
        @Override
        boolean paused() {
            return true;
        }
    }

    @Command(
            name = "resume",
            mixinStandardHelpOptions = true,
            description = "Resume a paused protection: remove the annotation regionguard.dev/paused.")
    static final class Resume extends Toggle {
        @Override
        boolean paused() {
            return false;
        }
    }
}
