package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine here, so the Dockerfile is read as text: the facts the chart and the operator
 * rely on (a JRE runtime stage, a numeric non-root user, the entrypoint, the jar's path) and that
 * .dockerignore lets the build see what it copies.
 */
class DockerfileTest {
    private final List<Stage> stages = parse(Repo.read(Repo.ROOT.resolve("Dockerfile")));

    @Test
    void buildsWithMavenOnATemurin17JdkAndRunsOnATemurin17Jre() {
        assertThat(stages).hasSize(2);
        Stage build = stages.get(0);
        Stage runtime = stages.get(1);

        assertThat(build.image()).matches("maven:3\\.9[\\w.-]*-eclipse-temurin-17");
        assertThat(build.instructions("RUN"))
                .anySatisfy(run -> assertThat(run)
                        .contains("mvn -B -f operator/pom.xml -Dregionguard.image -Dmaven.test.skip=true package"));
        assertThat(runtime.image()).matches("eclipse-temurin:17[\\w.-]*-jre[\\w.-]*|eclipse-temurin:17-jre");
    }

    @Test
    void runtimeRunsAsTheNonRootUserTheChartExpects() {
        Stage runtime = stages.get(stages.size() - 1);
        List<String> users = runtime.instructions("USER");

        assertThat(users).isNotEmpty();
        String last = users.get(users.size() - 1);
        // Numeric, so the kubelet can check runAsNonRoot without reading /etc/passwd.
        assertThat(last).matches("\\d+(:\\d+)?");
        long uid = Long.parseLong(last.split(":")[0]);
        assertThat(uid).isNotZero();
        Long chartUid = HelmRender.render(null)
                .one(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getSecurityContext()
                .getRunAsUser();
        assertThat(uid).isEqualTo(chartUid);
    }

    @Test
    void runtimeStartsTheJarWithTheRunCommand() {
        Stage runtime = stages.get(stages.size() - 1);

        assertThat(runtime.instructions("ENTRYPOINT"))
                .containsExactly("[\"java\",\"-XX:MaxRAMPercentage=75\",\"-jar\",\"/app/regionguard.jar\"]");
        assertThat(runtime.instructions("CMD")).containsExactly("[\"run\"]");
        assertThat(runtime.instructions("EXPOSE"))
                .containsExactly(String.valueOf(HelmChartTest.container(HelmRender.render(null))
                        .getPorts()
                        .get(0)
                        .getContainerPort()));
    }

    @Test
    void copiesTheJarTheOperatorBuildProduces() {
        Stage build = stages.get(0);
        Stage runtime = stages.get(stages.size() - 1);
        Matcher shaded = Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+)</outputFile>")
                .matcher(Repo.read(Repo.ROOT.resolve("operator/pom.xml")));
        assertThat(shaded.find()).isTrue();

        assertThat(runtime.instructions("COPY"))
                .contains("--from=" + build.name() + " /src/operator/target/" + shaded.group(1)
                        + " /app/regionguard.jar");
    }

    @Test
    void dockerignoreLetsTheBuildSeeEverythingItCopies() {
        List<String> ignore = Repo.read(Repo.ROOT.resolve(".dockerignore"))
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(ignore.get(0)).as("allow-list: ignore everything first").isEqualTo("*");
        List<String> allowed = ignore.stream()
                .filter(l -> l.startsWith("!"))
                .map(l -> l.substring(1))
                .toList();

        for (String copy : stages.get(0).instructions("COPY")) {
            String source = copy.split("\\s+")[0];
            assertThat(allowed)
                    .as("COPY %s", source)
                    .anySatisfy(a -> assertThat(
                                    source.equals(a) || (source + "/").startsWith(a.endsWith("/") ? a : a + "/"))
                            .isTrue());
        }
        assertThat(allowed).noneMatch(a -> a.startsWith("operator/target") || a.startsWith(".git"));
    }

    // ---------------------------------------------------------------- a small Dockerfile reader

    record Stage(String image, String name, List<String[]> lines) {
        List<String> instructions(String keyword) {
            return lines.stream()
                    .filter(l -> l[0].equals(keyword))
                    .map(l -> l[1])
                    .toList();
        }
    }

    /** Stages with their instructions (keyword, arguments); continuation lines joined, comments dropped. */
    static List<Stage> parse(String dockerfile) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
            } else {
                logical.add(current.append(stripped).toString().strip());
                current.setLength(0);
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (String line : logical) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            String args = parts.length > 1 ? parts[1].strip() : "";
            if (keyword.equals("FROM")) {
                String[] from = args.split("\\s+");
                String name =
                        from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : String.valueOf(stages.size());
                stages.add(new Stage(from[0], name, new ArrayList<>()));
            } else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).lines().add(new String[] {keyword, args});
            }
        }
        return stages;
    }
}
