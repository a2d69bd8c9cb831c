package dev.regionguard.controller.failover;

import dev.regionguard.api.FenceRecord;
import dev.regionguard.api.ProtectionKind;
import dev.regionguard.failover.ProtectionView;
import dev.regionguard.failover.StepResult;
import dev.regionguard.health.ProbeOutcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the RegionFailover reconciler may ask of a protection's reconciler. Nothing here writes the
 * protection: its reconciler stays its only writer.
 */
public interface FailoverPort {

    ProtectionKind kind();

    /** The protection from the operator's cache. */
    Optional<HasMetadata> find(String namespace, String name);

    /** What a failover decides from, read now; the topology includes every committed RegionFailover. */
    ProtectionView view(HasMetadata protection);

    boolean paused(HasMetadata protection);

    Duration probeTimeout(HasMetadata protection);

    /** One probe of a region, within the protection's probe timeout. */
    ProbeOutcome probe(HasMetadata protection, String region);

    /**
     * A drill's proof of the region with spec.verification's checks, in this thread; failed (permanent)
     * when the protection asks for no proof or the proof failed.
     */
    StepResult prove(HasMetadata protection, String region);

    /** One sync pass from one region to another, for a Relocate's final sync. */
    StepResult finalSync(HasMetadata protection, String from, String to);

    /**
     * What fencing region would change, read now (bounded in time); empty when the region cannot be read,
     * and then it is not fenced.
     */
    Optional<FenceRecord> fenceRecord(HasMetadata protection, String region);

    StepResult fence(HasMetadata protection, String region);

    /** Restores what the recorded fence changed; failed (with the reason) when the region does not answer. */
    StepResult unfence(HasMetadata protection, FenceRecord fence);

    /** Service part of Redirecting; returns the ConfigMap entries for the new active region. */
    Map<String, String> activate(HasMetadata protection, String region, long epoch);
}
