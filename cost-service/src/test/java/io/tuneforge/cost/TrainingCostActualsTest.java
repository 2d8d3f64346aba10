package io.tuneforge.cost;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.Topics;
import io.tuneforge.events.cost.CandidateCost;
import io.tuneforge.events.cost.CostEstimated;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A validated dataset is estimated on every candidate model and announced on cost.estimated; the job
 * trained on it is booked at trained_tokens x the price in force, once, however often job.succeeded arrives.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TrainingCostActualsTest {

    // A day no other test books spend on, so the report below sees this job only.
    private static final Instant FINISHED_AT = Instant.parse("2026-02-03T12:00:00Z");

    @Inject
    EntityManager em;

    @Test
    void estimateEqualsTheActualCostOfTheJobToTheCentAndRedeliveryDoesNotDoubleTheSpend() {
        String datasetId = "ds_" + UUID.randomUUID().toString().substring(0, 8);
        String versionId = "dsv_" + datasetId;
        // 20 training examples -> auto resolves to 5 epochs; 3,000 billable tokens per epoch -> 15,000 trained tokens.
        TopicProbe.publishEvent(new DatasetValidated(datasetId, versionId, 1, "tickets", "supervised", 25, "o200k_base",
                3_000, List.of(new SplitSummary("train", 20, 3_000, "/x")), List.of()), "evt-" + UUID.randomUUID(), TestTenants.ACME);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("dataset_id", datasetId)
                        .when().get("/api/v1/estimates/training")
                        .then().statusCode(200).body("$", hasSize(1))
                        .body("[0].trained_tokens", equalTo(15_000))
                        .body("[0].candidates.find { it.model == 'gpt-4.1-mini' }.training_per_million", equalTo("5.00"))
                        .body("[0].candidates.find { it.model == 'gpt-4.1-mini' }.training_cost_usd", equalTo("0.075"))
                        .body("[0].candidates.find { it.model == 'gpt-4.1' }.training_cost_usd", equalTo("0.375"))
                        .body("[0].candidates.find { it.model == 'gpt-4.1-nano' }.training_cost_usd", equalTo("0.0225"))
                        .body("[0].candidates.find { it.model == 'gpt-4o-mini' }.training_cost_usd", equalTo("0.045")));

        ConsumerRecord<String, String> announced = TopicProbe.awaitRecord(Topics.COST_ESTIMATED, Duration.ofSeconds(30),
                r -> datasetId.equals(r.key())).orElseThrow(() -> new AssertionError("no cost.estimated for " + datasetId));
        assertThat(TopicProbe.header(announced, "ce_type")).isEqualTo("io.tuneforge.cost.estimated.v1");
        assertThat(TopicProbe.header(announced, "ce_tenant")).isEqualTo(TestTenants.ACME);
        CostEstimated estimated = EventCodec.read(announced.value(), CostEstimated.class);
        assertThat(estimated.trainedTokens()).isEqualTo(15_000);
        assertThat(estimated.candidates()).extracting(CandidateCost::model).first().as("cheapest first").isEqualTo("gpt-4.1-nano");
        assertThat(estimated.candidates()).filteredOn(c -> c.model().equals("gpt-4.1-mini")).singleElement()
                .satisfies(c -> assertThat(c.trainingCostUsd()).isEqualTo("0.075"))
                .satisfies(c -> assertThat(c.priceSource()).contains("openai.com/api/pricing"));

        // The simulator's job reports what it billed: the estimated tokens x the auto epochs.
        String jobId = "job_" + UUID.randomUUID().toString().substring(0, 8);
        JobSucceeded succeeded = new JobSucceeded(jobId, "ftjob-" + jobId, "acct_1", datasetId, versionId,
                "gpt-4.1-mini-2025-04-14", "supervised", "ft:gpt-4.1-mini-2025-04-14:acme:tickets:" + jobId, 15_000, 5, 1,
                FINISHED_AT, null, null);
        TopicProbe.publishEvent(succeeded, "evt-" + UUID.randomUUID(), TestTenants.ACME);

        JsonPath cost = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/spend/jobs/" + jobId)
                .then().extract().jsonPath(), json -> json.getString("actual_usd") != null);
        BigDecimal expected = new BigDecimal("15000").multiply(new BigDecimal("5.00")).movePointLeft(6);
        assertThat(new BigDecimal(cost.getString("actual_usd"))).isEqualByComparingTo(expected);
        assertThat(new BigDecimal(cost.getString("estimated_usd")).setScale(2, RoundingMode.HALF_UP))
                .as("estimate equals trained_tokens x price to the cent")
                .isEqualByComparingTo(expected.setScale(2, RoundingMode.HALF_UP));
        assertThat(cost.getString("error_percent")).isEqualTo("0.00");
        assertThat(cost.getString("model")).isEqualTo("gpt-4.1-mini");
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/spend/jobs/" + jobId)
                .then().statusCode(404);

        // At-least-once delivery: the same record twice, then the same payload re-published under a new event id.
        ConsumerRecord<String, String> original = TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, Duration.ofSeconds(10),
                r -> jobId.equals(r.key())).orElseThrow();
        TopicProbe.redeliver(original);
        TopicProbe.redeliver(original);
        String republishedId = "evt-" + UUID.randomUUID();
        TopicProbe.publishEvent(succeeded, republishedId, TestTenants.ACME);
        // Same key, same partition: once the re-published event is through the inbox, so are the duplicates before it.
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(republishedId));

        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParam("from", "2026-02-03").queryParam("to", "2026-02-03").queryParam("group_by", "kind")
                .when().get("/api/v1/spend")
                .then().statusCode(200)
                .body("total_usd", equalTo("0.075"))
                .body("rows", hasSize(1))
                .body("rows[0].kind", equalTo("training"))
                .body("rows[0].entries", equalTo(1))
                .body("rows[0].tokens", equalTo(15_000));
    }

    private boolean applied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from inbox_event where consumer = 'training-actuals' and event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() == 1);
    }
}
