package io.tuneforge.cost;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.events.Topics;
import io.tuneforge.events.inference.InferenceUsage;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.cost.CostEvents.applied;
import static io.tuneforge.cost.CostEvents.newId;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * inference.usage is inference spend: uncached prompt tokens at the input price, cached ones at the
 * cached price, completions at the output price; once per usage_id, whether it comes again as another
 * event or over REST.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class InferenceUsageTest {

    // A window no other test books spend in.
    private static final Instant WINDOW = Instant.parse("2026-03-10T10:00:00Z");

    @Inject
    EntityManager em;

    @Test
    void usageIsPricedByTokenKindAndCountedOncePerUsageId() {
        String pipeline = newId("pl");
        String usageId = newId("use");
        InferenceUsage usage = new InferenceUsage(usageId, "gpt-4.1-nano", 10, 1_000_000, 400_000, 100_000, WINDOW,
                WINDOW.plusSeconds(60), "gateway", pipeline);
        TopicProbe.publishEvent(usage, "evt-" + UUID.randomUUID(), TestTenants.ACME);
        // The same usage published again by a retrying publisher: a new event id, the same usage_id.
        String again = "evt-" + UUID.randomUUID();
        TopicProbe.publishEvent(usage, again, TestTenants.ACME);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(em, "inference-spend", again));

        // 0.6M x 0.10 + 0.4M x 0.025 + 0.1M x 0.40 = 0.06 + 0.01 + 0.04
        report(pipeline).body("rows", hasSize(1))
                .body("rows[0].kind", equalTo("inference"))
                .body("rows[0].day", equalTo("2026-03-10"))
                .body("rows[0].pipeline_id", equalTo(pipeline))
                .body("rows[0].model", equalTo("gpt-4.1-nano"))
                .body("rows[0].amount_usd", equalTo("0.11"))
                .body("rows[0].tokens", equalTo(1_100_000))
                .body("rows[0].entries", equalTo(1));

        // REST reporting goes the same way: the usage id is already recorded.
        Map<String, Object> sameOverRest = Map.of("kind", "inference", "reference", usageId, "model", "gpt-4.1-nano",
                "input_tokens", 600_000, "cached_input_tokens", 400_000, "output_tokens", 100_000,
                "occurred_at", WINDOW.toString(), "pipeline_id", pipeline);
        usage(sameOverRest).statusCode(200);

        // A fine-tuned model at fine-tuned prices (1M x 0.20), reported over REST for the same pipeline.
        usage(Map.of("kind", "inference", "reference", newId("use"), "model", "ft:gpt-4.1-nano-2025-04-14:acme::x",
                "input_tokens", 1_000_000, "output_tokens", 0, "occurred_at", WINDOW.toString(), "pipeline_id", pipeline))
                .statusCode(201);
        report(pipeline).body("total_usd", equalTo("0.31")).body("rows[0].entries", equalTo(2));
    }

    @Test
    void usageWithMoreCachedThanPromptTokensIsDeadLettered() {
        String usageId = newId("use");
        TopicProbe.publishEvent(new InferenceUsage(usageId, "gpt-4.1-nano", 1, 10, 20, 0, WINDOW, WINDOW, "gateway", null),
                "evt-" + UUID.randomUUID(), TestTenants.ACME);
        assertThat(TopicProbe.awaitRecord(Topics.deadLetterOf(Topics.INFERENCE_USAGE), Duration.ofSeconds(30),
                r -> usageId.equals(r.key()))).as("dead-lettered with the reason").hasValueSatisfying(r ->
                assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("cached_prompt_tokens"));
    }

    private static ValidatableResponse report(String pipeline) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParam("from", "2026-03-10").queryParam("to", "2026-03-10")
                .queryParam("group_by", "day,model,kind,pipeline").queryParam("pipeline_id", pipeline)
                .when().get("/api/v1/spend").then().statusCode(200);
    }

    private static ValidatableResponse usage(Map<String, ?> body) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(body)
                .when().post("/api/v1/spend/usage").then();
    }
}
