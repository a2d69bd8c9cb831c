package dev.regionguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The jar the image runs, read entry by entry once it is packaged: production code only. */
class ProductionJarIT {
    private static final Path JAR =
            Path.of(System.getProperty("regionguard.productionJar", "target/regionguard-operator.jar"));

    private static List<String> entries() throws IOException {
        assertThat(JAR).as("the shaded operator jar").exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            return jar.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void holdsNoSimulatorToolOrMockServerClass() throws IOException {
        List<String> entries = entries();

        assertThat(entries)
                .noneMatch(e -> e.startsWith("dev/regionguard/simulator/"))
                .noneMatch(e -> e.startsWith("dev/regionguard/tools/"))
                .noneMatch(e -> e.startsWith("dev/regionguard/embedded/"))
                .noneMatch(e -> e.startsWith("dev/regionguard/testing/"))
                .noneMatch(e -> e.startsWith("io/fabric8/kubernetes/client/server/mock/"))
                .noneMatch(e -> e.startsWith("io/fabric8/mockwebserver/"))
                .noneMatch(e -> e.startsWith("mockwebserver3/") || e.startsWith("okhttp3/mockwebserver/"))
                .noneMatch(e -> e.toLowerCase().contains("demo") && e.startsWith("dev/regionguard/"));
    }

    @Test
    void holdsTheOperatorAndStartsWithTheRunCommand() throws IOException {
        List<String> entries = entries();

        assertThat(entries)
                .contains(
                        "dev/regionguard/operator/Main.class",
                        "dev/regionguard/operator/RunCommand.class",
                        "META-INF/fabric8/eventnotificationsprotections.regionguard.dev-v1.yml");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.regionguard.operator.Main");
        }
        assertThat(Files.size(JAR)).isPositive();
    }
}
