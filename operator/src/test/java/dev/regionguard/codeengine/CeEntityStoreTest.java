package dev.regionguard.codeengine;

import static dev.regionguard.codeengine.CeFixtures.KEY;
import static dev.regionguard.codeengine.CeFixtures.PRIMARY;
import static dev.regionguard.codeengine.CeFixtures.STANDBY;
import static dev.regionguard.codeengine.MiniSync.NO_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.spec.EntitySelection;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store against the simulated Code Engine, driven the way the sync engine drives it. */
class CeEntityStoreTest {
    /** One simulator per test: Code Engine timings and domain claims are simulator-wide. */
    @RegisterExtension
    final SimulatorFixture sim = SimulatorFixture.regions(CeFixtures.PRIMARY_REGION, CeFixtures.STANDBY_REGION);

    private static final String PPSG_CRN =
            "crn:v1:bluemix:public:is:eu-gb:a/4c7a3b2e9d1f40e6b8a5c2d9e0f1a3b7::private-path-service-gateway:r022-1";

    private CeFixtures ce;
    private CeEntityStore primary;
    private CeEntityStore standby;

    @BeforeEach
    void start() {
        ce = new CeFixtures(sim.simulator());
        primary = ce.store(PRIMARY);
        standby = ce.store(STANDBY);
        ce.seedPrimary();
    }

    @Test
    void aMissingProjectIsUnavailableForEveryTypeAskedOnceAndNeverListed() {
        String missing = "0f0e0d0c-0b0a-4909-8807-060504030201";
        CeEntityStore store = new CeEntityStore(ce.client(missing), CeFixtures.WAITS);
        int before = ce.wire.calls().size();

        for (EntityType type : CeEntityTypes.all(CodeEngineStandbyMode.Warm)) {
            IbmApiException e = catchThrowableOfType(IbmApiException.class, () -> store.list(type));
            assertThat(e.category()).as(type.name()).isEqualTo(ErrorCategory.UNAVAILABLE);
            assertThat(e.summary()).isEqualTo("project " + missing + " does not exist in " + CeFixtures.STANDBY_REGION);
        }
        assertThat(ce.wire.calls().subList(before, ce.wire.calls().size()))
                .as("one read of the project, no list")
                .containsExactly("GET ");
    }

    @Test
    void anActiveProjectIsReadOnceAndThenListed() {
        int before = ce.wire.calls().size();

        standby.list(CeEntityTypes.all(CodeEngineStandbyMode.Warm).get(0));
        standby.list(CeEntityTypes.all(CodeEngineStandbyMode.Warm).get(1));

        assertThat(ce.wire.calls().subList(before, ce.wire.calls().size()))
                .filteredOn("GET "::equals)
                .hasSize(1);
    }

    @Test
    void aFreshStandbyGetsACopyOfEveryKindThatComparesEqual() {
        List<EntityType> types = CeEntityTypes.all(CodeEngineStandbyMode.Warm);

        List<String> first = MiniSync.pass(types, primary, standby);

        assertThat(first)
                .as("in restore order, each kind by name as Code Engine lists it")
                .containsExactly(
                        "create secret ce-operator",
                        "create secret cos-access",
                        "create secret cos-hmac",
                        "create secret db-credentials",
                        "create secret icr-pull",
                        "create secret www-tls",
                        "create config_map app-config",
                        "create persistent_data_store reports",
                        "create allowed_outbound_destination corp-net",
                        "create build api-build",
                        "create app api",
                        "create job nightly",
                        "create function hook",
                        "create binding app_v2/api/COS/cos-access",
                        "create domain_mapping www.example.com");
        for (EntityType type : types) {
            Map<String, ObjectNode> onPrimary = comparables(type, primary);
            Map<String, ObjectNode> onStandby = comparables(type, standby);
            assertThat(onStandby).as(type.name()).isNotEmpty().isEqualTo(onPrimary);
        }
        assertThat(MiniSync.pass(types, primary, standby)).as("second pass").isEmpty();
        assertThat(ce.resource(STANDBY, CeKind.DOMAIN_MAPPING, "www.example.com")
                        .path("cname_target")
                        .asText())
                .as("the standby serves the domain at its own regional target")
                .contains("." + CeFixtures.STANDBY_REGION + ".");
        assertThat(ce.resource(STANDBY, CeKind.SECRET, "ce-auto-icr-private-eu-de"))
                .isNull();
        assertThat(ce.resource(STANDBY, CeKind.APP, "api").path("status").asText())
                .isEqualTo("ready");
    }

