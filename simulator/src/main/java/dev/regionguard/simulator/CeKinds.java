package dev.regionguard.simulator;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The Code Engine kinds the simulator serves, in the order a restore must create them (what is referenced first). */
final class CeKinds {

    static final CeSecretKind SECRETS = new CeSecretKind();
    static final CeConfigMapKind CONFIG_MAPS = new CeConfigMapKind();
    static final CePersistentDataStoreKind PERSISTENT_DATA_STORES = new CePersistentDataStoreKind();
    static final CeOutboundDestinationKind ALLOWED_OUTBOUND_DESTINATIONS = new CeOutboundDestinationKind();
    static final CeBuildKind BUILDS = new CeBuildKind();
    static final CeAppKind APPS = new CeAppKind();
    static final CeJobKind JOBS = new CeJobKind();
    static final CeFunctionKind FUNCTIONS = new CeFunctionKind();
    static final CeBindingKind BINDINGS = new CeBindingKind();
    static final CeDomainMappingKind DOMAIN_MAPPINGS = new CeDomainMappingKind();
    static final CeJobRunKind JOB_RUNS = new CeJobRunKind();
    static final CeBuildRunKind BUILD_RUNS = new CeBuildRunKind();

    static final List<CeKind> ALL = List.of(
            SECRETS,
            CONFIG_MAPS,
            PERSISTENT_DATA_STORES,
            ALLOWED_OUTBOUND_DESTINATIONS,
            BUILDS,
            APPS,
            JOBS,
            FUNCTIONS,
            BINDINGS,
            DOMAIN_MAPPINGS);

    /** Executions of jobs and builds: served, but not configuration a restore creates or a snapshot holds. */
    static final List<CeKind> RUNS = List.of(JOB_RUNS, BUILD_RUNS);

    /** By path segment under {@code /projects/{id}}. */
    static final Map<String, CeKind> BY_SEGMENT = Stream.concat(ALL.stream(), RUNS.stream())
            .collect(Collectors.toUnmodifiableMap(CeKind::segment, Function.identity()));

    private CeKinds() {}
}
