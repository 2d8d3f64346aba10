package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.events.Topics;
import io.tuneforge.events.feedback.QualityDegraded;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** gateway-service's feedback guard ({@code quality.degraded}) retrains the alias's pipeline, once per alert. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class FeedbackRetrainTest {

    private static final String ACME = TestTenants.ACME_KEY;

    @Test
    void negativeFeedbackRetrainsThePipelineOnceAndOnlyForItsTenant() {
        String dataset = validatedDataset(ACME, 30, 73);
        TrainingFixtures.Account account = account(ACME, 2);
        String name = "feedback-" + dataset;
        String pipelineId = given().header("Authorization", bearer(ACME)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "dataset_id", dataset, "base_model", TrainingFixtures.BASE_MODEL,
                        "account_id", account.id(), "hyperparameters", Map.of("n_epochs", 1), "auto_train", false,
                        "debounce", "PT0S", "min_interval", "PT0S"))
                .when().post("/api/v1/pipelines").then().statusCode(201).extract().path("id");

        Instant end = Instant.parse("2026-11-26T10:00:00Z");
        QualityDegraded alert = new QualityDegraded("qd_1_" + pipelineId, "support-bot", "ft:gpt-4.1-nano:acme::abc", pipelineId,
                20, 9, 0.45, 0.30, end.minus(Duration.ofHours(1)), end);
        // Another tenant naming this pipeline changes nothing; a redelivered alert is applied once.
        TopicProbe.publishEvent(alert, "evt-globex-" + pipelineId, TestTenants.GLOBEX);
        TopicProbe.publishEvent(alert, "evt-" + pipelineId, TestTenants.ACME);
        TopicProbe.publishEvent(alert, "evt-" + pipelineId, TestTenants.ACME);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runs(name)).hasSize(1));
        Map<String, Object> run = runs(name).get(0);
        assertThat(run.get("reason")).isEqualTo("quality.degraded");
        assertThat((String) run.get("detail")).contains("ft:gpt-4.1-nano:acme::abc").contains("support-bot")
                .contains("9 of 20 ratings negative").contains("45.0%").contains("30.0%");
        String job = (String) run.get("job_id");
        assertThat(TopicProbe.awaitRecord(Topics.RETRAINING_REQUESTED, Duration.ofSeconds(30), r -> r.value().contains(job)))
                .hasValueSatisfying(r -> assertThat(r.value()).contains("\"trigger\":\"quality.degraded\""));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runs(name)).hasSize(1));
    }

    private static List<Map<String, Object>> runs(String pipeline) {
        return given().header("Authorization", bearer(ACME)).when().get("/api/v1/pipelines/" + pipeline + "/runs")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
