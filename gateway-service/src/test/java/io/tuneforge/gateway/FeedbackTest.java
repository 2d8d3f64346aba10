package io.tuneforge.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.Topics;
import io.tuneforge.events.feedback.FeedbackRecorded;
import io.tuneforge.events.feedback.QualityDegraded;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.gateway.GatewayFixtures.STABLE;
import static io.tuneforge.gateway.GatewayFixtures.call;
import static io.tuneforge.gateway.GatewayFixtures.modelFaults;
import static io.tuneforge.gateway.GatewayFixtures.putAlias;
import static io.tuneforge.gateway.GatewayFixtures.unique;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Feedback on served completions is recorded and announced; a negative trend on the stable model raises quality.degraded once. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class FeedbackTest {

    @Test
    void ratingsAreRecordedAndANegativeTrendRaisesQualityDegradedOnce() {
        modelFaults(Map.of());
        String alias = unique("rated");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);

        String first = completion(alias);
        String feedbackId = feedback(Map.of("completion_id", first, "rating", 4, "comment", "good enough")).statusCode(201)
                .body("alias", equalTo(alias)).body("model", equalTo(STABLE)).body("arm", equalTo("stable"))
                .body("score", equalTo(0.75f)).body("negative", equalTo(false)).extract().path("id");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/feedback/" + feedbackId).then()
                .statusCode(200).body("comment", equalTo("good enough"));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/feedback/" + feedbackId).then().statusCode(404);

        // min-feedback 4 and negative-rate 0.5 in tests: 1 good + 3 bad = 75% negative over 4 ratings.
        for (int i = 0; i < 3; i++) {
            feedback(Map.of("completion_id", completion(alias), "rating", "down", "corrected_output", "billing")).statusCode(201)
                    .body("negative", equalTo(true));
        }
        QualityDegraded alert = await().atMost(Duration.ofSeconds(30)).until(() -> degraded(alias), a -> !a.isEmpty()).get(0);
        assertThat(alert.model()).isEqualTo(STABLE);
        assertThat(alert.feedbackCount()).isEqualTo(4);
        assertThat(alert.negativeCount()).isEqualTo(3);
        assertThat(alert.negativeRate()).isEqualTo(0.75);

        // Debounced: more bad ratings within the period raise nothing new.
        feedback(Map.of("completion_id", completion(alias), "rating", 1)).statusCode(201);
        List<FeedbackRecorded> recorded = await().atMost(Duration.ofSeconds(30)).until(() -> recorded(alias), r -> r.size() == 5);
        assertThat(recorded).filteredOn(FeedbackRecorded::hasCorrectedOutput).hasSize(3);
        assertThat(degraded(alias)).hasSize(1);
    }

    @Test
    void feedbackNeedsAKnownCompletionAndARating() {
        feedback(Map.of("completion_id", "chatcmpl-unknown", "rating", "up")).statusCode(400)
                .body("errors[0].field", equalTo("completion_id"));
        feedback(Map.of("rating", "meh")).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("completion_id", "rating"));
        feedback(Map.of("completion_id", "x", "rating", 6)).statusCode(400).body("errors[0].field", equalTo("rating"));
    }

    private static String completion(String alias) {
        GatewayFixtures.Served served = call(TestTenants.ACME_KEY, alias, null);
        assertThat(served.status()).isEqualTo(200);
        return served.body().path("id").asText();
    }

    private static io.restassured.response.ValidatableResponse feedback(Map<String, Object> body) {
        return given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(body)
                .when().post("/api/v1/feedback").then();
    }

    private static List<QualityDegraded> degraded(String alias) {
        return TopicProbe.readAll(Topics.QUALITY_DEGRADED, Duration.ofSeconds(2)).stream().map(ConsumerRecord::value)
                .map(v -> EventCodec.read(v, QualityDegraded.class)).filter(a -> alias.equals(a.alias())).toList();
    }

    private static List<FeedbackRecorded> recorded(String alias) {
        return TopicProbe.readAll(Topics.FEEDBACK_RECORDED, Duration.ofSeconds(2)).stream().map(ConsumerRecord::value)
                .map(v -> EventCodec.read(v, FeedbackRecorded.class)).filter(a -> alias.equals(a.alias())).toList();
    }
}
