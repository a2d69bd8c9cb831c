package dev.regionguard.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a Code Engine seed has created so far, by name, for the resources made later that refer to it. */
final class CeSeedNames {

    private final Map<String, List<String>> secretsByFormat = new LinkedHashMap<>();
    final List<String> configMaps = new ArrayList<>();
    final List<String> dataStores = new ArrayList<>();
    final List<String> apps = new ArrayList<>();
    final List<String> jobs = new ArrayList<>();

    void addSecret(String format, String name) {
        secretsByFormat.computeIfAbsent(format, f -> new ArrayList<>()).add(name);
    }

    /** The secrets of one format, in creation order; empty when there are none. */
    List<String> secrets(String format) {
        return secretsByFormat.getOrDefault(format, List.of());
    }
}
