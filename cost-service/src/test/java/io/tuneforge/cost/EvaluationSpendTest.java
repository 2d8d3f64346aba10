package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.events.Topics;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.events.eval.JudgeUsage;
import io.tuneforge.events.eval.ModelSummary;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.cost.CostEvents.applied;
import static io.tuneforge.cost.CostEvents.newId;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * An evaluation's model and judge calls are evaluation spend of its pipeline, priced at inference
 * prices (fine-tuned prices for the ft: candidate), unknown prices reported as unknown, booked once.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class EvaluationSpendTest {

    private static final String CANDIDATE = "ft:gpt-4.1-mini-2025-04-14:acme:tickets:abc";

    @Inject
    EntityManager em;

    @Test
    void everyModelAndJudgeIsPricedOnceAndAttributedToThePipeline() {
        String pipeline = newId("pl");
        String evalId = newId("eval");
        EvalCompleted completed = new EvalCompleted(evalId, "ds_e", "dsv_e", CANDIDATE, "gpt-4.1-mini", null, "promote",
                List.of(), List.of(
                        summary("candidate", CANDIDATE, 1_000_000, 100_000),
                        summary("baseline", "gpt-4.1-mini", 2_000_000, 100_000)),
                newId("job"), pipeline, List.of(
                        new JudgeUsage("gpt-4.1", 50, 500_000, 50_000),
                        new JudgeUsage("claude-judge", 10, 1_000, 100)));
        TopicProbe.publishEvent(completed, "evt-" + UUID.randomUUID(), TestTenants.ACME);

        // candidate, fine-tuned prices: 1M x 0.80 + 0.1M x 3.20 = 1.12; baseline, base prices: 2M x 0.40 + 0.1M x 1.60 = 0.96;
        // judge gpt-4.1: 0.5M x 2.00 + 0.05M x 8.00 = 1.40; claude-judge has no price.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(pipeline).body("total_usd", equalTo("3.48")));
        report(pipeline)
                .body("unpriced_entries", equalTo(1))
                .body("unpriced_tokens", equalTo(1_100))
                .body("rows", hasSize(3))
                .body("rows.kind", equalTo(List.of("evaluation", "evaluation", "evaluation")))
                .body("rows.find { it.model == 'gpt-4.1-mini' }.amount_usd", equalTo("2.08"))
                .body("rows.find { it.model == 'gpt-4.1' }.amount_usd", equalTo("1.40"))
                .body("rows.find { it.model == 'claude-judge' }.amount_usd", nullValue())
                .body("rows.find { it.model == 'claude-judge' }.tokens", equalTo(1_100));

        // Redelivered twice, then announced again under a new event id: still booked once.
        ConsumerRecord<String, String> original = TopicProbe.awaitRecord(Topics.EVAL_COMPLETED, Duration.ofSeconds(10),
                r -> evalId.equals(r.key())).orElseThrow();
        TopicProbe.redeliver(original);
        TopicProbe.redeliver(original);
        String again = "evt-" + UUID.randomUUID();
        TopicProbe.publishEvent(completed, again, TestTenants.ACME);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(em, "evaluation-spend", again));
        report(pipeline).body("total_usd", equalTo("3.48")).body("rows.entries.sum()", equalTo(4));
    }

    private static ModelSummary summary(String role, String model, long promptTokens, long completionTokens) {
        return new ModelSummary(role, model, 100, 0, 0.9, null, 1.0, null, 800.0, promptTokens, completionTokens, null);
    }

    private static ValidatableResponse report(String pipeline) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParam("group_by", "kind,model").queryParam("pipeline_id", pipeline).queryParam("kind", "evaluation")
                .when().get("/api/v1/spend").then().statusCode(200);
    }
}
