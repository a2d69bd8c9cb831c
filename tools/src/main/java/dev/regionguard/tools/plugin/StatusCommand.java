package dev.regionguard.tools.plugin;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code status [NAME]}: every protection of the namespace, or one, in one screen of plain text. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Ready, active region, epoch, each region's health, each standby's sync and RPO, failovers.")
final class StatusCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    KubectlPlugin plugin;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "One protection (default: all).")
    String name;

    Clock clock = Clock.systemUTC();

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (KubernetesClient client = cluster.client()) {
            List<Protection> protections =
                    name == null ? Protection.all(client) : List.of(Protection.named(client, name));
            if (protections.isEmpty()) {
                out.println("No protections in namespace " + client.getNamespace() + ".");
            }
            StatusText text = new StatusText(clock.instant(), plugin.colour);
            for (int i = 0; i < protections.size(); i++) {
                out.print((i == 0 ? "" : "\n") + text.render(protections.get(i)));
            }
            out.flush();
        } catch (KubernetesClientException e) {
            throw cluster.explain(e);
        }
    }
}
