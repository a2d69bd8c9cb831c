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
        poison(FaultKind.LOST_504);

        StandbyStatus held = awaitPoisonedPasses();

        assertHeldAsIncomplete(held, "504");
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void anEmptyConfigMapListDeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.EMPTY_LIST);

        // The config maps are most of the project: the guard on the whole inventory holds first.
        StandbyStatus held = awaitStatus(s -> s.pendingDeletions.stream()
                .anyMatch(p -> CeEntityTypes.CONFIG_MAP.equals(p.type) && "PrimaryShrunk".equals(p.reason)));

        assertThat(held.counts.deleted).isZero();
        assertThat(held.message)
                .startsWith("deletions held back: PrimaryShrunk")
                .contains("confirm-primary-count");
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void aConfigMapListAnsweringAnEmptyObjectDeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.BARE_LIST);

        StandbyStatus held = awaitPoisonedPasses();

        assertHeldAsIncomplete(held, "list page without config_maps");
        assertThat(standbyNames()).isEqualTo(before);
    }

    /** Without total_count, 100 of 130 looks whole: the direct read of each missing one finds it. */
    @Test
    void aFirstPageWithoutItsNextLinkDeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.MISSING_NEXT);

        StandbyStatus held = awaitStatus(s -> s.pendingDeletions.stream()
                .anyMatch(p -> CeEntityTypes.CONFIG_MAP.equals(p.type) && "StillOnPrimary".equals(p.reason)));

        assertThat(held.counts.deleted).isZero();
        assertThat(standbyNames()).isEqualTo(before);
    }

    @Test
    void aPageCutTo60Of100DeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.TRUNCATED_PAGE);

        StandbyStatus held = awaitPoisonedPasses();

        assertHeldAsIncomplete(held, "holds 60 of 100 items");
        assertThat(standbyNames()).isEqualTo(before);
    }

    /** Start tokens do not shift when an earlier resource goes: the list stays whole and nothing is held. */
    @Test
    void aResourceDeletedOnPage1WhilePage2IsReadDeletesNothing() {
        Map<CeKind, TreeSet<String>> before = standbyNames();
        poison(FaultKind.SHIFTED_PAGE);
        Set<String> passes = new HashSet<>();

        awaitStatus(s -> {
            if (Boolean.TRUE.equals(s.inSync) && s.counts.deleted == 0) {
                passes.add(s.lastSyncTime);
            }
            return passes.size() >= POISONED_PASSES;
        });

        assertThat(standbyNames()).isEqualTo(before);
    }

    /** Every GET of the primary project's config maps answers as {@code kind} says. */
    private static void poison(FaultKind kind) {
        harness.simulator()
                .faults(PRIMARY)
                .inject(Fault.of(kind).method("GET").path("/v2/projects/" + primaryId + "/config_maps"));
    }

    private static StandbyStatus awaitPoisonedPasses() {
        Set<String> passes = new HashSet<>();
        return awaitStatus(s -> {
            if (s.unsyncedEntities.stream().anyMatch(u -> "PrimaryReadFailed".equals(u.reason))) {
                passes.add(s.lastSyncTime);
            }
            return passes.size() >= POISONED_PASSES;
        });
    }

    private static void assertHeldAsIncomplete(StandbyStatus held, String why) {
        assertThat(held.inSync).isFalse();
        assertThat(held.counts.deleted).isZero();
        assertThat(held.message).isEqualTo("deletions held back: PrimaryListIncomplete");
        assertThat(held.unsyncedEntities).anySatisfy(u -> {
            assertThat(u.type).isEqualTo(CeEntityTypes.CONFIG_MAP);
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

    private static StandbyStatus awaitStatus(Predicate<StandbyStatus> condition) {
        try {
            return await().atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            CePoisonedReadOperatorTest::current,
                            s -> s != null && !s.standbys.isEmpty() && condition.test(s.standbys.get(0)))
                    .standbys
                    .get(0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "the standby's status never matched; last seen: "
                            + dev.regionguard.sync.Json.MAPPER.valueToTree(current()),
                    e);
        }
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
