package io.tuneforge.eval;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tuneforge.eval.domain.EvalSample;
import io.tuneforge.eval.domain.ReviewPair;
import io.tuneforge.eval.judge.WilsonInterval;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static io.tuneforge.eval.EvalFixtures.BASE_MODEL;
import static io.tuneforge.eval.EvalFixtures.LABEL_REGEX;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Blind A/B review over REST: pairs that do not reveal the model, verdicts, progress, and the gate they drive. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(EvalSiblings.class)
class HumanReviewTest {

    private static final String KEY = TestTenants.ACME_KEY;
    private static final Map<String, Object> TASK = Map.of("kind", "classification", "format", "regex", "regex", LABEL_REGEX);

    @Test
    void reviewersJudgeBlindPairsAndTheirVerdictsReDecideTheRun() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(200, 29, false));
        String tuned = EvalFixtures.fineTune(KEY, datasetId);
        // The human gate counts from three verdicts on (the default is 10).
        String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId, "models", EvalFixtures.models(tuned, BASE_MODEL),
                "task", TASK, "gates", Map.of("min_human_reviews", 3)));
        EvalFixtures.awaitState(KEY, evalId, "completed");
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId).then().body("decision", equalTo("promote"));

        // Ann prefers the base model on three pairs: after two the gate is still pending (the decision stands); the
        // third makes it count: 0% human preference, the gate fails, the decision flips.
        Set<String> sidesSeen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            JsonPath pair = next(evalId, "ann");
            String body = pair.prettify();
            assertThat(body).as("a pair never says which model answered").doesNotContain(tuned).doesNotContain(BASE_MODEL)
                    .doesNotContain("candidate").doesNotContain("baseline");
            assertThat(pair.getString("reference")).isNotBlank();
            assertThat(pair.getList("prompt")).isNotEmpty();
            assertThat(pair.getInt("progress.reviewed_by_you")).isEqualTo(i);
            String candidateSide = candidateSide(evalId, pair);
            sidesSeen.add(candidateSide);
            submit(evalId, pair.getString("pair_id"), candidateSide.equals("A") ? "B" : "A", 2, "ann").statusCode(200);
            if (i == 1) {
                JsonPath pending = summary(evalId);
                assertThat(pending.getString("decision")).as("two verdicts do not decide").isEqualTo("promote");
                assertThat(pending.getString("gate")).isNull();
                assertThat(pending.getInt("min_reviews")).isEqualTo(3);
            }
        }
        String somePair = next(evalId, "carl").getString("pair_id");
        submit(evalId, somePair, "C", null, "carl").statusCode(400).body("detail", containsString("\"A\", \"B\" or \"tie\""));
        submit(evalId, somePair, "A", 7, "carl").statusCode(400).body("detail", containsString("1-5"));
        submit(evalId, "pair_unknown", "A", null, "carl").statusCode(404);

        JsonPath summary = summary(evalId);
        assertThat(summary.getInt("review.reviews")).isEqualTo(3);
        assertThat(summary.getDouble("review.preference_rate")).isZero();
        assertThat(summary.getBoolean("gate.passed")).isFalse();
        assertThat(summary.getString("decision")).isEqualTo("reject");
        JsonPath report = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("decision")).isEqualTo("reject");
        assertThat(report.getBoolean("gates.find { it.gate == 'human_preference' }.passed")).isFalse();
        assertThat(report.getInt("human_review.baseline_preferred")).isEqualTo(3);

        // Bob prefers the fine-tuned answer on every pair, and sends one verdict twice (it replaces the first).
        int pairs = summary.getInt("review.pairs");
        String first = null;
        for (int i = 0; i < pairs; i++) {
            JsonPath pair = next(evalId, "bob");
            String candidateSide = candidateSide(evalId, pair);
            sidesSeen.add(candidateSide);
            first = first == null ? pair.getString("pair_id") : first;
            submit(evalId, pair.getString("pair_id"), candidateSide, 5, "bob").statusCode(200);
        }
        submit(evalId, first, "tie", null, "bob").statusCode(200);
        given().header("Authorization", bearer(KEY)).queryParam("reviewer", "bob").when().get("/api/v1/evals/" + evalId + "/reviews/next")
                .then().statusCode(204);
        assertThat(sidesSeen).as("the fine-tuned answer is shown as A for some pairs and as B for others").containsExactlyInAnyOrder("A", "B");

        summary = summary(evalId);
        long candidatePreferred = pairs - 1;
        long verdicts = 3 + pairs;
        assertThat(summary.getInt("review.reviews")).isEqualTo((int) verdicts);
        assertThat(summary.getInt("review.reviewed_pairs")).isEqualTo(pairs);
        assertThat(summary.getInt("review.ties")).isEqualTo(1);
        WilsonInterval expected = WilsonInterval.of(candidatePreferred, verdicts);
        assertThat(summary.getDouble("review.preference_rate")).isCloseTo(expected.rate(), within(1e-6));
        assertThat(summary.getDouble("review.lower")).isCloseTo(expected.lower(), within(1e-6));
        assertThat(summary.getDouble("review.upper")).isCloseTo(expected.upper(), within(1e-6));
        assertThat(summary.getDouble("review.mean_rating_candidate")).isCloseTo(5.0, within(1e-6));
        assertThat(summary.getString("decision")).as("%s of %s verdicts prefer the fine-tuned model", candidatePreferred, verdicts)
                .isEqualTo("promote");
        given().header("Authorization", bearer(KEY)).queryParam("format", "markdown").when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).body(containsString("## Human review (blind A/B)"))
                .body(containsString("| human_preference | pass |"));

        // Completed (promote), then reject after Ann, then promote after Bob: one eval.completed per decision.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(decisions(evalId, TopicProbe.readAll(Topics.EVAL_COMPLETED))).containsExactly("promote", "reject", "promote"));
        // And no more: read again with a window in which a late extra announcement would show.
        assertThat(decisions(evalId, TopicProbe.readAll(Topics.EVAL_COMPLETED, Duration.ofSeconds(2))))
                .containsExactly("promote", "reject", "promote");
    }

    @Test
    void badVerdictsSayWhatToFixAndABaselineOnlyRunHasNothingToReview() {
        String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(60, 37, false));
        String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId, "models", EvalFixtures.models(null, BASE_MODEL),
                "task", TASK));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/reviews/next").then().statusCode(409);
        EvalFixtures.awaitState(KEY, evalId, "completed");
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/reviews/next")
                .then().statusCode(409).body("detail", containsString("baseline-only"));
        submit(evalId, "pair_x", "C", null, null).statusCode(409);
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/evals/" + evalId + "/reviews/summary")
                .then().statusCode(404);
    }

    private static JsonPath next(String evalId, String reviewer) {
        return given().header("Authorization", bearer(KEY)).queryParam("reviewer", reviewer)
                .when().get("/api/v1/evals/" + evalId + "/reviews/next").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath summary(String evalId) {
        return given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/reviews/summary")
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse submit(String evalId, String pairId, String preference, Integer rating,
                                                                      String reviewer) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("pair_id", pairId);
        body.put("preference", preference);
        if (rating != null) {
            body.put("rating", rating);
        }
        if (reviewer != null) {
            body.put("reviewer", reviewer);
        }
        return given().header("Authorization", bearer(KEY)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/evals/" + evalId + "/reviews").then();
    }

    /** Test-only knowledge (the API never tells): which side holds the fine-tuned answer, checked against the texts shown. */
    private static String candidateSide(String evalId, JsonPath pair) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReviewPair stored = ReviewPair.findById(pair.getString("pair_id"));
            EvalSample candidate = EvalSample.find("runId = ?1 and role = 'candidate' and idx = ?2", evalId, stored.idx).firstResult();
            assertThat(pair.getString(stored.candidateSide.toLowerCase())).isEqualTo(candidate.output);
            return stored.candidateSide;
        });
    }

    private static List<String> decisions(String evalId, List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> evalId.equals(r.key()))
                .map(r -> r.value().replaceAll(".*\"decision\":\"([a-z_]+)\".*", "$1")).toList();
    }
}