    @Test
    void aColdStandbyRunsAppsWithMinZeroAndRemembersThePrimarysScaling() {
        List<EntityType> types = CeEntityTypes.all(CodeEngineStandbyMode.Cold);
        ce.wire.pageSize = 2;
        MiniSync.pass(types, primary, standby);
        assertThat(ce.resources(STANDBY, CeKind.SECRET))
                .as("all pages of 2 were read: six copies and the standby's own system secret")
                .hasSize(7);

        ObjectNode app = ce.resource(STANDBY, CeKind.APP, "api");
        assertThat(CeScaling.of(app)).isEqualTo(new CeScaling(0, 20, 3));
        assertThat(CeScaling.of(ce.resource(PRIMARY, CeKind.APP, "api"))).isEqualTo(new CeScaling(2, 20, 3));
        assertThat(MiniSync.pass(types, primary, standby))
                .as("min 0 is what a cold standby wants")
                .isEmpty();

        // The same standby turned warm is brought to the primary's scaling with a patch
        assertThat(MiniSync.pass(
                        EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of("app")),
                        primary,
                        standby))
                .containsExactly("update app api");
        assertThat(CeScaling.of(ce.resource(STANDBY, CeKind.APP, "api"))).isEqualTo(new CeScaling(2, 20, 3));
    }

    @Test
    void changesOnThePrimaryAreWrittenWithEachKindsVerb() {
        List<EntityType> types = CeEntityTypes.all(CodeEngineStandbyMode.Warm);
        MiniSync.pass(types, primary, standby);
        String configMapTag = ce.resource(STANDBY, CeKind.CONFIG_MAP, "app-config")
                .path("entity_tag")
                .asText();
        String appTag =
                ce.resource(STANDBY, CeKind.APP, "api").path("entity_tag").asText();
        int before = ce.wire.calls().size();

        ce.change(
                PRIMARY, CeKind.CONFIG_MAP, "app-config", c -> ((ObjectNode) c.get("data")).put("LOG_LEVEL", "debug"));
        ce.change(PRIMARY, CeKind.APP, "api", a -> a.remove("run_env_variables"));
        ce.change(PRIMARY, CeKind.ALLOWED_OUTBOUND_DESTINATION, "corp-net", d -> d.put("cidr_block", "10.20.0.0/16"));
        ce.change(
                PRIMARY,
                CeKind.PERSISTENT_DATA_STORE,
                "reports",
                p -> ((ObjectNode) p.get("data")).put("bucket_name", "other-bucket"));
        ce.replace(
                PRIMARY,
                CeKind.SECRET,
                "cos-access",
                s -> ((ObjectNode) s.get("service_access").get("service_instance")).put("id", "si-2"));

        assertThat(MiniSync.pass(types, primary, standby))
                .containsExactly(
                        "replace secret cos-access",
                        "update config_map app-config",
                        "replace persistent_data_store reports",
                        "update allowed_outbound_destination corp-net",
                        "update app api");

        List<String> writes = ce.wire.calls().subList(before, ce.wire.calls().size()).stream()
                .filter(c -> !c.startsWith("GET"))
                .toList();
        assertThat(writes)
                .contains(
                        "PUT /config_maps/app-config If-Match=" + configMapTag,
                        "PATCH /apps/api If-Match=" + appTag,
                        "DELETE /secrets/cos-access",
                        "POST /secrets",
                        "DELETE /persistent_data_stores/reports",
                        "POST /persistent_data_stores");
        assertThat(ce.resource(STANDBY, CeKind.APP, "api").path("run_env_variables"))
                .as("merge patch removed the variables with a null")
                .isEmpty();
        assertThat(ce.resource(STANDBY, CeKind.CONFIG_MAP, "app-config")
                        .path("data")
                        .path("LOG_LEVEL")
                        .asText())
                .isEqualTo("debug");
        assertThat(MiniSync.pass(types, primary, standby)).isEmpty();
    }

    @Test
    void aStaleEntityTagIsReadAgainAndTheUpdateSentOnceMoreWithTheNewTag() {
        EntityType configMaps = copiedToStandby(CeEntityTypes.CONFIG_MAP, "app-config");
        ce.change(
                PRIMARY, CeKind.CONFIG_MAP, "app-config", c -> ((ObjectNode) c.get("data")).put("LOG_LEVEL", "debug"));
        ObjectNode current = only(standby.list(configMaps));
        String readTag = current.path("entity_tag").asText();
        ce.change(
                STANDBY, CeKind.CONFIG_MAP, "app-config", c -> ((ObjectNode) c.get("data")).put("ADDED_BY_HAND", "1"));
        String newTag = ce.resource(STANDBY, CeKind.CONFIG_MAP, "app-config")
                .path("entity_tag")
                .asText();

        ObjectNode updated = standby.update(configMaps, current, desired(configMaps, PRIMARY, "app-config"));

        assertThat(puts())
                .containsExactly(
                        "PUT /config_maps/app-config If-Match=" + readTag,
                        "PUT /config_maps/app-config If-Match=" + newTag);
        assertThat(updated.path("data"))
                .isEqualTo(ce.resource(PRIMARY, CeKind.CONFIG_MAP, "app-config").path("data"));
    }

    @Test
    void aSecondStaleTagFailsTheWriteAsPreconditionFailed() {
        EntityType configMaps = copiedToStandby(CeEntityTypes.CONFIG_MAP, "app-config");
        ce.change(
                PRIMARY, CeKind.CONFIG_MAP, "app-config", c -> ((ObjectNode) c.get("data")).put("LOG_LEVEL", "debug"));
        ObjectNode current = only(standby.list(configMaps));
        AtomicInteger touches = new AtomicInteger();
        ce.wire.beforeEachUpdate = () -> ce.change(
                STANDBY,
                CeKind.CONFIG_MAP,
                "app-config",
                c -> ((ObjectNode) c.get("data")).put("TOUCHED", String.valueOf(touches.incrementAndGet())));

        IbmApiException e = catchThrowableOfType(
                IbmApiException.class,
                () -> standby.update(configMaps, current, desired(configMaps, PRIMARY, "app-config")));

        assertThat(e.category()).isEqualTo(ErrorCategory.PRECONDITION_FAILED);
        assertThat(puts()).hasSize(2);
    }

    @Test
    void aStaleTagOnAResourceThatIsAlreadyAsWantedWritesNothingMore() {
        EntityType configMaps = copiedToStandby(CeEntityTypes.CONFIG_MAP, "app-config");
        ce.change(
                PRIMARY, CeKind.CONFIG_MAP, "app-config", c -> ((ObjectNode) c.get("data")).put("LOG_LEVEL", "debug"));
        ObjectNode current = only(standby.list(configMaps));
        ce.change(
                STANDBY, CeKind.CONFIG_MAP, "app-config", c -> ((ObjectNode) c.get("data")).put("LOG_LEVEL", "debug"));

        ObjectNode result = standby.update(configMaps, current, desired(configMaps, PRIMARY, "app-config"));

        assertThat(puts()).hasSize(1);
        assertThat(result.path("data").path("LOG_LEVEL").asText()).isEqualTo("debug");
    }

    @Test
    void aStaleTagThatNowNeedsAReplaceIsNotOverwritten() {
        EntityType destinations = copiedToStandby(CeEntityTypes.ALLOWED_OUTBOUND_DESTINATION, "corp-net");
        ce.change(PRIMARY, CeKind.ALLOWED_OUTBOUND_DESTINATION, "corp-net", d -> d.put("cidr_block", "10.20.0.0/16"));
        ObjectNode current = only(standby.list(destinations));
        ce.replace(
                STANDBY,
                CeKind.ALLOWED_OUTBOUND_DESTINATION,
                "corp-net",
                d -> d.put("type", "private_path_service_gateway")
                        .put("private_path_service_gateway_crn", PPSG_CRN)
                        .put("isolation_policy", "shared")
                        .remove("cidr_block"));

        assertThatThrownBy(() -> standby.update(destinations, current, desired(destinations, PRIMARY, "corp-net")))
                .isInstanceOfSatisfying(
                        IbmApiException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.PRECONDITION_FAILED));
        assertThat(ce.wire.calls().stream().filter(c -> c.startsWith("PATCH")).toList())
                .hasSize(1);
    }

    @Test
    void aDeleteWaitsUntilTheResourceIsGoneSoItsNameCanBeCreatedAgain() {
        EntityType stores = copiedToStandby(CeEntityTypes.PERSISTENT_DATA_STORE, "reports");
        sim.simulator().setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(100));
        ObjectNode current = only(standby.list(stores));
        int before = ce.wire.calls().size();

        standby.delete(stores, current);
        standby.create(stores, desired(stores, PRIMARY, "reports"));

        List<CeWire.Call> calls =
                ce.wire.callsWithStatus().subList(before, ce.wire.calls().size());
        String path = "/persistent_data_stores/reports";
        assertThat(calls.get(0)).isEqualTo(new CeWire.Call("DELETE " + path, 202));
        assertThat(calls.subList(1, calls.size() - 2))
                .as("polled while it was being deleted")
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call).isEqualTo(new CeWire.Call("GET " + path, 200)));
        assertThat(calls.subList(calls.size() - 2, calls.size()))
                .containsExactly(
                        new CeWire.Call("GET " + path, 404), new CeWire.Call("POST /persistent_data_stores", 201));
        standby.delete(stores, current);
        standby.delete(stores, current);
    }

    @Test
    void bindingsAreDeletedByTheirId() {
        EntityType bindings = bindingOnStandby();
        ObjectNode binding = only(standby.list(bindings));
        sim.simulator().setCodeEngineTimings(Duration.ofMillis(100), Duration.ZERO);

        standby.delete(bindings, binding);

        assertThat(ce.wire.calls())
                .contains("DELETE /bindings/" + binding.path("id").asText());
        assertThat(ce.resources(STANDBY, CeKind.BINDING)).isEmpty();
    }

    @Test
    void anAppWriteFollowsTheAppUntilItIsReady() {
        EntityType apps = EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of("app"))
                .get(0);
        referencedOnStandby(CeEntityTypes.SECRET, CeEntityTypes.CONFIG_MAP);
        int before = ce.wire.calls().size();

        ObjectNode created = MiniSync.settled(standby, apps, standby.create(apps, desired(apps, PRIMARY, "api")));

        assertThat(created.path("status").asText()).isEqualTo("ready");
        assertThat(created.path("status_details").path("latest_ready_revision").asText())
                .isEqualTo("api-00001");
        assertThat(ce.wire.calls().subList(before, ce.wire.calls().size()))
                .as("created, then read while it deployed until it was ready")
                .startsWith("POST /apps", "GET /apps/api", "GET /apps/api")
                .containsOnly("POST /apps", "GET /apps/api");
    }

    @Test
    void anAppThatFailsFailsTheWriteWithItsReason() {
        EntityType apps = EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of("app"))
                .get(0);
        referencedOnStandby(CeEntityTypes.SECRET, CeEntityTypes.CONFIG_MAP);
        sim.simulator().failImage("icr.io/codeengine/broken");
        ce.seed(PRIMARY, CeKind.APP, CeFixtures.app("broken-app", "icr.io/codeengine/broken"));

        CeWaitFailedException e = catchThrowableOfType(
                CeWaitFailedException.class,
                () -> MiniSync.settled(standby, apps, standby.create(apps, desired(apps, PRIMARY, "broken-app"))));

        assertThat(e.errorCode()).isEqualTo(CeWaitFailedException.APP_FAILED);
        assertThat(e.category()).isEqualTo(ErrorCategory.UNEXPECTED);
        assertThat(e.summary())
                .isEqualTo(
                        "app_failed: app broken-app went to failed " + "(status failed, reason image_pull_back_off)");
        assertThat(ce.resource(STANDBY, CeKind.APP, "broken-app"))
                .as("the app was created")
                .isNotNull();
    }

    @Test
    void anAppThatIsNotReadyInTimeFailsTheWrite() {
        EntityType apps = EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of("app"))
                .get(0);
        referencedOnStandby(CeEntityTypes.SECRET, CeEntityTypes.CONFIG_MAP);
        CeEntityStore impatient = new CeEntityStore(
                ce.client(STANDBY), new CeEntityStore.Settings(Duration.ofMillis(50), Duration.ofMillis(50)));
        sim.simulator().setCodeEngineTimings(Duration.ofSeconds(30), Duration.ofMillis(200));

        assertThatThrownBy(
                        () -> MiniSync.settled(impatient, apps, impatient.create(apps, desired(apps, PRIMARY, "api"))))
                .isInstanceOfSatisfying(CeWaitFailedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CeWaitFailedException.APP_NOT_READY);
                    assertThat(e.getMessage()).contains("app api not ready", "status deploying");
                });
    }

    @Test
    void systemSecretsAreInvisible() {
        EntityType secrets = EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of("secret"))
                .get(0);

        assertThat(primary.list(secrets))
                .extracting(s -> s.path("name").asText())
                .doesNotContain("ce-auto-icr-private-eu-de")
                .contains("db-credentials");
        assertThat(ce.resources(PRIMARY, CeKind.SECRET))
                .extracting(s -> s.path("name").asText())
                .contains("ce-auto-icr-private-eu-de");
    }

    @Test
    void describesItsProjectAndRefusesOtherTypes() {
        assertThat(standby.describe()).isEqualTo("eu-gb/" + STANDBY);
        assertThat(standby.toString()).contains(STANDBY).doesNotContain(KEY.reveal());
        EntityType foreign = (EntityType) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {EntityType.class}, (proxy, method, args) -> "topic");
        assertThatThrownBy(() -> standby.list(foreign)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** The type, with a copy of the primary's resource already on the standby (created by the user, not the store). */
    private EntityType copiedToStandby(String typeName, String name) {
        referencedOnStandby(CeEntityTypes.SECRET);
        EntityType type = EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of(typeName))
                .get(0);
        CeKind kind = ((CeEntityType) type).kind();
        ce.seed(
                STANDBY,
                kind,
                CeNormal.createBody(ce.resource(PRIMARY, kind, name)).toString());
        return type;
    }

    /** What the primary's resources refer to by name, copied to the standby: secrets, config maps too for apps. */
    private void referencedOnStandby(String... typeNames) {
        MiniSync.pass(
                EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of(typeNames)),
                primary,
                standby);
    }

    /** The binding type, with the primary copied to the standby: its binding and what that binds. */
    private EntityType bindingOnStandby() {
        MiniSync.pass(CeEntityTypes.all(CodeEngineStandbyMode.Warm), primary, standby);
        return EntitySelection.named(CeEntityTypes.all(CodeEngineStandbyMode.Warm), List.of(CeEntityTypes.BINDING))
                .get(0);
    }

    private Desired desired(EntityType type, String project, String name) {
        CeKind kind = ((CeEntityType) type).kind();
        Translation translation =
                type.translate(ce.resource(project, kind, name).deepCopy(), NO_CONTEXT);
        return ((Translation.Write) translation).desired();
    }

    private Map<String, ObjectNode> comparables(EntityType type, CeEntityStore store) {
        Map<String, ObjectNode> result = new java.util.TreeMap<>();
        for (ObjectNode item : store.list(type)) {
            ObjectNode full = type.listItemComplete() ? item : store.read(type, item);
            result.put(type.key(full), type.comparable(full, NO_CONTEXT));
        }
        return result;
    }

    private List<String> puts() {
        return ce.wire.calls().stream().filter(c -> c.startsWith("PUT")).toList();
    }

    private static ObjectNode only(List<ObjectNode> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
