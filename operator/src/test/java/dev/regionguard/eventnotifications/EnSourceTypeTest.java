package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import org.junit.jupiter.api.Test;

class EnSourceTypeTest {
    private final EntityType type = new EnSourceType();
    private final MapSyncContext context = new MapSyncContext();

    private Desired translate(ObjectNode source) {
        Translation t = type.translate(source, context);
        assertThat(t).isInstanceOf(Translation.Write.class);
        return ((Translation.Write) t).desired();
    }

    @Test
    void apiSourceKeepsItsConfigurationAndUnknownFieldsButNoServerFields() {
        ObjectNode primary = of("{'id':'src-1','name':'orders','description':'Order events','enabled':true,"
                + "'store_notifications':false,'type':'api','updated_at':'2026-01-01T00:00:00.000Z','topic_count':2,"
                + "'topic_names':['a','b'],'future_field':'kept'}");

        Desired desired = translate(primary);

        assertThat(desired.key()).isEqualTo("orders");
        assertThat(desired.body())
                .isEqualTo(of("{'name':'orders','description':'Order events','enabled':true,"
                        + "'store_notifications':false,'future_field':'kept'}"));
        assertThat(desired.materialDigest()).isNull();
        assertThat(primary.get("id").asText()).as("input untouched").isEqualTo("src-1");
    }

    @Test
    void sameSourceInAnotherInstanceComparesEqual() {
        ObjectNode primary = of("{'id':'src-1','name':'orders','description':'','enabled':true,'type':'api',"
                + "'updated_at':'2026-01-01T00:00:00.000Z','topic_count':2}");
        ObjectNode standby = of("{'id':'other-9','name':'orders','enabled':true,'type':'api',"
                + "'updated_at':'2026-03-03T00:00:00.000Z','topic_count':0,'topic_names':[]}");

        assertThat(type.comparable(standby, context))
                .isEqualTo(translate(primary).comparable());
        standby.put("enabled", false);
        assertThat(type.comparable(standby, context))
                .isNotEqualTo(translate(primary).comparable());
    }

    @Test
    void builtInSourcesAreMatchedByNameAndOnlyEnabledIsCopied() {
        ObjectNode timer = of("{'id':'crn:v1:timer:1','name':'Periodic Timer','description':'built in',"
                + "'enabled':true,'type':'periodic-timer','updated_at':'x'}");

        Desired desired = translate(timer);

        assertThat(type.builtIn(timer)).isTrue();
        assertThat(type.builtIn(of("{'name':'orders','type':'api'}"))).isFalse();
        assertThat(desired.key()).isEqualTo("Periodic Timer");
        assertThat(desired.body()).isEqualTo(of("{'enabled':true}"));
        ObjectNode standbyTimer = of("{'id':'crn:v1:timer:2','name':'Periodic Timer','description':'other text',"
                + "'enabled':false,'type':'periodic-timer'}");
        assertThat(type.comparable(standbyTimer, context)).isEqualTo(of("{'enabled':false}"));
    }

    @Test
    void listItemsAreCompleteAndMarkedByUpdatedAt() {
        assertThat(type.listItemComplete()).isTrue();
        assertThat(type.changeMarker(of("{'name':'orders','updated_at':'2026-01-01T00:00:00.000Z'}")))
                .isEqualTo("2026-01-01T00:00:00.000Z");
    }
}
