package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.Topics;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TrainingEstimateConsumerTest {

    @Test
    void estimatesTrainedTokensWithAutoEpochsOnceEvenWhenRedelivered() {
        String datasetId = "ds_" + UUID.randomUUID().toString().substring(0, 8);
        DatasetValidated event = new DatasetValidated(datasetId, "dsv_" + datasetId, 1, "tickets", "supervised", 25,
                "o200k_base", 3_000, List.of(new SplitSummary("train", 20, 3_000, "/x")), List.of());
        TopicProbe.publishEvent(event, "evt-" + UUID.randomUUID(), TestTenants.ACME);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("dataset_id", datasetId)
                        .when().get("/api/v1/estimates/training")
                        .then().statusCode(200).body("$", hasSize(1))
                        .body("[0].auto_epochs", equalTo(5))
                        .body("[0].trained_tokens", equalTo(15_000)));

        TopicProbe.redeliver(TopicProbe.awaitRecord(Topics.DATASET_VALIDATED, Duration.ofSeconds(10),
                r -> datasetId.equals(r.key())).orElseThrow());
        DatasetValidated next = new DatasetValidated(datasetId, "dsv2_" + datasetId, 2, "tickets", "supervised", 25,
                "o200k_base", 3_100, List.of(new SplitSummary("train", 20, 3_100, "/x")), List.of());
        TopicProbe.publishEvent(next, "evt-" + UUID.randomUUID(), TestTenants.ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("dataset_id", datasetId)
                        .when().get("/api/v1/estimates/training")
                        .then().statusCode(200).body("$", hasSize(2)).body("version", equalTo(List.of(1, 2))));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).queryParam("dataset_id", datasetId)
                .when().get("/api/v1/estimates/training").then().statusCode(200).body("$", hasSize(0));
    }
}
