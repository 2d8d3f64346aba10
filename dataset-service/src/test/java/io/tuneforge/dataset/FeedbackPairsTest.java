package io.tuneforge.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.events.Topics;
import io.tuneforge.events.feedback.FeedbackExchange;
import io.tuneforge.events.feedback.FeedbackRecorded;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * DPO pairs from production feedback: feedback.recorded events (published here as the gateway publishes them) become
 * preference pairs of the datasets whose feedback source names the alias, and pending pairs become versions through
 * the upload path (validated, split, announced), against a real broker and database.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class FeedbackPairsTest {

    private static final String KEY = TestTenants.ACME_KEY;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = "You are the support assistant of a bank.";

    @Test
    void correctionsReachingTheThresholdBecomeAValidatedVersionOnceEvenWhenRedelivered() throws Exception {
        String id = createDataset(KEY, "dpo", "feedback-corrections");
        upload(id, baseExamples(12)).statusCode(201).body("status", equalTo("validated"));
        String alias = "support-" + UUID.randomUUID();
        putSource(KEY, id, "{\"alias\":\"" + alias + "\",\"min_new_pairs\":3}").statusCode(201)
                .body("alias", equalTo(alias)).body("min_new_pairs", equalTo(3)).body("auto_version", equalTo(true))
                .body("redact_pii", equalTo(true)).body("counts.pending_pairs", equalTo(0));

        List<String> expected = new ArrayList<>();
        List<FeedbackRecorded> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String prompt = "How do I order a new debit card number " + i + "?";
            String served = "I cannot help with cards.";
            String corrected = "Open the app, choose Cards, then Order a new card " + i + ".";
            FeedbackRecorded feedback = feedback("fb-" + UUID.randomUUID(), "cmpl-" + i, alias, "down", 0.0, true,
                    exchange(prompt, served, corrected));
            sent.add(feedback);
            expected.add(pairLine(prompt, corrected, served));
            TopicProbe.publishEvent(feedback, "evt-" + UUID.randomUUID(), TestTenants.ACME);
        }

        awaitVersion(id, 2).body("status", equalTo("validated")).body("example_count", equalTo(15))
                .body("lineage.mode", equalTo("feedback")).body("lineage.parent_version", equalTo(1))
                .body("lineage.first_uploaded_line", equalTo(13)).body("lineage.uploaded_bytes", nullValue())
                .body("lineage.feedback.alias", equalTo(alias)).body("lineage.feedback.pairs", equalTo(3))
                .body("lineage.feedback.by_rule.correction", equalTo(3)).body("lineage.feedback.trigger", equalTo("auto"))
                .body("lineage.feedback.redacted_pii", equalTo(true));
        List<JsonNode> stored = allSplits(id, 2);
        assertThat(stored).hasSize(15).containsAll(parse(expected));
        assertThat(stored).containsAll(parse(baseExamples(12).lines().toList()));
        ConsumerRecord<String, String> validated = TopicProbe.awaitRecord(Topics.DATASET_VALIDATED, Duration.ofSeconds(30),
                        r -> id.equals(r.key()) && r.value().contains("\"version\":2"))
                .orElseThrow(() -> new AssertionError("no dataset.validated for the feedback version"));
        assertThat(JSON.readTree(validated.value()).path("example_count").asInt()).isEqualTo(15);
        source(KEY, id).body("counts.pending_pairs", equalTo(0)).body("counts.pairs_used", equalTo(3))
                .body("counts.feedback_seen", equalTo(3));

        // The first event again, exactly as it was (at-least-once redelivery), then the same feedback under a new event
        // id, then a marker on the same key (same partition, so it is consumed after both): nothing new is paired.
        ConsumerRecord<String, String> first = TopicProbe.awaitRecord(Topics.FEEDBACK_RECORDED, Duration.ofSeconds(10),
                r -> sent.get(0).feedbackId().equals(r.key())).orElseThrow();
        TopicProbe.redeliver(first);
        TopicProbe.publishEvent(sent.get(0), "evt-" + UUID.randomUUID(), TestTenants.ACME);
        TopicProbe.publishEvent(feedback(sent.get(0).feedbackId(), "cmpl-0", alias, "down", 0.0, true, null),
                "evt-" + UUID.randomUUID(), TestTenants.ACME);
        await().atMost(Duration.ofSeconds(60)).until(() -> source(KEY, id).extract().<Integer>path("counts.feedback_without_exchange") == 1);
        source(KEY, id).body("counts.feedback_seen", equalTo(5)).body("counts.pending_pairs", equalTo(0))
                .body("counts.pairs_used", equalTo(3)).body("counts.unpaired.duplicate_feedback", equalTo(1));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void feedbackOfAnotherTenantOrAliasChangesNothingAndFeedbackWithoutExchangeIsCounted() {
        String alias = "billing-" + UUID.randomUUID();
        String id = createDataset(KEY, "dpo", "feedback-isolation");
        putSource(KEY, id, "{\"alias\":\"" + alias + "\",\"min_new_pairs\":1}").statusCode(201);
        String globex = createDataset(TestTenants.GLOBEX_KEY, "dpo", "feedback-isolation");
        putSource(TestTenants.GLOBEX_KEY, globex, "{\"alias\":\"" + alias + "\",\"min_new_pairs\":5}").statusCode(201);

        // One feedback id (so one key and one partition: consumed in this order), three events.
        String feedbackId = "fb-" + UUID.randomUUID();
        FeedbackExchange corrected = exchange("Why was I charged twice?", "No idea.", "The second charge is a pre-authorisation; it drops off in 3 days.");
        TopicProbe.publishEvent(feedback(feedbackId, "cmpl-g", alias, "down", 0.0, true, corrected), "evt-" + UUID.randomUUID(),
                TestTenants.GLOBEX);
        TopicProbe.publishEvent(feedback(feedbackId, "cmpl-o", "other-" + alias, "down", 0.0, true, corrected),
                "evt-" + UUID.randomUUID(), TestTenants.ACME);
        TopicProbe.publishEvent(feedback(feedbackId, "cmpl-n", alias, "down", 0.0, true, null), "evt-" + UUID.randomUUID(),
                TestTenants.ACME);

        await().atMost(Duration.ofSeconds(60)).until(() -> source(KEY, id).extract().<Integer>path("counts.feedback_without_exchange") == 1);
        source(KEY, id).body("counts.feedback_seen", equalTo(1)).body("counts.pending_pairs", equalTo(0))
                .body("counts.waiting_for_counterpart", equalTo(0));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(200).body("size()", equalTo(0));
        // The other tenant's dataset on the same alias name got its own tenant's feedback, and only that.
        source(TestTenants.GLOBEX_KEY, globex).body("counts.feedback_seen", equalTo(1)).body("counts.pending_pairs", equalTo(1))
                .body("counts.feedback_without_exchange", equalTo(0));
        // Neither tenant sees the other's source.
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/datasets/" + id + "/feedback-source")
                .then().statusCode(404);
    }

    @Test
    void aPositiveAndANegativeAnswerToTheSameInputFromDifferentCompletionsMakeARatedPairBuiltOnDemand() throws Exception {
        String id = createDataset(KEY, "dpo", "feedback-rated");
        upload(id, baseExamples(12)).statusCode(201).body("status", equalTo("validated"));
        String alias = "rated-" + UUID.randomUUID();
        putSource(KEY, id, "{\"alias\":\"" + alias + "\",\"auto_version\":false,\"min_new_pairs\":1}").statusCode(201);
        given().header("Authorization", bearer(KEY)).when().post("/api/v1/datasets/" + id + "/feedback-source/versions")
                .then().statusCode(409).contentType("application/problem+json").body("title", equalTo("No pending feedback pairs"));

        String prompt = "Can I raise my card limit?";
        String good = "Yes: in the app, open Cards, then Limits, and choose a new daily limit.";
        String bad = "Limits cannot be changed.";
        // Whatever order the four are consumed in, the positive answer pairs with the one negative from another completion.
        String feedbackId = "fb-" + UUID.randomUUID();
        TopicProbe.publishEvent(feedback(feedbackId + "-1", "cmpl-1", alias, "up", 1.0, false, exchange(prompt, good, null)),
                "evt-" + UUID.randomUUID(), TestTenants.ACME);
        // Neither positive nor negative (3 stars): no pair, counted.
        TopicProbe.publishEvent(feedback(feedbackId + "-2", "cmpl-2", alias, "3", 0.5, false, exchange(prompt, "Maybe.", null)),
                "evt-" + UUID.randomUUID(), TestTenants.ACME);
        // Negative, but from the completion the positive rating was on: it waits for another positive.
        TopicProbe.publishEvent(feedback(feedbackId + "-3", "cmpl-1", alias, "down", 0.0, true, exchange(prompt, good, null)),
                "evt-" + UUID.randomUUID(), TestTenants.ACME);
        // Negative from another completion; the same input with its message keys in another order and a null tools list.
        FeedbackExchange reordered = new FeedbackExchange(List.of(ordered("content", SYSTEM, "role", "system"),
                ordered("content", prompt, "role", "user")), null, message(bad), null);
        TopicProbe.publishEvent(feedback(feedbackId + "-4", "cmpl-4", alias, "1", 0.0, true, reordered),
                "evt-" + UUID.randomUUID(), TestTenants.ACME);

        await().atMost(Duration.ofSeconds(60)).until(() -> source(KEY, id).extract().<Integer>path("counts.feedback_seen") == 4);
        source(KEY, id).body("counts.pending_pairs", equalTo(1)).body("counts.waiting_for_counterpart", equalTo(1))
                .body("counts.unpaired.neutral_rating", equalTo(1));
        // auto_version is off: nothing is built however many pairs are pending.
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(200).body("size()", equalTo(1));

        given().header("Authorization", bearer(KEY)).when().post("/api/v1/datasets/" + id + "/feedback-source/versions")
                .then().statusCode(201).body("version", equalTo(2)).body("status", equalTo("validated"))
                .body("example_count", equalTo(13)).body("lineage.mode", equalTo("feedback"))
                .body("lineage.feedback.by_rule.rated", equalTo(1)).body("lineage.feedback.trigger", equalTo("on_demand"));
        assertThat(allSplits(id, 2)).contains(JSON.readTree(pairLine(prompt, good, bad)));
        source(KEY, id).body("counts.pending_pairs", equalTo(0)).body("counts.pairs_used", equalTo(1));
        given().header("Authorization", bearer(KEY)).when().post("/api/v1/datasets/" + id + "/feedback-source/versions")
                .then().statusCode(409).body("detail", containsString("no pending feedback pairs"));
    }

    @Test
    void personalDataInAPromptIsRedactedInTheVersion() {
        String id = createDataset(KEY, "dpo", "feedback-pii");
        upload(id, baseExamples(12)).statusCode(201);
        String alias = "pii-" + UUID.randomUUID();
        putSource(KEY, id, "{\"alias\":\"" + alias + "\",\"min_new_pairs\":1}").statusCode(201);
        String prompt = "I am jane.doe@acmebank.io, card 4111 1111 1111 1111 was blocked, please help";
        TopicProbe.publishEvent(feedback("fb-" + UUID.randomUUID(), "cmpl-pii", alias, "down", 0.0, true,
                exchange(prompt, "Card blocked.", "Call us so we can verify you and unblock the card.")), "evt-" + UUID.randomUUID(), TestTenants.ACME);

        awaitVersion(id, 2).body("status", equalTo("validated"));
        String content = allSplits(id, 2).stream().map(JsonNode::toString).collect(Collectors.joining("\n"));
        assertThat(content).doesNotContain("jane.doe@acmebank.io").doesNotContain("4111 1111 1111 1111")
                .contains("I am [EMAIL], card [CARD] was blocked").contains("Call us so we can verify you");
    }

    @Test
    void aRejectedFeedbackVersionLeavesItsPairsPendingAndHoldsAutoVersioning() {
        // No validated version: the pairs alone are the version, and one pair is below OpenAI's 10-example minimum.
        String id = createDataset(KEY, "dpo", "feedback-rejected");
        String alias = "fresh-" + UUID.randomUUID();
        putSource(KEY, id, "{\"alias\":\"" + alias + "\",\"min_new_pairs\":1}").statusCode(201);
        TopicProbe.publishEvent(feedback("fb-" + UUID.randomUUID(), "cmpl-r", alias, "down", 0.0, true,
                exchange("Where is my statement?", "Nowhere.", "Under Accounts, then Statements.")), "evt-" + UUID.randomUUID(), TestTenants.ACME);

        awaitVersion(id, 1).body("status", equalTo("rejected")).body("lineage.mode", equalTo("feedback"))
                .body("lineage.parent_version", nullValue()).body("findings.code", hasItems("too_few_examples"));
        source(KEY, id).body("counts.pending_pairs", equalTo(1)).body("counts.pairs_used", equalTo(0))
                .body("auto_held_until", equalTo(2)).body("building", equalTo(false));
    }

    @Test
    void onlyAPreferenceDatasetTakesAFeedbackSourceAndTheRequestIsChecked() {
        String supervised = DatasetApiTest.createDataset(KEY, "feedback-supervised");
        putSource(KEY, supervised, "{\"alias\":\"support\"}").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://tuneforge.io/problems/not-a-preference-dataset"))
                .body("detail", containsString("method 'dpo'"));

        String id = createDataset(KEY, "dpo", "feedback-settings");
        putSource(KEY, id, "{\"min_new_pairs\":0}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("alias", "min_new_pairs"));
        putSource(KEY, id, "{\"alias\":\"support\",\"min_new_pairs\":5,\"colour\":\"red\"}").statusCode(400)
                .body("errors.field", hasItems("colour"));
        source(KEY, id).statusCode(404);
        putSource(KEY, id, "{\"alias\":\"support\"}").statusCode(201).body("min_new_pairs", equalTo(50))
                .body("auto_version", equalTo(true)).body("redact_pii", equalTo(true))
                .body("counts.unpaired.size()", equalTo(0));
        putSource(KEY, id, "{\"alias\":\"support-v2\",\"min_new_pairs\":7,\"redact_pii\":false}").statusCode(200)
                .body("alias", equalTo("support-v2")).body("min_new_pairs", equalTo(7)).body("redact_pii", equalTo(false));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().delete("/api/v1/datasets/" + id + "/feedback-source")
                .then().statusCode(404);
        given().header("Authorization", bearer(KEY)).when().delete("/api/v1/datasets/" + id + "/feedback-source")
                .then().statusCode(204);
        source(KEY, id).statusCode(404);
        given().header("Authorization", bearer(KEY)).when().post("/api/v1/datasets/" + id + "/feedback-source/versions")
                .then().statusCode(404);
    }

    @Test
    void aMalformedFeedbackEventGoesToTheDeadLetterTopic() {
        String key = "fb-poison-" + UUID.randomUUID();
        TopicProbe.send(Topics.FEEDBACK_RECORDED, key, "{\"feedback_id\":\"" + key + "\"}", Map.of("ce_specversion", "1.0",
                "ce_id", "evt-" + UUID.randomUUID(), "ce_type", "io.tuneforge.feedback.recorded.v1", "ce_source", "/test",
                "ce_tenant", TestTenants.ACME));
        ConsumerRecord<String, String> dead = TopicProbe.awaitRecord(Topics.deadLetterOf(Topics.FEEDBACK_RECORDED),
                Duration.ofSeconds(60), r -> key.equals(r.key())).orElseThrow(() -> new AssertionError("not dead-lettered"));
        assertThat(TopicProbe.header(dead, "dead-letter-reason")).contains("completion_id is missing");
    }

    // ---- helpers

    @Test
    void aReviewerSeesPendingPairsAndRejectsOneBeforeTheVersionIsBuilt() {
        String id = createDataset(KEY, "dpo", "feedback-review");
        upload(id, baseExamples(12)).statusCode(201);
        String alias = "review-" + UUID.randomUUID();
        putSource(KEY, id, "{\"alias\":\"" + alias + "\",\"min_new_pairs\":2,\"auto_version\":false}").statusCode(201);
        TopicProbe.publishEvent(feedback("fb-keep-" + UUID.randomUUID(), "cmpl-keep", alias, "down", 0.0, true,
                exchange("How do I order new cheques?", "You cannot.", "Under Services, then Cheque book.")), "evt-" + UUID.randomUUID(),
                TestTenants.ACME);
        TopicProbe.publishEvent(feedback("fb-drop-" + UUID.randomUUID(), "cmpl-drop", alias, "down", 0.0, true,
                exchange("Is the branch open on Sunday?", "No.", "lol whatever")), "evt-" + UUID.randomUUID(), TestTenants.ACME);
        await().atMost(Duration.ofSeconds(60)).until(() -> source(KEY, id).extract().jsonPath().getInt("counts.pending_pairs") == 2);

        JsonPath pending = pairs(id, "pending").statusCode(200).extract().jsonPath();
        assertThat(pending.getList("data.rule")).containsOnly("correction");
        String drop = pending.getString("data.find { it.example.preferred_output[0].content == 'lol whatever' }.id");
        assertThat(drop).startsWith("fbp_");
        assertThat(pending.getString("data.find { it.id == '" + drop + "' }.example.non_preferred_output[0].content")).isEqualTo("No.");

        given().header("Authorization", bearer(KEY)).when().delete("/api/v1/datasets/" + id + "/feedback-source/pairs/" + drop)
                .then().statusCode(204);
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when()
                .delete("/api/v1/datasets/" + id + "/feedback-source/pairs/" + drop).then().statusCode(404);
        source(KEY, id).body("counts.pending_pairs", equalTo(1)).body("counts.unpaired.rejected_by_reviewer", equalTo(1));

        given().header("Authorization", bearer(KEY)).when().post("/api/v1/datasets/" + id + "/feedback-source/versions")
                .then().statusCode(201).body("status", equalTo("validated")).body("example_count", equalTo(13));
        String content = allSplits(id, 2).stream().map(JsonNode::toString).collect(Collectors.joining("\n"));
        assertThat(content).contains("Under Services, then Cheque book.").doesNotContain("lol whatever");
        JsonPath used = pairs(id, "used").statusCode(200).extract().jsonPath();
        assertThat(used.getList("data.version", Integer.class)).containsExactly(2);
        String kept = used.getString("data[0].id");
        given().header("Authorization", bearer(KEY)).when().delete("/api/v1/datasets/" + id + "/feedback-source/pairs/" + kept)
                .then().statusCode(409).body("detail", containsString("part of version 2"));
        pairs(id, "everything").statusCode(400).body("errors[0].field", equalTo("status"));
    }

    private static ValidatableResponse pairs(String id, String status) {
        return given().header("Authorization", bearer(KEY)).queryParam("status", status)
                .when().get("/api/v1/datasets/" + id + "/feedback-source/pairs").then();
    }

    static String createDataset(String key, String method, String name) {
        return given().header("Authorization", bearer(key)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"method\":\"" + method + "\"}")
                .when().post("/api/v1/datasets").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse upload(String id, String jsonl) {
        return given().header("Authorization", bearer(KEY)).contentType("application/jsonl").body(SampleData.bytes(jsonl))
                .when().post("/api/v1/datasets/" + id + "/versions").then();
    }

    private static ValidatableResponse putSource(String key, String id, String body) {
        return given().header("Authorization", bearer(key)).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/datasets/" + id + "/feedback-source").then();
    }

    private static ValidatableResponse source(String key, String id) {
        return given().header("Authorization", bearer(key)).when().get("/api/v1/datasets/" + id + "/feedback-source").then();
    }

    private static ValidatableResponse awaitVersion(String id, int version) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/" + version)
                        .then().extract().statusCode() == 200);
        return given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/" + version)
                .then().statusCode(200);
    }

    /** Distinct preference examples about banking chores. */
    private static String baseExamples(int n) {
        String[] topics = {"a lost card", "a wire transfer", "overdraft fees", "a savings goal", "a disputed charge",
                "travel notices", "mobile deposits", "closing an account", "a new PIN", "direct debits", "joint accounts",
                "interest rates", "paper statements", "a stolen phone"};
        return IntStream.range(0, n).mapToObj(i -> pairLine("Question " + i + ": what should I know about " + topics[i % topics.length] + "?",
                        "Here is what matters about " + topics[i % topics.length] + ", step by step, case " + i + ".",
                        "No comment on case " + i + "."))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The preference line a correction (or a rated pair) of {@code prompt} must become. */
    private static String pairLine(String prompt, String preferred, String nonPreferred) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("input", Map.of("messages", List.of(Map.of("role", "system", "content", SYSTEM), Map.of("role", "user", "content", prompt))));
        line.put("preferred_output", List.of(Map.of("role", "assistant", "content", preferred)));
        line.put("non_preferred_output", List.of(Map.of("role", "assistant", "content", nonPreferred)));
        try {
            return JSON.writeValueAsString(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static FeedbackExchange exchange(String prompt, String served, String corrected) {
        return new FeedbackExchange(List.of(ordered("role", "system", "content", SYSTEM), ordered("role", "user", "content", prompt)),
                null, message(served), corrected);
    }

    private static Map<String, Object> message(String content) {
        Map<String, Object> output = ordered("role", "assistant", "content", content);
        output.put("refusal", null);
        return output;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static FeedbackRecorded feedback(String feedbackId, String completionId, String alias, String rating, double score,
                                             boolean negative, FeedbackExchange exchange) {
        return new FeedbackRecorded(feedbackId, completionId, alias, "ft:gpt-4o-mini:acme::support", "stable", rating, score,
                negative, false, exchange != null && exchange.correctedOutput() != null, null, exchange);
    }

    private static List<JsonNode> allSplits(String id, int version) {
        List<String> lines = new ArrayList<>();
        for (String split : List.of("train", "validation", "test")) {
            given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/" + version + "/splits/" + split)
                    .then().statusCode(200).extract().asString().lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        return parse(lines);
    }

    private static List<JsonNode> parse(List<String> lines) {
        return lines.stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(l, e);
            }
        }).toList();
    }
}
