package dev.regionguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /job_runs}: runs of a job or standalone, their phases and status details, list filter, delete. */
class CeJobRunsTest {

    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("eu-de");

    private static IbmCloudSimulator simulator;
    private static SimClient client;
    private static CeFixtures fixtures;

    @BeforeAll
    static void start() {
        simulator = SIM.simulator();
        client = new SimClient(simulator, "key");
        fixtures = CeFixtures.inNewProject(simulator, client, "eu-de");
        simulator.setCodeEngineTimings(Duration.ofMillis(100), Duration.ofMillis(100));
    }

    private static String status(String run) {
        return fixtures.get("job_runs", run).get("status").asText();
    }

    @Test
    void aRunOfAJobTakesTheJobsFieldsWithOverridesThenCompletes() {
        ObjectNode job = SimClient.object().put("name", "nightly").put("image_reference", CeFixtures.IMAGE);
        job.put("scale_array_spec", "0-2,5").putArray("run_arguments").add("--all");
        fixtures.create("jobs", job);

        ObjectNode body = SimClient.object().put("job_name", "nightly").put("scale_memory_limit", "2G");
        JsonNode run = fixtures.create("job_runs", body);

        String name = run.get("name").asText();
        assertThat(name).matches("nightly-[a-z0-9]{5}");
        assertThat(run.get("job_name").asText()).isEqualTo("nightly");
        assertThat(run.get("resource_type").asText()).isEqualTo("job_run_v2");
        assertThat(run.get("region").asText()).isEqualTo("eu-de");
        assertThat(run.get("href").asText()).isEqualTo(fixtures.url("job_runs", name));
        assertThat(run.get("image_reference").asText()).isEqualTo(CeFixtures.IMAGE);
        assertThat(run.get("run_arguments").get(0).asText()).isEqualTo("--all");
        assertThat(run.get("scale_memory_limit").asText()).isEqualTo("2G");
        assertThat(run.has("entity_tag")).isFalse();
        assertThat(run.get("status").asText()).isEqualTo("pending");
        JsonNode pending = run.get("status_details");
        assertThat(pending.get("requested").asInt()).isEqualTo(4);
        assertThat(pending.get("pending").asInt()).isEqualTo(4);
        assertThat(pending.get("pending_indices").asText()).isEqualTo("0-2,5");
        assertThat(pending.has("start_time")).isFalse();

        CeFixtures.eventually().until(() -> status(name).equals("completed"));
        JsonNode done = fixtures.get("job_runs", name).get("status_details");
        assertThat(done.get("succeeded").asInt()).isEqualTo(4);
        assertThat(done.get("succeeded_indices").asText()).isEqualTo("0-2,5");
        assertThat(done.get("failed").asInt()).isZero();
        assertThat(done.get("pending").asInt()).isZero();
        assertThat(done.get("start_time").asText())
                .isLessThanOrEqualTo(done.get("completion_time").asText());
    }

    @Test
    void aStandaloneRunNeedsAnImageAndFailsWhenItCannotBePulled() {
        IbmErrorAssert.assertIbmError(
                client.post(fixtures.url("job_runs"), SimClient.object().put("name", "bare")), 400);
        IbmErrorAssert.assertIbmError(
                client.post(fixtures.url("job_runs"), SimClient.object().put("job_name", "no-such-job")), 400);

        String broken = "de.icr.io/team/broken:1";
        simulator.failImage(broken);
        JsonNode run = fixtures.create(
                "job_runs", SimClient.object().put("name", "one-off").put("image_reference", broken));

        assertThat(run.get("name").asText()).isEqualTo("one-off");
        assertThat(run.has("job_name")).isFalse();
        CeFixtures.eventually().until(() -> status("one-off").equals("failed"));
        JsonNode details = fixtures.get("job_runs", "one-off").get("status_details");
        assertThat(details.get("failed").asInt()).isEqualTo(1);
        assertThat(details.get("failed_indices").asText()).isEqualTo("0");
        assertThat(details.get("succeeded").asInt()).isZero();
    }

    @Test
    void listFiltersByJobAndRunsAreDeletedNotChanged() {
        fixtures.job("hourly");
        fixtures.job("weekly");
        String first = fixtures.create("job_runs", SimClient.object().put("job_name", "hourly"))
                .get("name")
                .asText();
        fixtures.create("job_runs", SimClient.object().put("job_name", "hourly"));
        fixtures.create("job_runs", SimClient.object().put("job_name", "weekly"));

        JsonNode hourly = client.get(fixtures.url("job_runs") + "?job_name=hourly&limit=1")
                .json();
        assertThat(hourly.get("job_runs")).hasSize(1);
        assertThat(hourly.get("job_runs").get(0).get("job_name").asText()).isEqualTo("hourly");
        assertThat(hourly.get("next").get("href").asText()).contains("job_name=hourly");
        JsonNode next = client.get(hourly.get("next").get("href").asText()).json();
        assertThat(next.get("job_runs")).hasSize(1);
        assertThat(next.get("job_runs").get(0).get("job_name").asText()).isEqualTo("hourly");
        assertThat(next.has("next")).isFalse();

        IbmErrorAssert.assertIbmError(
                client.mergePatch(
                        fixtures.url("job_runs", first), SimClient.object().put("scale_retry_limit", 1), "*"),
                405);
        assertThat(client.delete(fixtures.url("job_runs", first)).status()).isEqualTo(202);
        CeFixtures.eventually()
                .until(() -> client.get(fixtures.url("job_runs", first)).status() == 404);
    }
}
