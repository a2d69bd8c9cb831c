package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An app's revisions, oldest first, named {@code <app>-00001} upwards. */
final class AppRevisions {

    /** Older revisions beyond this are dropped, except the one serving, so long runs stay small. */
    static final int KEPT = 20;

    private final String appName;
    private final List<AppRevision> revisions = new ArrayList<>();
    private int created;

    AppRevisions(String appName) {
        this.appName = appName;
    }

    AppRevision add(ObjectNode spec, String createdAt, Instant settlesAt, boolean fails, Instant now) {
        created++;
        AppRevision revision = new AppRevision(
                String.format("%s-%05d", appName, created),
                UUID.randomUUID().toString(),
                createdAt,
                spec,
                settlesAt,
                fails);
        revisions.add(revision);
        AppRevision serving = latestReady(now);
        for (int i = 0; revisions.size() > KEPT && i < revisions.size(); ) {
            if (revisions.get(i) == serving) {
                i++;
            } else {
                revisions.remove(i);
            }
        }
        return revision;
    }

    boolean isEmpty() {
        return revisions.isEmpty();
    }

    AppRevision latest() {
        return revisions.get(revisions.size() - 1);
    }

    /** The newest revision that is ready now: the one serving traffic. Null when none. */
    AppRevision latestReady(Instant now) {
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i).readyAt(now)) {
                return revisions.get(i);
            }
        }
        return null;
    }

    List<AppRevision> all() {
        return List.copyOf(revisions);
    }

    AppRevision find(String name) {
        return revisions.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
