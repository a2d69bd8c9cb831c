package dev.regionguard.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Paths in the repository and the check-or-rewrite step shared by every generated file. */
final class Repo {
    static final Path ROOT = Path.of(System.getProperty("regionguard.projectRoot", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path CHART = ROOT.resolve("deploy/helm/regionguard");
    static final Path CRDS = ROOT.resolve("crds");
    static final Path MANIFESTS = ROOT.resolve("deploy/manifests");
    static final Path ALERTS = ROOT.resolve("deploy/prometheus/regionguard-alerts.yaml");
    static final Path ARGOCD = ROOT.resolve("config/argocd");

    /** -Dregionguard.updateManifests=true: rewrite generated files instead of failing on drift. */
    static final boolean UPDATE = Boolean.getBoolean("regionguard.updateManifests");

    static final String REGENERATE = "mvn -B -o -q -pl operator -am test -Dtest='dev.regionguard.deploy.**' "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dregionguard.updateManifests=true";

    private Repo() {}

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> list(Path dir, Predicate<Path> filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * Makes {@code dir} hold exactly {@code expected} (file name → content) among the files that
     * {@code owned} selects: in update mode by rewriting them, otherwise by failing with the list
     * of differences and the command that regenerates them.
     */
    static void checkOrUpdate(Path dir, Map<String, String> expected, Predicate<Path> owned) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> present = new TreeSet<>();
        for (Path file : list(dir, owned)) {
            present.add(file.getFileName().toString());
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!present.contains(e.getKey())) {
                problems.add("missing " + ROOT.relativize(file));
            } else if (!read(file).equals(e.getValue())) {
                problems.add("differs " + ROOT.relativize(file));
            }
        }
        for (String name : present) {
            if (!expected.containsKey(name)) {
                problems.add("stale   " + ROOT.relativize(dir.resolve(name)));
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        if (!UPDATE) {
            fail(
                    "Generated files are out of date:%n  %s%nRegenerate from the repository root with:%n  %s",
                    String.join("\n  ", problems), REGENERATE);
        }
        try {
            Files.createDirectories(dir);
            for (String name : present) {
                if (!expected.containsKey(name)) {
                    Files.delete(dir.resolve(name));
                }
            }
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** checkOrUpdate for a single file. */
    static void checkOrUpdate(Path file, String expected) {
        String name = file.getFileName().toString();
        checkOrUpdate(
                file.getParent(),
                Map.of(name, expected),
                p -> p.getFileName().toString().equals(name));
    }
}
