package dev.regionguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The direction of imports in the operator's production code (ARCHITECTURE.md), checked on the
 * compiled main classes only: tests may use the simulator and the embedded API, production may not.
 */
class ArchitectureTest {
    /** The decisions: what to sync, delete, believe about a region, do next in a failover. */
    static final String[] PURE = {
        "dev.regionguard.spec..",
        "dev.regionguard.sync..",
        "dev.regionguard.health..",
        "dev.regionguard.failover..",
        "dev.regionguard.audit.."
    };

    /** What pure logic must never touch: Kubernetes, the HTTP stack, and RegionGuard's own I/O packages. */
    static final String[] IO = {
        "io.javaoperatorsdk..",
        "io.fabric8..",
        "okhttp3..",
        "dev.failsafe..",
        "com.sun.net.httpserver..",
        "java.net.http..",
        "io.micrometer..",
        "dev.regionguard.cloud.http..",
        "dev.regionguard.telemetry..",
        "dev.regionguard.controller..",
        "dev.regionguard.eventnotifications..",
        "dev.regionguard.codeengine..",
        "dev.regionguard.edge..",
        "dev.regionguard.operator.."
    };

    /** Stand-ins that belong to tests and tools, never to the image. */
    static final String[] NOT_IN_PRODUCTION = {
        "dev.regionguard.simulator..",
        "dev.regionguard.tools..",
        "dev.regionguard.embedded..",
        "io.fabric8.kubernetes.client.server.mock..",
        "io.fabric8.mockwebserver..",
        "mockwebserver3..",
        "okhttp3.mockwebserver.."
    };

    static final JavaClasses MAIN = new ClassFileImporter()
            .importPath(Path.of(System.getProperty("regionguard.mainClasses", "target/classes")));

    @Test
    void mainPackagesHaveNoCycles() {
        slices().matching("dev.regionguard.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void pureLogicImportsNoIo() {
        noClasses()
                .that()
                .resideInAnyPackage(PURE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(IO)
                .because("decisions are tested without a cluster or a network, and read the same in a year")
                .check(MAIN);
    }

    @Test
    void theCloudVocabularyIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("dev.regionguard.cloud")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.regionguard.cloud", "java..")
                .because("pure logic uses these types")
                .check(MAIN);
    }

    @Test
    void theApiTypesAreTheKubernetesModelOnly() {
        classes()
                .that()
                .resideInAPackage("dev.regionguard.api..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.regionguard.api..",
                        "java..",
                        "com.fasterxml.jackson..",
                        "io.fabric8.kubernetes.api.model..",
                        "io.fabric8.kubernetes.model.annotation..",
                        "io.fabric8.kubernetes.client",
                        "io.fabric8.crd.generator.annotation..",
                        "io.fabric8.generator.annotation..")
                .check(MAIN);
    }

    @Test
    void onlyTheCompositionRootImportsTheCompositionRoot() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.regionguard.operator..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.regionguard.operator..")
                .check(MAIN);
    }

    @Test
    void serviceSpecificsStayInTheirService() {
        noClasses()
                .that()
                .resideInAPackage("dev.regionguard.eventnotifications..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.regionguard.codeengine..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("dev.regionguard.codeengine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.regionguard.eventnotifications..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.regionguard.controller..", "dev.regionguard.telemetry..", "dev.regionguard.cloud..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.regionguard.eventnotifications..",
                        "dev.regionguard.codeengine..",
                        "dev.regionguard.edge..")
                .check(MAIN);
    }

    @Test
    void productionNeverImportsTheSimulatorTheToolsOrAMockServer() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(NOT_IN_PRODUCTION)
                .check(MAIN);
    }
}
