package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.Topics;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class DatasetValidatedConsumerTest {

    @Test
    void validatedDatasetBecomesTrainableForItsTenantOnly() {
        DatasetValidated event = validated("ds_" + UUID.randomUUID().toString().substring(0, 8));
        TopicProbe.publishEvent(event, "evt-" + UUID.randomUUID(), TestTenants.ACME);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(TestTenants.ACME_KEY))
                        .queryParam("dataset_id", event.datasetId())
                        .when().get("/api/v1/training-data")
                        .then().statusCode(200).body("$", hasSize(1))
                        .body("[0].train_path", equalTo("/api/v1/datasets/" + event.datasetId() + "/versions/1/splits/train"))
                        .body("[0].billable_tokens", equalTo(4200)));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).queryParam("dataset_id", event.datasetId())
                .when().get("/api/v1/training-data").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void redeliveredEventChangesNothing() {
        DatasetValidated event = validated("ds_" + UUID.randomUUID().toString().substring(0, 8));
        String eventId = "evt-" + UUID.randomUUID();
        TopicProbe.publishEvent(event, eventId, TestTenants.ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(trainable(event.datasetId())).isEqualTo(1));

        // At-least-once delivery: the very same record arrives again (same CloudEvents id).
        ConsumerRecord<String, String> original = TopicProbe.awaitRecord(Topics.DATASET_VALIDATED, Duration.ofSeconds(10),
                r -> event.datasetId().equals(r.key())).orElseThrow();
        TopicProbe.redeliver(original);
        TopicProbe.redeliver(original);
        // A marker event published after the duplicates: once it is applied, the duplicates were processed too
        // (same key => same partition => in order).
        DatasetValidated marker = new DatasetValidated(event.datasetId(), event.versionId() + "-m", 2, "marker", "supervised",
                20, "o200k_base", 10, List.of(), List.of());
        TopicProbe.publishEvent(marker, "evt-" + UUID.randomUUID(), TestTenants.ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(trainable(event.datasetId())).isEqualTo(2));
        assertThat(trainable(event.datasetId())).as("the redelivered event was applied once").isEqualTo(2);
    }

    @Test
    void messageWithoutEnvelopeGoesToDeadLetterTopicWithTheReason() {
        String key = "ds_noenv_" + UUID.randomUUID().toString().substring(0, 6);
        TopicProbe.send(Topics.DATASET_VALIDATED, key, "{\"dataset_id\":\"" + key + "\"}", Map.of());
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(Topics.deadLetterOf(Topics.DATASET_VALIDATED),
                Duration.ofSeconds(30), r -> key.equals(r.key())).orElseThrow(() -> new AssertionError("not dead-lettered"));
        assertThat(TopicProbe.header(dead, "dead-letter-reason")).contains("CloudEvents");
    }

    @Test
    void eventThatKeepsFailingIsDeadLetteredAfterBoundedRetries() {
        // A version id longer than the column: every attempt fails in the database, so no retry can succeed.
        DatasetValidated poison = new DatasetValidated("ds_poison_" + UUID.randomUUID().toString().substring(0, 6),
                "dsv_" + "x".repeat(80), 1, "poison", "supervised", 20, "o200k_base", 10, List.of(), List.of());
        TopicProbe.publishEvent(poison, "evt-" + UUID.randomUUID(), TestTenants.ACME);
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(Topics.deadLetterOf(Topics.DATASET_VALIDATED),
                Duration.ofSeconds(40), r -> poison.datasetId().equals(r.key())).orElseThrow(() -> new AssertionError("not dead-lettered"));
        assertThat(TopicProbe.header(dead, "dead-letter-reason")).isNotBlank();
        assertThat(TopicProbe.header(dead, "ce_type")).isEqualTo("io.tuneforge.dataset.validated.v1");
        assertThat(trainable(poison.datasetId())).isZero();
    }

    private static int trainable(String datasetId) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("dataset_id", datasetId)
                .when().get("/api/v1/training-data").then().statusCode(200).extract().path("size()");
    }

    private static DatasetValidated validated(String datasetId) {
        return new DatasetValidated(datasetId, "dsv_" + datasetId, 1, "support", "supervised", 120, "o200k_base", 4200,
                List.of(new SplitSummary("train", 96, 4200, "/api/v1/datasets/" + datasetId + "/versions/1/splits/train"),
                        new SplitSummary("validation", 12, 500, "/api/v1/datasets/" + datasetId + "/versions/1/splits/validation"),
                        new SplitSummary("test", 12, 510, "/api/v1/datasets/" + datasetId + "/versions/1/splits/test")),
                List.of());
    }
}
