package dev.regionguard.codeengine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.AppScalingRecord;
import dev.regionguard.api.CodeEngineProtection;
import dev.regionguard.api.CodeEngineProtectionSpec;
import dev.regionguard.api.CodeEngineProtectionStatus;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.cloud.http.CallObserver;
import dev.regionguard.cloud.http.FakeIbmCloud;
import dev.regionguard.cloud.http.TestClock;
import dev.regionguard.spec.ProtectedSide;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Code Engine's failover steps against the stateful fake (the simulator has no Code Engine yet). */
class CeFailoverActionsTest {
    private static final String PRIMARY = CeEntityStoreTest.PRIMARY;
    private static final String STANDBY = CeEntityStoreTest.STANDBY;
    private FakeIbmCloud cloud;
    private final FakeCodeEngine ce = new FakeCodeEngine();
    private CeFailoverActions actions;
    private final ProtectedSide primary = new ProtectedSide("eu-de", PRIMARY, null);
    private final ProtectedSide standby = new ProtectedSide("eu-gb", STANDBY, null);

    @BeforeEach
    void start() throws IOException {
        cloud = new FakeIbmCloud(TestClock.atEpochSecond(1_700_000_000L));
        cloud.answerApi(ce);
        ce.addProject("eu-de", PRIMARY);
        ce.addProject("eu-gb", STANDBY);
        CodeEngineClients clients = new HttpCodeEngineClients(
                cloud.endpoints(), cloud.ibmHttp(CeEntityStoreTest.FAST, CallObserver.NONE), CeEntityStoreTest.POLL);
        actions = new CeFailoverActions(clients, clients, Duration.ofSeconds(1));
        CeFixtures.seedPrimary(ce, PRIMARY);
        // a cold standby: the app is there, at zero
        ce.seed(STANDBY, CeKind.APP, CeFixtures.app("api", "icr.io/codeengine/helloworld"))
                .put(CeScaling.MIN, 0)
                .put(CeScaling.INITIAL, 0);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private static CodeEngineProtection protection() {
        CodeEngineProtection cep = new CodeEngineProtection();
        cep.setSpec(new CodeEngineProtectionSpec());
        CodeEngineProtectionStatus status = new CodeEngineProtectionStatus();
        status.appScaling = List.of(new AppScalingRecord("api", 2, 20, 3));
        status.domainMappings = List.of(new DomainMappingRecord("www.example.com", "api", "www-tls"));
        cep.setStatus(status);
        return cep;
    }

    @Test
    void activatingRestoresScalingAndMovesDomainsFromStatusAlone() {
        Map<String, String> data = actions.activate(protection(), standby, CeEntityStoreTest.KEY);
        Map<String, String> again = actions.activate(protection(), standby, CeEntityStoreTest.KEY); // idempotent

        assertThat(CeScaling.of(ce.resource(STANDBY, CeKind.APP, "api"))).isEqualTo(new CeScaling(2, 20, 3));
        assertThat(ce.resources(STANDBY, CeKind.DOMAIN_MAPPING)).singleElement().satisfies(m -> {
            assertThat(m.path("name").asText()).isEqualTo("www.example.com");
            assertThat(m.path("component").path("name").asText()).isEqualTo("api");
            assertThat(m.path("tls_secret").asText()).isEqualTo("www-tls");
        });
        assertThat(data)
                .containsEntry("projectId", STANDBY)
                .containsEntry("app.api", "https://api.abc.eu-gb.codeengine.appdomain.cloud");
        assertThat(again).isEqualTo(data);
        assertThat(ce.calls()).noneMatch(call -> call.contains(PRIMARY)); // the old region is never asked
    }

    @Test
    void fencingScalesTheOldSideToZeroAndReleasesItsDomains() {
        String message = actions.fence(protection(), primary, CeEntityStoreTest.KEY);

        CeScaling scaling = CeScaling.of(ce.resource(PRIMARY, CeKind.APP, "api"));
        assertThat(scaling.minInstances()).isZero();
        assertThat(scaling.initialInstances()).isZero();
        assertThat(message).contains("scaled 1 apps to 0").contains("deleted 1 domain mappings");
    }
}
