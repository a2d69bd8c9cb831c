package dev.regionguard.tools.plugin;

import dev.regionguard.operator.ClusterCheck;
import dev.regionguard.tools.cli.OptionChecks;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Which cluster and namespace, as kubectl chooses them: the kubeconfig's current context unless told otherwise. */
final class ClusterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = {"-n", "--namespace"},
            description = "Namespace of the protections (default: the current context's, else default).")
    String namespace;

    @Option(
            names = "--kubeconfig",
            description = "Kubeconfig file (default: KUBECONFIG, else ~/.kube/config, else the pod's service account).")
    Path kubeconfig;

    private Config config;

    /** A client for the chosen cluster that fails within seconds, without retries, when the API does not answer. */
    KubernetesClient client() {
        config = ClusterCheck.quick(load());
        if (namespace != null) {
            config.setNamespace(namespace);
        } else if (config.getNamespace() == null) {
            config.setNamespace("default");
        }
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** One line that names the API server and where it came from, for a call that got no answer or was refused. */
    RuntimeException explain(KubernetesClientException e) {
        if (e.getCode() > 0 && e.getCode() != 401 && e.getCode() != 403) {
            return e;
        }
        String source = config.getFile() == null
                ? "no kubeconfig found"
                : "context "
                        + (config.getCurrentContext() == null
                                ? "(none)"
                                : config.getCurrentContext().getName()) + " of " + config.getFile();
        String why = e.getCode() > 0
                ? "refused the credentials (" + e.getCode() + ")"
                : "did not answer: " + ClusterCheck.cause(e);
        return new IllegalStateException("the Kubernetes API at " + config.getMasterUrl() + " (" + source + ") " + why);
    }

    private Config load() {
        if (kubeconfig == null) {
            return Config.autoConfigure(null);
        }
        OptionChecks.require(spec, Files.isReadable(kubeconfig), "--kubeconfig: cannot read " + kubeconfig);
        try {
            return Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
