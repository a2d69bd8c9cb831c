package dev.regionguard.tools.plugin;

import dev.regionguard.tools.cli.OptionChecks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --dry-run=client} and {@code -o yaml|json}, as kubectl create and annotate take them. */
final class WriteOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--dry-run",
            arity = "0..1",
            fallbackValue = "client",
            paramLabel = "client",
            description = "client: print the object instead of sending it (with -o yaml, the whole object).")
    String dryRun;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "yaml|json",
            description = "Print the whole object (the one sent, or with --dry-run the one that would be).")
    String output;

    /** Checks the values: bad ones are one line and exit 2. */
    void check() {
        OptionChecks.require(
                spec,
                dryRun == null || dryRun.equals("client") || dryRun.equals("none"),
                "--dry-run must be client or none: " + dryRun);
        OptionChecks.require(
                spec,
                output == null || output.equals("yaml") || output.equals("json"),
                "--output must be yaml or json: " + output);
    }

    boolean dryRun() {
        return "client".equals(dryRun);
    }

    /** kubectl's answer: the object with -o, otherwise one line such as {@code regionfailover.regionguard.dev/x created}. */
    void print(PrintWriter out, HasMetadata object, String verb) {
        if (output == null) {
            String kind = object.getKind().toLowerCase(Locale.ROOT) + "." + HasMetadata.getGroup(object.getClass());
            out.println(kind + "/" + object.getMetadata().getName() + " " + verb + (dryRun() ? " (dry run)" : ""));
        } else if (output.equals("json")) {
            out.println(Serialization.asJson(object));
        } else {
            out.print(Serialization.asYaml(object));
        }
        out.flush();
    }
}
