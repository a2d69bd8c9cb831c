package dev.regionguard.tools.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.EventNotificationsProtection;
import dev.regionguard.api.FailoverInProgress;
import dev.regionguard.api.FailoverPhase;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.FailoverType;
import dev.regionguard.api.HealthState;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.Protections;
import dev.regionguard.api.RegionFailover;
import dev.regionguard.api.RegionRole;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.Timestamps;
import dev.regionguard.api.UnsyncedEntity;
import dev.regionguard.embedded.EmbeddedKubernetes;
import dev.regionguard.tools.demo.SampleFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kubectl regionguard} against the embedded Kubernetes API with the samples applied: what status shows,
 * that the write commands create or edit exactly what the README's runbook does, and the exit codes.
 */
class KubectlPluginTest {
    private static final Path ROOT = Path.of(System.getProperty("regionguard.projectRoot", ".."));
    private static final String NS = "default";
    private static EmbeddedKubernetes kubernetes;
    private static KubernetesClient client;
    private static Path kubeconfig;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws IOException {
        kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES);
        client = kubernetes.client();
        kubeconfig = work.resolve("kubeconfig");
        Files.writeString(kubeconfig, kubernetes.kubeconfig());
        for (HasMetadata object : SampleFiles.read(ROOT.resolve("config/samples"))) {
            client.resource(object).inNamespace(NS).create();
        }
        EventNotificationsProtection enp = client.resources(EventNotificationsProtection.class)
                .inNamespace(NS)
                .withName("orders-notifications")
                .get();
        enp.setStatus(failingBackStatus());
        client.resource(enp).updateStatus();
    }

    @AfterAll
    static void stop() {
        kubernetes.close();
    }

    /** After a failover to us-east: relocating back to us-south, us-east unreachable, two entities not synced. */
    private static ProtectionStatus failingBackStatus() {
        ProtectionStatus status = new ProtectionStatus();
        status.conditions.add(Conditions.of(Conditions.READY, false, "StandbyNotReady", "us-east is Unhealthy"));
        status.activeRegion = "us-south";
        status.epoch = 2L;
        status.regions.add(
                new RegionStatus("us-south", RegionRole.Primary, HealthState.Healthy, "2026-12-05T10:00:00Z"));
        RegionStatus east =
                new RegionStatus("us-east", RegionRole.Standby, HealthState.Unhealthy, "2026-12-05T10:05:00Z");
        east.lastError = "connection refused";
        status.regions.add(east);
        StandbyStatus standby = new StandbyStatus();
        standby.region = "us-east";
        standby.inSync = false;
        standby.lastSuccessfulSyncTime = Timestamps.format(Instant.now().minusSeconds(90));
        for (String name : List.of("orders-webhook", "orders-email")) {
            UnsyncedEntity entity = new UnsyncedEntity();
            entity.type = "destination";
            entity.name = name;
            entity.reason = "WriteFailed";
            standby.unsyncedEntities.add(entity);
        }
        status.standbys.add(standby);
        status.failover =
                new FailoverInProgress("fail-back", FailoverType.Relocate, FailoverPhase.Promoting, "us-south");
        FailoverRecord last = new FailoverRecord();
        last.name = "orders-notifications-inc-4711";
        last.type = FailoverType.Failover;
        last.fromRegion = "us-south";
        last.toRegion = "us-east";
        last.phase = FailoverPhase.Succeeded;
        last.epoch = 1L;
        last.durationSeconds = 15L;
        last.completionTime = "2026-12-05T09:00:00Z";
        last.reason = "INC-4711";
        status.failoverHistory.add(last);
        return status;
    }

    @Test
    void statusShowsEveryColumnOfOneProtection() {
        Run run = run("status", "orders-notifications");

        assertThat(run.exit).as(run.err).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("EventNotificationsProtection orders-notifications  Ready=False (StandbyNotReady):"
                        + " us-east is Unhealthy  active us-south  epoch 2");
        assertThat(lines.get(1).split(" {2,}"))
                .containsExactly(
                        "", "REGION", "ROLE", "HEALTH", "IN SYNC", "LAST SUCCESSFUL SYNC", "RPO", "NOT SYNCED");
        assertThat(lines.get(2).trim().split(" +"))
                .containsExactly("us-south", "Primary", "Healthy", "-", "-", "-", "-");
        String[] east = lines.get(3).trim().split(" +");
        assertThat(east).hasSize(7);
        assertThat(east[0]).isEqualTo("us-east");
        assertThat(east[1]).isEqualTo("Standby");
        assertThat(east[2]).isEqualTo("Unhealthy");
        assertThat(east[3]).isEqualTo("false");
        assertThat(east[5]).matches("1m3\\ds");
        assertThat(east[6]).isEqualTo("2");
        assertThat(lines.subList(4, lines.size()))
                .containsExactly(
                        "  us-east: connection refused",
                        "  failover in progress: fail-back (Relocate to us-south, phase Promoting)",
                        "  last failover: orders-notifications-inc-4711 Failover us-south -> us-east Succeeded,"
                                + " epoch 1, took 15s, ended 2026-12-05T09:00:00Z: INC-4711",
                        "  not synced: 2 entities (kubectl get enp orders-notifications -o"
                                + " jsonpath='{.status.standbys[*].unsyncedEntities}')");
    }

    @Test
    void statusWithoutNameShowsEveryProtectionWithoutColour() {
        Run run = run("status");

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out)
                .contains("EventNotificationsProtection orders-notifications  Ready=False")
                .contains("CodeEngineProtection orders-app  Ready=Unknown (no status yet)  active -  epoch -")
                .doesNotContain("\u001b[");
    }

    @ParameterizedTest
    @CsvSource({
        "failover, orders-notifications-failover.yaml",
        "relocate, orders-notifications-relocate.yaml",
        "plan,     orders-notifications-plan.yaml",
        "drill,    orders-notifications-drill.yaml"
    })
    void createsTheRegionFailoverTheRunbookSampleCreates(String command, String sample) throws IOException {
        RegionFailover expected = Serialization.unmarshal(
                Files.readString(ROOT.resolve("config/samples/failover/" + sample)), RegionFailover.class);

        Run run = run(
                command,
                "orders-notifications",
                "--to",
                expected.getSpec().targetRegion,
                "--reason",
                expected.getSpec().reason);

        assertThat(run.exit).as(run.err).isZero();
        String name = run.out.trim().replaceAll("^regionfailover\\.regionguard\\.dev/(\\S+) created$", "$1");
        assertThat(name).startsWith("orders-notifications-" + command + "-");
        RegionFailover created = client.resources(RegionFailover.class)
                .inNamespace(NS)
                .withName(name)
                .get();
        assertThat(Serialization.asJson(created.getSpec())).isEqualTo(Serialization.asJson(expected.getSpec()));
        assertThat(created.getMetadata().getLabels())
                .containsEntry(RegionFailover.PROTECTION_LABEL, "orders-notifications");
    }

    @Test
    void dryRunPrintsTheObjectAndCreatesNothing() {
        int before = failovers();

        Run failover = run("failover", "orders-app", "--to", "us-east", "--force", "--dry-run=client", "-o", "yaml");
        Run pause = run("pause", "orders-app", "--dry-run=client", "-o", "yaml");

        assertThat(failover.exit).as(failover.err).isZero();
        RegionFailover printed = Serialization.unmarshal(failover.out, RegionFailover.class);
        assertThat(printed.getSpec().protectionRef.kind.name()).isEqualTo("CodeEngineProtection");
        assertThat(printed.getSpec().type).isEqualTo(FailoverType.Failover);
        assertThat(printed.getSpec().force).isTrue();
        assertThat(printed.getSpec().reason).isNotBlank();
        assertThat(failovers()).as("nothing created").isEqualTo(before);
        assertThat(pause.exit).as(pause.err).isZero();
        assertThat(Serialization.unmarshal(pause.out, CodeEngineProtection.class)
                        .getMetadata()
                        .getAnnotations())
                .containsEntry(Protections.PAUSED, "true");
        assertThat(annotations()).as("nothing changed").doesNotContainKey(Protections.PAUSED);
    }

    @Test
    void pauseAndResumeToggleOnlyTheAnnotation() {
        var specBefore = Serialization.asJson(cep().getSpec());

        Run pause = run("pause", "orders-app");
        var paused = annotations();
        Run resume = run("resume", "orders-app");

        assertThat(pause.exit).as(pause.err).isZero();
        assertThat(pause.out).isEqualTo("codeengineprotection.regionguard.dev/orders-app annotated\n");
        assertThat(paused).containsEntry(Protections.PAUSED, "true");
        assertThat(resume.exit).as(resume.err).isZero();
        assertThat(annotations()).doesNotContainKey(Protections.PAUSED);
        assertThat(Serialization.asJson(cep().getSpec())).isEqualTo(specBefore);
    }

    @Test
    void anUnknownProtectionIsOneLineAndExit1() {
        for (String[] args : List.of(
                new String[] {"status", "nope"},
                new String[] {"failover", "nope", "--to", "us-east"},
                new String[] {"pause", "nope"})) {
            Run run = run(args);

            assertThat(run.exit).isEqualTo(1);
            assertThat(run.err.lines().toList())
                    .singleElement()
                    .satisfies(line -> assertThat(line).contains("no protection named nope in namespace default"));
        }
    }

    @Test
    void anApiThatDoesNotAnswerIsOneLineNamingItAndExit1() throws IOException {
        Path nowhere = work.resolve("nowhere");
        Files.writeString(
                nowhere, kubernetes.kubeconfig().replace(client.getMasterUrl().toString(), "https://127.0.0.1:1/"));

        Run run = run("status", "--kubeconfig", nowhere.toString());

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err.lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("the Kubernetes API at https://127.0.0.1:1/ (context embedded of " + nowhere
                                + ") did not answer"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "failover orders-notifications           | Missing required option: '--to=REGION'",
                "failover orders-notifications --to eu-de | --to eu-de is not a region of enp/orders-notifications",
                "plan orders-notifications --to us-east --dry-run=server | --dry-run must be client or none",
                "pause orders-app -o wide                | --output must be yaml or json: wide",
                "status --bogus                          | Unknown option: '--bogus'",
                "status --kubeconfig /no/such/file       | --kubeconfig: cannot read /no/such/file",
            })
    void aBadOptionIsOneLineAndExit2(String commandLine, String expected) {
        int before = failovers();

        Run run = run(commandLine.trim().split(" +"));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err.lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line).contains(expected));
        assertThat(run.out).isEmpty();
        assertThat(failovers()).isEqualTo(before);
    }

    /** kubectl finds the launcher on PATH and the launcher runs this code: the way on-call runs it. */
    @Test
    void kubectlRunsThePluginThroughTheLauncher() throws Exception {
        assumeTrue(kubectlInstalled(), "kubectl is not installed on this machine");
        ProcessBuilder pb = new ProcessBuilder("kubectl", "regionguard", "status", "orders-notifications")
                .redirectError(work.resolve("launcher.err").toFile());
        pb.environment().put("PATH", ROOT.resolve("tools/bin").toAbsolutePath() + ":" + System.getenv("PATH"));
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("REGIONGUARD_CLASSPATH", System.getProperty("java.class.path"));
        Process process = pb.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("EventNotificationsProtection orders-notifications  Ready=False");
        assertThat(work.resolve("launcher.err")).as("no log line, no notice").isEmptyFile();
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--kubeconfig=" + kubeconfig;
        all[args.length + 1] = "-n=" + NS;
        if (List.of(args).contains("--kubeconfig")) {
            all = args;
        }
        int exit = KubectlPlugin.execute(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exit, out.toString(), err.toString());
    }

    private static int failovers() {
        return client.resources(RegionFailover.class)
                .inNamespace(NS)
                .list()
                .getItems()
                .size();
    }

    private static CodeEngineProtection cep() {
        return client.resources(CodeEngineProtection.class)
                .inNamespace(NS)
                .withName("orders-app")
                .get();
    }

    private static java.util.Map<String, String> annotations() {
        var annotations = cep().getMetadata().getAnnotations();
        return annotations == null ? java.util.Map.of() : annotations;
    }

    private static boolean kubectlInstalled() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
