package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagSubscriptionsApiTest extends InstanceApiTest {

    private static final String PHONES = "phones";

    private String phones;

    @BeforeEach
    void createPushDestination() {
        phones = pushDestination(PHONES);
    }

    private String pushDestination(String name) {
        Multipart android =
                new Multipart().text("name", name).text("type", "push_android").json("config", "{\"params\":{}}");
        SimClient.Response created = client.multipart("POST", base + "/destinations", android);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private void register(String deviceId, String userId) {
        simulator.outside().registerDevice(REGION, instanceId, PHONES, deviceId, userId);
    }

    private SimClient.Response subscribe(String destinationId, String deviceId, String tagName) {
        return client.post(
                base + "/destinations/" + destinationId + "/tag_subscriptions",
                SimClient.object().put("device_id", deviceId).put("tag_name", tagName));
    }

    private JsonNode list(String query) {
        SimClient.Response listed = client.get(base + "/destinations/" + phones + "/tag_subscriptions" + query);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json();
    }

    private List<String> listed(String query) {
        List<String> pairs = new ArrayList<>();
        list(query)
                .get("tag_subscriptions")
                .forEach(s -> pairs.add(
                        s.get("device_id").asText() + ":" + s.get("tag_name").asText()));
        return pairs;
    }

    private SimClient.Response control(String method, String path) {
        return client.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void createsForARegisteredDeviceAndListsItBackWithTheRegistrationsUser() {
        register("phone-1", "alice");
        register("tablet-1", null);

        SimClient.Response created = subscribe(phones, "phone-1", "news");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(fieldNames(created.json())).containsExactly("id", "device_id", "tag_name", "user_id", "created_at");
        assertThat(created.json().get("user_id").asText()).isEqualTo("alice");
        JsonNode anonymous = subscribe(phones, "tablet-1", "news").json();
        assertThat(fieldNames(anonymous)).containsExactly("id", "device_id", "tag_name", "created_at");

        JsonNode page = list("");
        assertThat(page.get("total_count").asInt()).isEqualTo(2);
        assertThat(page.get("limit").asInt()).isEqualTo(ListPage.DEFAULT_LIMIT);
        assertThat(page.at("/first/href").asText()).endsWith("/tag_subscriptions?limit=10&offset=0");
        JsonNode first = page.get("tag_subscriptions").get(0);
        assertThat(fieldNames(first)).containsExactly("id", "device_id", "tag_name", "user_id", "updated_at");
        assertThat(first.get("id").asText()).isEqualTo(created.json().get("id").asText());
        assertThat(first.get("user_id").asText()).isEqualTo("alice");
        assertThat(page.get("tag_subscriptions").get(1).has("user_id")).isFalse();

        register("phone-1", "carol");
        assertThat(list("?device_id=phone-1").at("/tag_subscriptions/0/user_id").asText())
                .isEqualTo("carol");
    }

    @Test
    void aDeviceMustBeRegisteredWithThisDestination() {
        String tablets = pushDestination("tablets");
        simulator.outside().registerDevice(REGION, instanceId, "tablets", "tablet-1", null);

        JsonNode error = IbmErrorAssert.assertIbmError(subscribe(phones, "tablet-1", "news"), 404);
        assertThat(error.get("message").asText())
                .isEqualTo("device 'tablet-1' is not registered with destination '" + phones + "'");
        assertThat(subscribe(tablets, "tablet-1", "news").status()).isEqualTo(201);
        assertThat(list("").get("total_count").asInt()).isZero();
    }

    @Test
    void deviceAndTagAreRequired() {
        register("phone-1", null);
        String url = base + "/destinations/" + phones + "/tag_subscriptions";

        JsonNode noTag = IbmErrorAssert.assertIbmError(
                client.post(url, SimClient.object().put("device_id", "phone-1")), 400);
        assertThat(noTag.get("message").asText()).contains("tag_name");
        JsonNode noDevice = IbmErrorAssert.assertIbmError(
                client.post(url, SimClient.object().put("tag_name", "news")), 400);
        assertThat(noDevice.get("message").asText()).contains("device_id");
        assertThat(list("").get("total_count").asInt()).isZero();
    }

    @Test
    void onlyPushDestinationsHaveTagSubscriptions() {
        String hook = fixtures.webhook("hook");

        JsonNode post = IbmErrorAssert.assertIbmError(subscribe(hook, "phone-1", "news"), 400);
        assertThat(post.get("message").asText()).contains("push").contains("webhook");
        IbmErrorAssert.assertIbmError(client.get(base + "/destinations/" + hook + "/tag_subscriptions"), 400);
        IbmErrorAssert.assertIbmError(client.get(base + "/destinations/no-such-id/tag_subscriptions"), 404);
        IbmErrorAssert.assertIbmError(subscribe("no-such-id", "phone-1", "news"), 404);
        assertThatThrownBy(() -> simulator.outside().registerDevice(REGION, instanceId, "hook", "phone-1", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.outside().registerDevice(REGION, instanceId, "nope", "phone-1", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.outside().registerDevice(REGION, "no-instance", PHONES, "phone-1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameDeviceAndTagTwiceIsAConflict() {
        register("phone-1", null);
        register("phone-2", null);
        assertThat(subscribe(phones, "phone-1", "news").status()).isEqualTo(201);

        IbmErrorAssert.assertIbmError(subscribe(phones, "phone-1", "news"), 409);
        assertThat(subscribe(phones, "phone-1", "sport").status()).isEqualTo(201);
        assertThat(subscribe(phones, "phone-2", "news").status()).isEqualTo(201);
        assertThat(list("").get("total_count").asInt()).isEqualTo(3);
    }

    @Test
    void filtersByDeviceUserAndTagAndKeepsTheFiltersInTheLinks() {
        register("phone-1", "alice");
        register("phone-2", "bob");
        subscribe(phones, "phone-1", "news");
        subscribe(phones, "phone-1", "sport");
        subscribe(phones, "phone-2", "news");
        subscribe(phones, "phone-2", "newsletter");

        assertThat(listed("?device_id=phone-1")).containsExactly("phone-1:news", "phone-1:sport");
        assertThat(listed("?tag_name=news")).containsExactly("phone-1:news", "phone-2:news");
        assertThat(listed("?user_id=bob")).containsExactly("phone-2:news", "phone-2:newsletter");
        assertThat(listed("?device_id=phone-2&tag_name=news")).containsExactly("phone-2:news");
        assertThat(listed("?device_id=phone-3")).isEmpty();
        assertThat(listed("?search=letter")).containsExactly("phone-2:newsletter");

        JsonNode filtered = list("?tag_name=news&limit=1");
        assertThat(filtered.get("total_count").asInt()).isEqualTo(2);
        String next = filtered.at("/next/href").asText();
        assertThat(next).endsWith("?limit=1&offset=1&tag_name=news");
        assertThat(client.get(next).json().at("/tag_subscriptions/0/device_id").asText())
                .isEqualTo("phone-2");
    }

    @Test
    void pagesThroughFiveWithLimitTwo() {
        register("phone-1", null);
        List<String> created = new ArrayList<>();
        for (String tag : List.of("t1", "t2", "t3", "t4", "t5")) {
            created.add(subscribe(phones, "phone-1", tag).json().get("id").asText());
        }

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        JsonNode page = list("?limit=2");
        assertThat(page.has("previous")).isFalse();
        while (true) {
            assertThat(page.get("total_count").asInt()).isEqualTo(5);
            sizes.add(page.get("tag_subscriptions").size());
            page.get("tag_subscriptions").forEach(s -> seen.add(s.get("id").asText()));
            if (!page.has("next")) {
                break;
            }
            page = client.get(page.at("/next/href").asText()).json();
            assertThat(page.at("/previous/href").asText()).contains("limit=2&offset=");
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void deletesByDeviceAndTagInTheQuery() {
        register("phone-1", null);
        subscribe(phones, "phone-1", "news");
        subscribe(phones, "phone-1", "sport");
        String url = base + "/destinations/" + phones + "/tag_subscriptions";

        SimClient.Response deleted = client.delete(url + "?device_id=phone-1&tag_name=news");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(listed("")).containsExactly("phone-1:sport");

        IbmErrorAssert.assertIbmError(client.delete(url + "?device_id=phone-1&tag_name=news"), 404);
        IbmErrorAssert.assertIbmError(client.delete(url + "?device_id=phone-1"), 400);
        assertThat(listed("")).containsExactly("phone-1:sport");
    }

    @Test
    void unregisteringADeviceDropsItsSubscriptions() {
        register("phone-1", null);
        register("phone-2", null);
        subscribe(phones, "phone-1", "news");
        subscribe(phones, "phone-1", "sport");
        subscribe(phones, "phone-2", "news");

        simulator.outside().unregisterDevice(REGION, instanceId, PHONES, "phone-1");

        assertThat(listed("")).containsExactly("phone-2:news");
        IbmErrorAssert.assertIbmError(subscribe(phones, "phone-1", "news"), 404);
    }

    @Test
    void theControlApiRegistersAndUnregistersDevices() {
        String devices = "regions/" + REGION + "/instances/" + instanceId + "/devices?destination=" + PHONES;

        assertThat(control("POST", devices + "&device_id=phone-1&user_id=alice").status())
                .isEqualTo(200);
        assertThat(subscribe(phones, "phone-1", "news").json().get("user_id").asText())
                .isEqualTo("alice");
        assertThat(control("DELETE", devices + "&device_id=phone-1").status()).isEqualTo(200);
        assertThat(listed("")).isEmpty();
        IbmErrorAssert.assertIbmError(subscribe(phones, "phone-1", "news"), 404);

        IbmErrorAssert.assertIbmError(control("POST", devices), 400);
        IbmErrorAssert.assertIbmError(control("POST", devices.replace(PHONES, "nope") + "&device_id=d"), 400);
        IbmErrorAssert.assertIbmError(
                control("POST", devices.replace(instanceId, "no-instance") + "&device_id=d"), 404);
    }

    @Test
    void deletingTheDestinationDropsItsSubscriptionsAndDevices() {
        register("phone-1", null);
        subscribe(phones, "phone-1", "news");
        assertThat(simulator.eventNotificationsSnapshot(REGION, instanceId).get("tag_subscriptions"))
                .extracting(s -> s.get("destination_id").asText())
                .containsExactly(phones);

        assertThat(client.delete(base + "/destinations/" + phones).status()).isEqualTo(204);

        assertThat(simulator.eventNotificationsSnapshot(REGION, instanceId).get("tag_subscriptions"))
                .isEmpty();
        phones = pushDestination(PHONES);
        IbmErrorAssert.assertIbmError(subscribe(phones, "phone-1", "news"), 404);
    }

    @Test
    void countsCallsAndTakesInjectedListPoison() {
        register("phone-1", null);
        client.token();
        simulator.resetStats();

        subscribe(phones, "phone-1", "news");
        list("");
        client.delete(base + "/destinations/" + phones + "/tag_subscriptions?device_id=phone-1&tag_name=news");
        CallStats stats = simulator.stats(REGION);
        assertThat(stats.listCalls()).isEqualTo(1);
        assertThat(stats.writes()).isEqualTo(2);

        subscribe(phones, "phone-1", "news");
        Fault empty = Fault.of(FaultKind.EMPTY_LIST)
                .path("/v1/instances/*/destinations/*/tag_subscriptions")
                .times(1);
        simulator.faults(REGION).inject(empty);
        JsonNode poisoned = list("");
        assertThat(poisoned.get("tag_subscriptions")).isEmpty();
        assertThat(poisoned.get("total_count").asInt()).isZero();
        assertThat(empty.fired()).isEqualTo(1);
        assertThat(list("").get("total_count").asInt()).isEqualTo(1);
    }
}
