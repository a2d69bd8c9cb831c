package dev.regionguard.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.Protections;
import dev.regionguard.embedded.EmbeddedKubernetes;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

class RunCommandTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withoutAReachableClusterRunSaysWhatItTriedInOneLineAndExits1(@TempDir Path dir) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path kubeconfig = dir.resolve("config");
        Files.writeString(
                kubeconfig,
                "apiVersion: v1\nkind: Config\nclusters:\n- name: gone\n  cluster: {server: \"https://127.0.0.1:"
                        + closedPort + "\"}\nusers:\n- name: u\n  user: {token: t}\ncontexts:\n- name: gone-ctx\n"
                        + "  context: {cluster: gone, user: u}\ncurrent-context: gone-ctx\n");
        String previous = System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
        try {
            StringWriter err = new StringWriter();
            int exit = Main.execute(new Main(), new PrintWriter(new StringWriter()), new PrintWriter(err), "run");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().lines().toList())
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .startsWith("regionguard run: cannot reach the Kubernetes API at https://127.0.0.1:"
                                    + closedPort)
                            .contains("context gone-ctx of kubeconfig " + kubeconfig));
        } finally {
            if (previous == null) {
                System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
            } else {
                System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, previous);
            }
        }
    }

    @Test
    void anApiThatAnswersPassesTheCheck() {
        try (EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start(Protections.RESOURCES)) {
            Config config = kubernetes.client().getConfiguration();
            assertThat(ClusterCheck.problem(config)).isEmpty();
        }
    }

    @Test
    void helpNamesEveryEnvironmentVariableTheOperatorReads() throws IOException {
        Set<String> read = new TreeSet<>();
        Pattern variable = Pattern.compile("\"(REGIONGUARD_[A-Z_]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = variable.matcher(Files.readString(source));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        StringWriter out = new StringWriter();
        int exit = Main.execute(new Main(), new PrintWriter(out), new PrintWriter(new StringWriter()), "run", "--help");

        assertThat(exit).isZero();
        assertThat(read).contains("REGIONGUARD_MAX_RECONCILE_INTERVAL", "REGIONGUARD_HTTP_PORT");
        assertThat(read).allSatisfy(name -> assertThat(out.toString()).contains("  " + name + " "));
    }

    @Test
    void aBadEnvironmentValueIsOneLineNotAStackTrace() {
        StringWriter err = new StringWriter();
        int exit = Main.execute(new FailingRoot(), new PrintWriter(new StringWriter()), new PrintWriter(err), "fail");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines().toList())
                .containsExactly("regionguard fail: REGIONGUARD_HTTP_PORT must be a positive whole number, not 'x'"
                        + " (REGIONGUARD_DEBUG=true prints the stack trace)");
    }

    @Command(name = "regionguard", subcommands = FailingRoot.Fail.class)
    static final class FailingRoot {
        @Command(name = "fail")
        static final class Fail implements Callable<Integer> {
            @Override
            public Integer call() {
                return OperatorConfig.fromEnvironment(Map.of("REGIONGUARD_HTTP_PORT", "x"))
                        .httpPort();
            }
        }
    }
}
