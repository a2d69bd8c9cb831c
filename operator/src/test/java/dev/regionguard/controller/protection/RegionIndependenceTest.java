package dev.regionguard.controller.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.AcceptedRegionReference;
import dev.regionguard.api.Condition;
import dev.regionguard.api.ProtectionStatus;
import dev.regionguard.api.RegionIndependenceSpec;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.audit.ReferenceMemory;
import dev.regionguard.audit.RegionReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The RegionIndependent condition and the standbys' findings, from the audit's memory. */
class RegionIndependenceTest {
    private final ReferenceMemory memory = new ReferenceMemory();
    private final RegionIndependenceSpec spec = new RegionIndependenceSpec();

    private static ProtectionStatus status(String... regions) {
        ProtectionStatus status = new ProtectionStatus();
        for (String region : regions) {
            StandbyStatus s = new StandbyStatus();
            s.region = region;
            status.standbys.add(s);
        }
        return status;
    }

    private void found(String standby, String app, int references) {
        List<RegionReference> list = IntStream.range(0, references)
                .mapToObj(i -> new RegionReference("app", app, "env[" + i + "].value", "us-south", "us.icr.io"))
                .toList();
        memory.update(standby, Map.of("app", Map.of(app, list)), Map.of());
    }

    @Test
    void unknownBeforeAnyAuditThenTrueWhenNothingRefersToAnotherRegion() {
        ProtectionStatus next = status("eu-de");

        Condition before = RegionIndependence.report(next, new ProtectionStatus(), true, memory, spec);
        assertThat(before.status).isEqualTo("Unknown");
        assertThat(before.reason).isEqualTo("NotAudited");
        assertThat(next.standbys.get(0).regionReferenceCount).isNull();

        found("eu-de", "web", 0);
        Condition after = RegionIndependence.report(next, new ProtectionStatus(), true, memory, spec);
        assertThat(after.status).isEqualTo("True");
        assertThat(after.message).isEqualTo("no standby refers to another region");
    }

    @Test
    void falseWithTheCountTheFirstFindingsAndABoundedList() {
        found("eu-de", "web", 25);
        ProtectionStatus next = status("eu-de");

        Condition c = RegionIndependence.report(next, new ProtectionStatus(), true, memory, spec);

        assertThat(c.status).isEqualTo("False");
        assertThat(c.reason).isEqualTo("ForeignRegionReferences");
        assertThat(c.message)
                .startsWith("25 references to another region on eu-de (eu-de app/web env[0].value -> us-south; ")
                .endsWith("; ...)");
        StandbyStatus s = next.standbys.get(0);
        assertThat(s.regionReferences).hasSize(RegionIndependence.MAX_LISTED);
        assertThat(s.regionReferenceCount).isEqualTo(25);
        assertThat(s.acceptedRegionReferenceCount).isZero();
    }

    @Test
    void acceptedReferencesAreCountedApartAndDoNotMakeItFalse() {
        found("eu-de", "web", 2);
        spec.acceptedReferences = new ArrayList<>(List.of(new AcceptedRegionReference("app", "web", null)));
        ProtectionStatus next = status("eu-de");

        Condition c = RegionIndependence.report(next, new ProtectionStatus(), true, memory, spec);

        assertThat(c.status).isEqualTo("True");
        assertThat(c.message).isEqualTo("no standby refers to another region (2 accepted by spec.regionIndependence)");
        assertThat(next.standbys.get(0).regionReferenceCount).isZero();
        assertThat(next.standbys.get(0).acceptedRegionReferenceCount).isEqualTo(2);
    }

    @Test
    void aStandbyNotAuditedSinceARestartKeepsThePreviousFindings() {
        found("eu-de", "web", 1);
        ProtectionStatus previous = status("eu-de");
        RegionIndependence.report(previous, new ProtectionStatus(), true, memory, spec);

        ProtectionStatus next = status("eu-de");
        Condition c = RegionIndependence.report(next, previous, true, new ReferenceMemory(), spec);

        assertThat(c.status).isEqualTo("False");
        assertThat(next.standbys.get(0).regionReferences).hasSize(1);
    }
}
