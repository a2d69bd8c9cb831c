package dev.regionguard.codeengine;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.api.CeRegionalOverrides;
import dev.regionguard.api.CodeEngineStandbyMode;
import dev.regionguard.api.NameOverride;
import dev.regionguard.api.RegistryHostOverride;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Overrides;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Images, pull secrets and runtimes on a standby are its own region's once overrides say which. */
class CeRegionalOverridesTest {

    private static Overrides euDe() {
        CeRegionalOverrides declared = new CeRegionalOverrides();
        declared.registryHosts = List.of(new RegistryHostOverride("us.icr.io", "de.icr.io"));
        declared.imageSecrets = List.of(new NameOverride("ce-auto-icr-private-us-south", "ce-auto-icr-private-eu-de"));
        declared.functionRuntimes = List.of(new NameOverride("nodejs-22", "nodejs-20"));
        return CeOverrides.of("eu-de", "us-south", Map.of("eu-de", declared));
    }

    private static Translation translate(String typeName, ObjectNode source, Overrides overrides) {
        EntityType type = CeEntityTypes.all(CodeEngineStandbyMode.Warm).stream()
                .filter(t -> t.name().equals(typeName))
                .findFirst()
                .orElseThrow();
        return type.translate(source, new MapSyncContext().overrides(overrides));
    }

    private static ObjectNode body(String typeName, ObjectNode source, Overrides overrides) {
        return ((Translation.Write) translate(typeName, source, overrides))
                .desired()
                .body();
    }

    @Test
    void appImageAndPullSecretBecomeTheStandbyRegions() {
        ObjectNode app = of("{'name':'web','image_reference':'us.icr.io/shop/web:1.4',"
                + "'image_secret':'ce-auto-icr-private-us-south','image_port':8080}");

        ObjectNode written = body("app", app, euDe());

        assertThat(written.path("image_reference").asText()).isEqualTo("de.icr.io/shop/web:1.4");
        assertThat(written.path("image_secret").asText()).isEqualTo("ce-auto-icr-private-eu-de");
    }

    @Test
    void afterAFailoverTheCopyBackToThePrimarysRegionGetsThePrimarysImageSecretAndRuntime() {
        CeRegionalOverrides declared = new CeRegionalOverrides();
        declared.registryHosts = List.of(new RegistryHostOverride("us.icr.io", "de.icr.io"));
        declared.imageSecrets = List.of(new NameOverride("ce-auto-icr-private-us-south", "ce-auto-icr-private-eu-de"));
        declared.functionRuntimes = List.of(new NameOverride("nodejs-22", "nodejs-20"));
        Overrides home = CeOverrides.of("us-south", "us-south", Map.of("eu-de", declared));
        ObjectNode app = of("{'name':'web','image_reference':'de.icr.io/shop/web:1.4',"
                + "'image_secret':'ce-auto-icr-private-eu-de','image_port':8080}");

        ObjectNode written = body("app", app, home);

        assertThat(written.path("image_reference").asText()).isEqualTo("us.icr.io/shop/web:1.4");
        assertThat(written.path("image_secret").asText()).isEqualTo("ce-auto-icr-private-us-south");
        assertThat(body("function", of("{'name':'resize','runtime':'nodejs-20'}"), home)
                        .path("runtime")
                        .asText())
                .isEqualTo("nodejs-22");
    }

    @Test
    void jobImageAndBuildOutputImageAreRewrittenToo() {
        assertThat(body("job", of("{'name':'nightly','image_reference':'us.icr.io/shop/batch'}"), euDe())
                        .path("image_reference")
                        .asText())
                .isEqualTo("de.icr.io/shop/batch");
        assertThat(body(
                                "build",
                                of("{'name':'web-build','output_image':'private.us.icr.io/shop/web',"
                                        + "'output_secret':'registry','source_url':'https://github.com/x/y',"
                                        + "'strategy_type':'dockerfile'}"),
                                CeOverrides.of("eu-de", "us-south", Map.of("eu-de", privateRegistry())))
                        .path("output_image")
                        .asText())
                .isEqualTo("private.de.icr.io/shop/web");
    }

    private static CeRegionalOverrides privateRegistry() {
        CeRegionalOverrides declared = new CeRegionalOverrides();
        declared.registryHosts = List.of(new RegistryHostOverride("private.us.icr.io", "private.de.icr.io"));
        return declared;
    }

    @Test
    void functionRuntimeAndCodeImageAreRewritten() {
        ObjectNode function =
                of("{'name':'resize','runtime':'nodejs-22','code_reference':'cr://us.icr.io/shop/resize'}");

        ObjectNode written = body("function", function, euDe());

        assertThat(written.path("runtime").asText()).isEqualTo("nodejs-20");
        assertThat(written.path("code_reference").asText()).isEqualTo("cr://de.icr.io/shop/resize");
    }

    @Test
    void aReferenceWithoutAnOverrideStaysAsItIs() {
        ObjectNode app = of("{'name':'web','image_reference':'uk.icr.io/shop/web','image_secret':'my-registry'}");

        ObjectNode written = body("app", app, euDe());

        assertThat(written.path("image_reference").asText()).isEqualTo("uk.icr.io/shop/web");
        assertThat(written.path("image_secret").asText()).isEqualTo("my-registry");
    }

    @Test
    void anotherRegionsAutomaticRegistrySecretWithoutOverrideIsAMissingOverride() {
        ObjectNode app =
                of("{'name':'web','image_reference':'us.icr.io/shop/web','image_secret':'ce-auto-icr-us-south'}");

        Translation translation =
                translate("app", app, CeOverrides.of("eu-de", "us-south", Map.of("eu-de", new CeRegionalOverrides())));

        assertThat(translation).isInstanceOfSatisfying(Translation.Skip.class, skip -> {
            assertThat(skip.reason()).isEqualTo("MissingOverride");
            assertThat(skip.message()).contains("ce-auto-icr-us-south", "eu-de");
        });
        // The standby region's own automatic secret is fine as it is.
        ObjectNode local = app.deepCopy().put("image_secret", "ce-auto-icr-eu-de");
        assertThat(translate(
                        "app", local, CeOverrides.of("eu-de", "us-south", Map.of("eu-de", new CeRegionalOverrides()))))
                .isInstanceOf(Translation.Write.class);
    }
}
