package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import org.junit.jupiter.api.Test;

class EnTopicTypeTest {
    private final EntityType type = new EnTopicType();
    private final MapSyncContext context =
            new MapSyncContext().id("source", "src-orders", "sb-orders").id("source", "crn:timer:p", "crn:timer:s");

    private static final ObjectNode PRIMARY = of("{'id':'top-1','name':'alerts','description':'all alerts',"
            + "'updated_at':'2026-01-01','source_count':2,'subscription_count':1,'subscriptions':[{'id':'s1'}],"
            + "'sources':[{'id':'src-orders','name':'orders','rules':["
            + "{'enabled':true,'event_type_filter':'$.*','notification_filter':'','id':'r1','updated_at':'x'},"
            + "{'enabled':false,'event_type_filter':'$.data.severity > 2','id':'r2','updated_at':'x'}]},"
            + "{'id':'crn:timer:p','name':'Periodic Timer','rules':[{'enabled':true,"
            + "'event_schedule_filter':{'expression':'0 * * * *'},'id':'r3','updated_at':'x'}]}]}");

    @Test
    void sourceIdsAreRemappedAndServerFieldsDropped() {
        Desired desired = ((Translation.Write) type.translate(PRIMARY, context)).desired();

        assertThat(desired.body().get("sources"))
                .isEqualTo(of("{'s':[{'id':'sb-orders','rules':["
                                + "{'enabled':true,'event_type_filter':'$.*','notification_filter':''},"
                                + "{'enabled':false,'event_type_filter':'$.data.severity > 2'}]},"
                                + "{'id':'crn:timer:s','rules':[{'enabled':true,'event_schedule_filter':{'expression':'0 * * * *'}}]}]}")
                        .get("s"));
        assertThat(desired.body().has("subscriptions")).isFalse();
        assertThat(desired.body().has("source_count")).isFalse();
        assertThat(desired.body().has("id")).isFalse();
    }

    @Test
    void standbyTopicWithTheSameRulesInAnotherOrderComparesEqual() {
        Desired desired = ((Translation.Write) type.translate(PRIMARY, context)).desired();
        ObjectNode standby = of("{'id':'top-9','name':'alerts','description':'all alerts','source_count':2,"
                + "'sources':[{'id':'crn:timer:s','name':'Periodic Timer','rules':[{'enabled':true,"
                + "'event_schedule_filter':{'expression':'0 * * * *'},'id':'q3'}]},"
                + "{'id':'sb-orders','name':'orders','rules':["
                + "{'enabled':false,'event_type_filter':'$.data.severity > 2','id':'q2'},"
                + "{'enabled':true,'event_type_filter':'$.*','id':'q1'}]}]}");

        assertThat(type.comparable(standby, context)).isEqualTo(desired.comparable());

        ((ObjectNode) standby.at("/sources/1/rules/0")).put("enabled", true);
        assertThat(type.comparable(standby, context)).isNotEqualTo(desired.comparable());
    }

    @Test
    void unresolvedSourceSkipsTheTopic() {
        Translation t = type.translate(PRIMARY, new MapSyncContext().id("source", "src-orders", "sb-orders"));

        assertThat(t).isInstanceOf(Translation.Skip.class);
        assertThat(((Translation.Skip) t).reason()).isEqualTo("MissingReference");
        assertThat(((Translation.Skip) t).message()).contains("topic 'alerts'", "source crn:timer:p");
    }

    @Test
    void changeMarkerFingerprintsWhatTheListShows() {
        ObjectNode item = of("{'id':'t','name':'alerts','description':'d','source_count':2,'sources_names':['b','a'],"
                + "'subscription_count':3}");
        ObjectNode sameOtherOrder = of("{'id':'t','name':'alerts','description':'d','source_count':2,"
                + "'sources_names':['a','b'],'subscription_count':4}");
        ObjectNode changed =
                of("{'id':'t','name':'alerts','description':'new','source_count':2,'sources_names':['a','b']}");

        assertThat(type.changeMarker(item)).isNotNull().isEqualTo(type.changeMarker(sameOtherOrder));
        assertThat(type.changeMarker(changed)).isNotEqualTo(type.changeMarker(item));
        assertThat(type.changeMarker(of("{'id':'t','name':'alerts','created_at':'x'}")))
                .as("create response")
                .isNull();
        assertThat(type.listItemComplete()).isFalse();
        assertThat(type.dependsOn()).containsExactly("source");
    }
}
