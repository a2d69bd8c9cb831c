package dev.regionguard.tools.plugin;

import dev.regionguard.api.Condition;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.FailoverInProgress;
import dev.regionguard.api.FailoverRecord;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionStatus;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One protection as plain text: a header line, a row per region, then what is running, what ran, what is missing. */
final class StatusText {
    private static final String ROW = "  %-10s %-8s %-10s %-8s %-21s %-7s %s";
    private static final int MAX_MESSAGE = 100;
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private final Instant now;
    private final boolean colour;

    StatusText(Instant now, boolean colour) {
        this.now = now;
        this.colour = colour;
    }

    String render(Protection protection) {
        ProtectionStatus status = protection.status();
        StringBuilder text = new StringBuilder();
        text.append(protection.kind())
                .append(' ')
                .append(protection.name())
                .append("  ")
                .append(ready(status))
                .append("  active ")
                .append(orDash(status.activeRegion))
                .append("  epoch ")
                .append(status.epoch == null ? "-" : status.epoch)
                .append('\n');
        text.append(String.format(
                        ROW, "REGION", "ROLE", "HEALTH", "IN SYNC", "LAST SUCCESSFUL SYNC", "RPO", "NOT SYNCED"))
                .append('\n');
        for (String region : regions(protection)) {
            text.append(row(region, find(status.regions, region), standby(status, region)))
                    .append('\n');
        }
        for (RegionStatus region : status.regions) {
            if (region.lastError != null) {
                text.append("  ")
                        .append(region.region)
                        .append(": ")
                        .append(cut(region.lastError))
                        .append('\n');
            }
        }
        if (status.failover != null) {
            text.append("  failover in progress: ")
                    .append(inProgress(status.failover))
                    .append('\n');
        }
        if (!status.failoverHistory.isEmpty()) {
            text.append("  last failover: ")
                    .append(record(status.failoverHistory.get(0)))
                    .append('\n');
        }
        int unsynced = status.standbys.stream()
                .mapToInt(s -> s.unsyncedEntities.size())
                .sum();
        text.append("  not synced: ").append(unsynced).append(unsynced == 1 ? " entity" : " entities");
        if (unsynced > 0) {
            text.append(" (kubectl get ")
                    .append(protection.shortName())
                    .append(' ')
                    .append(protection.name())
                    .append(" -o jsonpath='{.status.standbys[*].unsyncedEntities}')");
        }
        return text.append('\n').toString();
    }

    private String ready(ProtectionStatus status) {
        Condition ready = Conditions.find(status.conditions, Conditions.READY);
        if (ready == null) {
            return paint(YELLOW, "Ready=Unknown (no status yet)");
        }
        String text = "Ready=" + ready.status + " (" + ready.reason + ")";
        if (ready.isTrue()) {
            return paint(GREEN, text);
        }
        return paint(RED, text) + (ready.message == null ? "" : ": " + cut(ready.message));
    }

    /** The spec's regions (primary first, standbys in spec order), then any other the status names. */
    private static List<String> regions(Protection protection) {
        Set<String> regions = new LinkedHashSet<>(protection.specRegions());
        protection.status().regions.forEach(r -> regions.add(r.region));
        return new ArrayList<>(regions);
    }

    private String row(String region, RegionStatus health, StandbyStatus standby) {
        String state = health == null || health.state == null ? "-" : health.state.name();
        String role = health == null || health.role == null ? "-" : health.role.name();
        String colourOfState = "Healthy".equals(state) ? GREEN : "Unhealthy".equals(state) ? RED : YELLOW;
        return String.format(
                ROW,
                region,
                role,
                // Padded before painting, so that the escape codes do not shift the columns.
                paint(colourOfState, String.format("%-10s", state)),
                standby == null ? "-" : String.valueOf(standby.inSync),
                standby == null ? "-" : orDash(standby.lastSuccessfulSyncTime),
                standby == null ? "-" : rpo(standby.lastSuccessfulSyncTime),
                standby == null ? "-" : String.valueOf(standby.unsyncedEntities.size()));
    }

    private static RegionStatus find(List<RegionStatus> regions, String region) {
        return regions.stream().filter(r -> region.equals(r.region)).findFirst().orElse(null);
    }

    private static StandbyStatus standby(ProtectionStatus status, String region) {
        if (region.equals(status.activeRegion)) {
            return null;
        }
        return status.standbys.stream()
                .filter(s -> region.equals(s.region))
                .findFirst()
                .orElse(null);
    }

    /** Now minus the last successful sync: the recovery point if the active region went down now. */
    private String rpo(String lastSuccessfulSync) {
        if (lastSuccessfulSync == null) {
            return "never";
        }
        try {
            return compact(Duration.between(Timestamps.parse(lastSuccessfulSync), now));
        } catch (DateTimeParseException e) {
            return "?";
        }
    }

    static String compact(Duration duration) {
        long s = Math.max(0, duration.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return s / 86400 + "d";
    }

    private static String inProgress(FailoverInProgress failover) {
        return failover.name + " (" + failover.type + " to " + orDash(failover.targetRegion) + ", phase "
                + failover.phase + ")";
    }

    private static String record(FailoverRecord r) {
        return r.name + " " + r.type + (Boolean.TRUE.equals(r.automatic) ? " (automatic)" : "") + " " + r.fromRegion
                + " -> " + r.toRegion + " " + r.phase + (r.epoch == null ? "" : ", epoch " + r.epoch)
                + (r.durationSeconds == null ? "" : ", took " + compact(Duration.ofSeconds(r.durationSeconds)))
                + (r.completionTime == null ? "" : ", ended " + r.completionTime)
                + (r.reason == null ? "" : ": " + cut(r.reason));
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private static String orDash(String value) {
        return Objects.requireNonNullElse(value, "-");
    }

    private static String cut(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
