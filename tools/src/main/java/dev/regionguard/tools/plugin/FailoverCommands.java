package dev.regionguard.tools.plugin;

import dev.regionguard.api.FailoverType;
import dev.regionguard.api.ProtectionRef;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionFailoverSpec;
import dev.regionguard.tools.cli.OptionChecks;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code failover}, {@code relocate} and {@code plan}: each creates one RegionFailover, the same object the
 * runbook's {@code kubectl create -f config/samples/failover/...} creates, named {@code <protection>-<type>-<UTC time>}.
 */
final class FailoverCommands {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final int MAX_LABEL_VALUE = 63;

    private FailoverCommands() {}

    /** What the three commands share: the protection, the target region, the reason, and how to write. */
    abstract static class Create implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        ClusterOptions cluster;

        @Mixin
        WriteOptions write;

        @Parameters(index = "0", paramLabel = "NAME", description = "The protection (EN or CE), in the namespace.")
        String name;

        @Option(names = "--to", required = true, paramLabel = "REGION", description = "The region to make active.")
        String to;

        @Option(
                names = "--reason",
                paramLabel = "TEXT",
                description = "Why, e.g. an incident number (history, Events).")
        String reason;

        Clock clock = Clock.systemUTC();

        abstract FailoverType type();

        boolean force() {
            return false;
        }

        @Override
        public void run() {
            write.check();
            OptionChecks.require(spec, reason == null || !reason.isBlank(), "--reason must not be empty");
            OptionChecks.require(spec, reason == null || reason.length() <= 1024, "--reason is longer than 1024");
            try (KubernetesClient client = cluster.client()) {
                Protection protection = Protection.named(client, name);
                OptionChecks.require(
                        spec,
                        protection.specRegions().isEmpty()
                                || protection.specRegions().contains(to),
                        "--to " + to + " is not a region of " + protection.shortName() + "/" + name + " "
                                + protection.specRegions());
                RegionFailover failover = regionFailover(protection, client.getNamespace());
                if (write.dryRun()) {
                    write.print(spec.commandLine().getOut(), failover, "created");
                } else {
                    write.print(
                            spec.commandLine().getOut(),
                            client.resource(failover).create(),
                            "created");
                }
            } catch (KubernetesClientException e) {
                throw cluster.explain(e);
            }
        }

        /** The RegionFailover the runbook's sample would create, for this protection, region and reason. */
        RegionFailover regionFailover(Protection protection, String namespace) {
            String type = type().name().toLowerCase(Locale.ROOT);
            RegionFailover failover = new RegionFailover();
            ObjectMetaBuilder metadata = new ObjectMetaBuilder()
                    .withName(name + "-" + type + "-" + STAMP.format(clock.instant()))
                    .withNamespace(namespace);
            if (name.length() <= MAX_LABEL_VALUE) {
                metadata.addToLabels(RegionFailover.PROTECTION_LABEL, name);
            }
            failover.setMetadata(metadata.build());
            RegionFailoverSpec spec = new RegionFailoverSpec();
            spec.protectionRef = new ProtectionRef(protection.kind(), name);
            spec.type = type();
            spec.targetRegion = to;
            spec.reason = reason != null ? reason : type().name() + " to " + to + " (kubectl regionguard " + type + ")";
            spec.force = force();
            failover.setSpec(spec);
            return failover;
        }
    }

    @Command(
            name = "failover",
            mixinStandardHelpOptions = true,
            description = "Make a standby active now (creates a RegionFailover of type Failover).")
    static final class Failover extends Create {
        @Option(names = "--force", description = "Fail over even to a standby that is not ready.")
        boolean force;

        @Override
        FailoverType type() {
            return FailoverType.Failover;
        }

        @Override
        boolean force() {
            return force;
        }
    }

    @Command(
            name = "relocate",
            mixinStandardHelpOptions = true,
            description = "Fail back, both regions healthy, after a final sync (a RegionFailover of type Relocate).")
    static final class Relocate extends Create {
        @Override
        FailoverType type() {
            return FailoverType.Relocate;
        }
    }

    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            description = "Write into the RegionFailover's status.plan what a failover would do; change nothing.")
    static final class Plan extends Create {
        @Override
        FailoverType type() {
            return FailoverType.Plan;
        }
    }

    @Command(
            name = "drill",
            mixinStandardHelpOptions = true,
            description = "Prove a standby as a failover would, with spec.verification's checks; change nothing"
                    + " (a RegionFailover of type Drill, recorded in the failover history).")
    static final class Drill extends Create {
        @Override
        FailoverType type() {
            return FailoverType.Drill;
        }
    }
}
