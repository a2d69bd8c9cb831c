package dev.regionguard.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lease an operator takes before it reconciles. JOSDK's own "exit on stop leading" calls
 * {@code System.exit} also when the operator is stopped on purpose, from the shutdown hook, where
 * {@code System.exit} blocks for ever (the pod then waits for SIGKILL). So RegionGuard decides itself:
 * a lease lost while running ends the process (Kubernetes restarts it as a standby, and it never
 * reconciles without the lease); a stop on purpose just releases the lease.
 */
final class LeaseElection {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseElection.class);

    private LeaseElection() {}

    /**
     * @param stopping true once the operator is being stopped on purpose
     * @param exit     what ends the process after a lost lease (tests record it instead)
     */
    static LeaderElectionConfiguration configuration(OperatorConfig config, BooleanSupplier stopping, Runnable exit) {
        Duration lease = config.leaseDuration();
        return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(config.leaseName())
                .withLeaseNamespace(config.leaseNamespace())
                .withIdentity(config.identity())
                .withLeaseDuration(lease)
                .withRenewDeadline(lease.multipliedBy(2).dividedBy(3))
                .withRetryPeriod(lease.dividedBy(8))
                .withExitOnStopLeading(false)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> LOG.info("{} leads: reconciling", config.identity()),
                        () -> onStopLeading(config.identity(), stopping, exit),
                        leader -> LOG.info("the leader is {}", leader)))
                .build();
    }

    private static void onStopLeading(String identity, BooleanSupplier stopping, Runnable exit) {
        if (stopping.getAsBoolean()) {
            LOG.info("{} released the lease", identity);
            return;
        }
        LOG.error("{} lost the lease: stopping so that only the leader acts", identity);
        Thread thread = new Thread(exit, "regionguard-lease-lost"); // never System.exit in the lease's own thread
        thread.setDaemon(true);
        thread.start();
    }
}
