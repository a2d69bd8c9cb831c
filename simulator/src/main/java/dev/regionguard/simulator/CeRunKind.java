package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * What job runs and build runs share: a run of a template (a job or a build, named in
 * {@code <template>_name}) takes the template's fields, overridden by the body's; a run without a
 * name gets {@code <template>-<5 random characters>}; the list filters by template. A run is
 * {@code pending}, then {@code running}, for one app-ready delay each (fixed when the run is made),
 * then done; whether it fails is decided by its image when it is made, as for app revisions. Runs
 * are never changed, only deleted, and carry no entity tag.
 */
abstract class CeRunKind extends CeKind {

    enum Phase {
        PENDING,
        RUNNING,
        DONE
    }

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CeKind template;
    private final String templateField;
    private final String imageField;

    CeRunKind(String segment, String label, String resourceType, CeSchema schema, CeKind template, String imageField) {
        super(segment, label, resourceType, CeNames.LABEL, Update.NONE, schema);
        this.template = template;
        this.templateField = template.label() + "_name";
        this.imageField = imageField;
    }

    @Override
    final boolean hasEntityTag() {
        return false;
    }

    @Override
    final String listFilter() {
        return templateField;
    }

    @Override
    final String generatedName(CeProject project, ObjectNode fields) {
        String base = Json.text(fields, templateField);
        StringBuilder name = new StringBuilder(base == null ? "run" : base).append('-');
        for (int i = 0; i < 5; i++) {
            name.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
        }
        return name.toString();
    }

    @Override
    final ObjectNode prepare(CeProject project, ObjectNode fields) {
        String name = Json.text(fields, templateField);
        if (name == null) {
            return fields;
        }
        ObjectNode merged = CeReferences.require(project, template, name, templateField)
                .spec()
                .deepCopy();
        fields.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    /** Schedules the phases from {@code now}; {@code settled} (seeding) makes the run done at once. */
    @Override
    final void specWritten(CeProject project, CeResource run, Instant now, boolean settled) {
        run.fails(project.imageFails(run.text(imageField)));
        Duration step = settled ? Duration.ZERO : project.timings().appReady();
        run.startsAt(now.plus(step));
        run.settlesAt(now.plus(step).plus(step));
    }

    static Phase phase(CeResource run, Instant now) {
        if (now.isBefore(run.startsAt())) {
            return Phase.PENDING;
        }
        return now.isBefore(run.settlesAt()) ? Phase.RUNNING : Phase.DONE;
    }

    /** {@code start_time} once running, {@code completion_time} once done. */
    static void times(CeResource run, Instant now, ObjectNode details) {
        Phase phase = phase(run, now);
        if (phase != Phase.PENDING) {
            details.put("start_time", SimClock.format(run.startsAt()));
        }
        if (phase == Phase.DONE) {
            details.put("completion_time", SimClock.format(run.settlesAt()));
        }
    }
}
