package dev.regionguard.codeengine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.DomainMappingRecord;
import dev.regionguard.simulator.DownMode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.EntityType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Custom domains staged on a standby, as status reports them per region. */
class CeDomainMappingsTest {
    private static final String RIVAL = "5b6c7d8e-1111-4222-8333-944455566677";
    private static final String DOMAIN = "www.example.com";

    @RegisterExtension
    final SimulatorFixture sim = SimulatorFixture.regions(CeFixtures.PRIMARY_REGION, CeFixtures.STANDBY_REGION);

    private CeFixtures ce;
    private final List<EntityType> types = CeEntityTypes.all(CodeEngineStandbyMode.Cold);

    @BeforeEach
    void start() {
        ce = new CeFixtures(sim.simulator());
        ce.seedPrimary();
    }

    private Map<String, CodeEngineClient> projects() {
        Map<String, CodeEngineClient> projects = new LinkedHashMap<>();
        projects.put(CeFixtures.PRIMARY_REGION, ce.client(CeFixtures.PRIMARY));
        projects.put(CeFixtures.STANDBY_REGION, ce.client(CeFixtures.STANDBY));
        return projects;
    }

    private List<DomainMappingRecord> settled(List<DomainMappingRecord> before) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> CeDomainMappings.observe(projects(), before),
                        records -> records.stream().noneMatch(d -> "deploying".equals(d.status)));
    }

    @Test
    void bothRegionsServeTheDomainEachAtItsOwnCnameTarget() {
        MiniSync.pass(types, ce.store(CeFixtures.PRIMARY), ce.store(CeFixtures.STANDBY));

        List<DomainMappingRecord> records = settled(List.of());

        assertThat(records)
                .extracting(d -> d.region)
                .containsExactly(CeFixtures.PRIMARY_REGION, CeFixtures.STANDBY_REGION);
        assertThat(records).allSatisfy(d -> {
            assertThat(d.name).isEqualTo(DOMAIN);
            assertThat(d.status).isEqualTo("ready");
            assertThat(d.reason).isNull();
            assertThat(d.app).isEqualTo("api");
            assertThat(d.cnameTarget).endsWith("." + d.region + ".codeengine.appdomain.cloud");
        });
        assertThat(CeDomainMappings.of(records, CeFixtures.STANDBY_REGION))
                .singleElement()
                .satisfies(d -> assertThat(d.region).isEqualTo(CeFixtures.STANDBY_REGION));
    }

    @Test
    void aNameAnotherProjectOfTheStandbysRegionHoldsIsReportedAndNotRetried() {
        sim.simulator().createCodeEngineProject(CeFixtures.STANDBY_REGION, RIVAL);
        ce.seed(
                RIVAL,
                CeKind.SECRET,
                "{\"name\":\"tls\",\"format\":\"tls\",\"data\":{\"tls_cert\":\"c\",\"tls_key\":\"k\"}}");
        ce.seed(RIVAL, CeKind.APP, "{\"name\":\"web\",\"image_reference\":\"icr.io/codeengine/helloworld\"}");
        ce.seed(
                RIVAL,
                CeKind.DOMAIN_MAPPING,
                "{\"name\":\"" + DOMAIN + "\",\"component\":{\"name\":\"web\",\"resource_type\":\"app_v2\"},"
                        + "\"tls_secret\":\"tls\"}");

        assertThat(MiniSync.pass(types, ce.store(CeFixtures.PRIMARY), ce.store(CeFixtures.STANDBY)))
                .contains("create domain_mapping " + DOMAIN);
        List<DomainMappingRecord> records = settled(List.of());

        assertThat(CeDomainMappings.of(records, CeFixtures.STANDBY_REGION))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.status).isEqualTo("failed");
                    assertThat(d.reason).isEqualTo("domain_already_claimed");
                });
        assertThat(MiniSync.pass(types, ce.store(CeFixtures.PRIMARY), ce.store(CeFixtures.STANDBY)))
                .as("the copy is there: nothing is written again")
                .isEmpty();
    }

    @Test
    void aRegionThatCannotBeReadKeepsItsLastEntries() {
        MiniSync.pass(types, ce.store(CeFixtures.PRIMARY), ce.store(CeFixtures.STANDBY));
        List<DomainMappingRecord> before = settled(List.of());
        sim.simulator().faults(CeFixtures.STANDBY_REGION).down(DownMode.UNAVAILABLE);

        List<DomainMappingRecord> after = CeDomainMappings.observe(projects(), before);

        assertThat(after).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
    }
}
