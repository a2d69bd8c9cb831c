package dev.regionguard.codeengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CeProjectRef;
import dev.regionguard.api.CeStandby;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.Conditions;
import dev.regionguard.api.SecretKeyRef;
import dev.regionguard.api.StandbyStatus;
import dev.regionguard.api.SyncMode;
import dev.regionguard.cloud.ApiKey;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.HttpSettings;
import dev.regionguard.simulator.Fault;
import dev.regionguard.simulator.FaultKind;
import dev.regionguard.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's table of poisoned primary reads for Code Engine, one test per row, through the
 * operator: the primary project answers its config map list wrongly on every pass, the standby
 * keeps every resource the primary still has, and the status says what was held and why. Code
 * Engine lists carry no {@code total_count}, so a self-consistent short list (empty, or page 1
 * without {@code next}) is caught by the shrink guards or by the direct read of each missing one.
 */
class CePoisonedReadOperatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String PRIMARY = "us-south";
    private static final String STANDBY = "us-east";
    private static final String NAME = "poisoned-ce";
    /** More config maps than one page holds (the client asks for 100), so that paging faults bite. */
    private static final int PAGED_CONFIG_MAPS = 130;
    /** Passes (interval 1 s) that must run under the fault before the standby is checked. */
    private static final int POISONED_PASSES = 3;

    private static final List<CeKind> KINDS =
            List.of(CeKind.SECRET, CeKind.CONFIG_MAP, CeKind.BUILD, CeKind.APP, CeKind.JOB, CeKind.FUNCTION);

    private static OperatorHarness harness;
    private static String primaryId;
    private static CodeEngineClient primary;
    private static CodeEngineClient standby;

    @BeforeAll
    static void converged() {
        harness = OperatorHarness.start(PRIMARY, STANDBY);
        harness.simulator().setCodeEngineTimings(Duration.ofMillis(50), Duration.ofMillis(50));
        primaryId = harness.simulator().createCodeEngineProject(PRIMARY);
        String standbyId = harness.simulator().createCodeEngineProject(STANDBY);
        harness.simulator().seedCodeEngine(PRIMARY, primaryId, 20, NAME.hashCode());
        harness.secret(NAME + "-apikey", Map.of("apikey", "ce-test-key"));
        CodeEngineClients clients =
                HttpCodeEngineClients.create(harness.endpoints(), HttpSettings.defaults(), CallObserver.NONE);
        ApiKey key = new ApiKey("ce-test-key");
        primary = clients.forProject(PRIMARY, primaryId, key);
        standby = clients.forProject(STANDBY, standbyId, key);
        for (int i = 0; i < PAGED_CONFIG_MAPS; i++) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", String.format("paged-cm-%03d", i));
            body.putObject("data").put("INDEX", String.valueOf(i));
            primary.create(CeKind.CONFIG_MAP, body);
        }
        harness.client().resource(protection(standbyId)).create();
        awaitReadyAndEqual();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @AfterEach
    void heal() {
        harness.simulator().faults(PRIMARY).clearInjected();
        awaitReadyAndEqual();
    }

    @Test
    void aFailingConfigMapListDeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.LOST_504, "config_maps");

        StandbyStatus held = awaitPoisonedPasses(before);

        assertHeldAsIncomplete(held, CeEntityTypes.CONFIG_MAP, "504");
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void anEmptyAppListDeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        Fault fault = poison(FaultKind.EMPTY_LIST, "apps");

        awaitDeletionOrHold(fault, before, CeEntityTypes.APP);

        assertHeldWith(CeEntityTypes.APP, "PrimaryTypeEmpty");
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void anAppListAnsweringAnEmptyObjectDeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.BARE_LIST, "apps");

        StandbyStatus held = awaitPoisonedPasses(before);

        assertHeldAsIncomplete(held, CeEntityTypes.APP, "list page without apps");
        assertThat(standbyNames()).isEqualTo(before);
    }

    /** Without total_count, 100 of 130 looks whole: the direct read of each missing one finds it. */
    @Test
    void aFirstPageWithoutItsNextLinkDeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        Fault fault = poison(FaultKind.MISSING_NEXT, "config_maps");

        awaitDeletionOrHold(fault, before, CeEntityTypes.CONFIG_MAP);

        assertHeldWith(CeEntityTypes.CONFIG_MAP, "StillOnPrimary");

        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void aPageCutTo60Of100DeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.TRUNCATED_PAGE, "config_maps");

        StandbyStatus held = awaitPoisonedPasses(before);

        assertHeldAsIncomplete(held, CeEntityTypes.CONFIG_MAP, "holds 60 of 100 items");
        assertThat(standbyNames()).isEqualTo(before);
    }

    /** Start tokens do not shift when an earlier resource goes: the list stays whole and nothing is held. */
    @Test
    void aResourceDeletedOnPage1WhilePage2IsReadDeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.SHIFTED_PAGE, "config_maps");

        StandbyStatus status = awaitPasses(before, s -> true);

        assertThat(standbyNames()).isEqualTo(before);
        assertThat(status.inSync).isTrue();
        assertThat(status.counts.deleted).isZero();
    }

    /** Every GET of the primary project's {@code collection} answers as {@code kind} says. */
    private static Fault poison(FaultKind kind, String collection) {
        Fault fault = Fault.of(kind).method("GET").path("/v2/projects/" + primaryId + "/" + collection);
        harness.simulator().faults(PRIMARY).inject(fault);
        return fault;
    }

    /**
     * Until the standby lost something, or the poisoned list was served on {@link #POISONED_PASSES}
     * passes and the standby's status holds deletions of {@code type} (whatever the hold's reason).
     */
    private static void awaitDeletionOrHold(Fault fault, Map<CeKind, TreeSet<String>> before, String type) {
        untilOrReport(
                Duration.ofMillis(500),
                () -> !standbyNames().equals(before)
                        || fault.fired() > POISONED_PASSES
                                && standbyStatus().pendingDeletions.stream().anyMatch(p -> type.equals(p.type)));
    }

    /** Deletions of {@code type} held with {@code reason} (helper A's guards), nothing deleted. */
    private static void assertHeldWith(String type, String reason) {
        StandbyStatus held = standbyStatus();
        assertThat(held.counts.deleted).isZero();
        assertThat(held.pendingDeletions)
                .as(lastSeen())
                .anySatisfy(p -> assertThat(p.type + " " + p.reason).isEqualTo(type + " " + reason));
    }

    private static void untilOrReport(Duration poll, Callable<Boolean> done) {
        try {
            await().atMost(TIMEOUT).pollInterval(poll).until(done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the standby's status never matched; " + lastSeen(), e);
        }
    }

    private static String lastSeen() {
        return "last seen: " + dev.regionguard.sync.Json.MAPPER.valueToTree(current());
    }

    private static StandbyStatus awaitPoisonedPasses(Map<CeKind, TreeSet<String>> before) {
        return awaitPasses(
                before, s -> s.unsyncedEntities.stream().anyMatch(u -> "PrimaryReadFailed".equals(u.reason)));
    }

    /**
     * The standby's status once more than {@link #POISONED_PASSES} passes that match ran (the first
     * status seen may be from the pass before the fault); fails at once when the standby lost a name.
     */
    private static StandbyStatus awaitPasses(Map<CeKind, TreeSet<String>> before, Predicate<StandbyStatus> counted) {
        Set<String> passes = new HashSet<>();
        untilOrReport(Duration.ofMillis(250), () -> {
            if (!standbyNames().equals(before)) {
                return true;
            }
            StandbyStatus s = standbyStatus();
            if (s != null && counted.test(s)) {
                passes.add(s.lastSyncTime);
            }
            return passes.size() > POISONED_PASSES;
        });
        assertThat(standbyNames()).as("standby names after poisoned passes").isEqualTo(before);
        return standbyStatus();
    }

    private static StandbyStatus standbyStatus() {
        CodeEngineProtectionStatus status = current();
        return status == null || status.standbys.isEmpty() ? null : status.standbys.get(0);
    }

    private static void assertHeldAsIncomplete(StandbyStatus held, String type, String why) {
        assertThat(held.inSync).isFalse();
        assertThat(held.counts.deleted).isZero();
        assertThat(held.message).isEqualTo("deletions held back: PrimaryListIncomplete");
        assertThat(held.unsyncedEntities).anySatisfy(u -> {
            assertThat(u.type).isEqualTo(type);
            assertThat(u.reason).isEqualTo("PrimaryReadFailed");
            assertThat(u.message).contains(why);
        });
        CodeEngineProtectionStatus status = current();
        assertThat(Conditions.isTrue(status.conditions, Conditions.READY)).isFalse();
        assertThat(Conditions.find(status.conditions, Conditions.STANDBYS_IN_SYNC).status)
                .isEqualTo("False");
    }

    private static CodeEngineProtection protection(String standbyId) {
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setMetadata(new ObjectMetaBuilder()
                .withName(NAME)
                .withNamespace(OperatorHarness.NAMESPACE)
                .build());
        CodeEngineProtectionSpec spec = new CodeEngineProtectionSpec();
        spec.primary = new CeProjectRef(PRIMARY, primaryId);
        spec.standbys = List.of(new CeStandby(STANDBY, standbyId));
        spec.credentialsSecretRef = new SecretKeyRef(NAME + "-apikey", "apikey");
        spec.standbyMode = CodeEngineStandbyMode.Cold;
        spec.sync.mode = SyncMode.Mirror;
        spec.sync.interval = "1s";
        cep.setSpec(spec);
        return cep;
    }

    private static CodeEngineProtectionStatus current() {
        CodeEngineProtection cep = harness.client()
                .resources(CodeEngineProtection.class)
                .inNamespace(OperatorHarness.NAMESPACE)
                .withName(NAME)
                .get();
        return cep == null ? null : cep.getStatus();
    }

    /** User-made resources per kind on a project, by name. */
    private static Map<CeKind, TreeSet<String>> names(CodeEngineClient client) {
        Map<CeKind, TreeSet<String>> names = new TreeMap<>();
        for (CeKind kind : KINDS) {
            names.put(
                    kind,
                    client.list(kind).stream()
                            .filter(r -> !"system".equals(r.path("generated_by").asText()))
                            .map(r -> r.path("name").asText())
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
        return names;
    }

    /** Read from the standby only, whose answers are never poisoned. */
    private static Map<CeKind, TreeSet<String>> standbyNames() {
        return names(standby);
    }

    private static void awaitReadyAndEqual() {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            CodeEngineProtectionStatus s = current();
            return s != null && Conditions.isTrue(s.conditions, Conditions.READY);
        });
        await().atMost(TIMEOUT).until(() -> names(standby).equals(names(primary)));
    }
}
