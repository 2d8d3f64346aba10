package io.tuneforge.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.Topics;
import io.tuneforge.events.feedback.FeedbackExchange;
import io.tuneforge.events.feedback.FeedbackRecorded;
import io.tuneforge.gateway.capture.ExchangePurge;
import io.tuneforge.gateway.domain.CapturedExchange;
import io.tuneforge.gateway.domain.InferenceCall;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static io.tuneforge.gateway.GatewayFixtures.STABLE;
import static io.tuneforge.gateway.GatewayFixtures.chat;
import static io.tuneforge.gateway.GatewayFixtures.modelFaults;
import static io.tuneforge.gateway.GatewayFixtures.putAlias;
import static io.tuneforge.gateway.GatewayFixtures.startRollout;
import static io.tuneforge.gateway.GatewayFixtures.unique;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Exchange capture: an alias that captures keeps what each call was asked (messages and tools as sent) and
 * what it served (plain or streamed), and feedback on such a completion carries that exchange in
 * feedback.recorded and on GET /api/v1/feedback/{id}. Nothing is kept for other aliases, direct calls or
 * exchanges over the size cap (32 KiB in tests); expired exchanges are purged; tenants stay apart.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class ExchangeCaptureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<Map<String, Object>> MESSAGES = List.of(
            Map.of("role", "system", "content", "You route support tickets. Answer with the queue only."),
            Map.of("role", "user", "content", "My card was charged twice for order 4411."));
    private static final List<Map<String, Object>> TOOLS = List.of(Map.of("type", "function", "function", Map.of(
            "name", "route_ticket",
            "description", "Route a support ticket to a queue",
            "parameters", Map.of("type", "object",
                    "properties", Map.of("queue", Map.of("type", "string", "enum", List.of("billing", "shipping")),
                            "priority", Map.of("type", "integer", "minimum", 1, "maximum", 3)),
                    "required", List.of("queue")))));

    @Inject
    ExchangePurge purge;

    @Inject
    Clock clock;

    @BeforeEach
    void noFaults() {
        modelFaults(Map.of());
    }

    @Test
    void theCaptureSettingIsKeptOnAReplaceThatOmitsIt() {
        String alias = unique("setting");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201)
                .body("capture.enabled", equalTo(false)).body("capture.retention_days", equalTo(30));
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE, "capture", Map.of("enabled", true, "retention_days", 7)))
                .statusCode(200).body("capture.enabled", equalTo(true)).body("capture.retention_days", equalTo(7));
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", "gpt-4.1-mini")).statusCode(200)
                .body("capture.enabled", equalTo(true)).body("capture.retention_days", equalTo(7));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/aliases/" + alias).then().statusCode(200)
                .body("capture.enabled", equalTo(true)).body("capture.retention_days", equalTo(7));
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE, "capture", Map.of("enabled", false))).statusCode(200)
                .body("capture.enabled", equalTo(false)).body("capture.retention_days", equalTo(30));
    }

    @Test
    void feedbackOnACapturedCompletionCarriesWhatWasSentAndServed() {
        String alias = capturingAlias(7);
        Map<String, Object> request = request(alias, "none");
        GatewayFixtures.Served served = chat(TestTenants.ACME_KEY, request);
        assertThat(served.status()).isEqualTo(200);
        String completion = served.body().path("id").asText();
        Map<String, Object> answer = message(served.body().path("choices").path(0).path("message"));
        assertThat(answer.get("content")).asString().isNotBlank();

        String feedbackId = feedback(TestTenants.ACME_KEY, completion, "down", "billing").statusCode(201)
                .body("exchange.messages[1].content", equalTo(MESSAGES.get(1).get("content")))
                .body("exchange.corrected_output", equalTo("billing")).extract().path("id");

        FeedbackRecorded event = recorded(feedbackId);
        assertThat(event.hasCorrectedOutput()).isTrue();
        FeedbackExchange exchange = event.exchange();
        assertThat(exchange).as("the alias captures: the event carries the exchange").isNotNull();
        assertThat(exchange.messages()).isEqualTo(MESSAGES);
        assertThat(exchange.tools()).isEqualTo(TOOLS);
        assertThat(exchange.output()).isEqualTo(answer);
        assertThat(exchange.correctedOutput()).isEqualTo("billing");

        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/feedback/" + feedbackId).then().statusCode(200)
                .body("exchange.messages[0].role", equalTo("system"))
                .body("exchange.tools[0].function.name", equalTo("route_ticket"))
                .body("exchange.output.role", equalTo("assistant"))
                .body("exchange.output.content", equalTo(answer.get("content")))
                .body("exchange.corrected_output", equalTo("billing"));

        InferenceCall call = callOf(completion);
        assertThat(call.captureSkipped).isNull();
        CapturedExchange row = stored(completion).orElseThrow();
        assertThat(row.alias).isEqualTo(alias);
        assertThat(row.arm).isEqualTo("stable");
        assertThat(Duration.between(row.capturedAt, row.expiresAt)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aStreamedCallIsCapturedWithItsAssembledAnswerAndToolCall() throws Exception {
        String alias = capturingAlias(30);

        List<JsonNode> chunks = stream(request(alias, "none"));
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> {
            JsonNode content = c.path("choices").path(0).path("delta").path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            }
        });
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(text).isNotEmpty();
        FeedbackExchange exchange = recorded(feedback(TestTenants.ACME_KEY, chunks.get(0).path("id").asText(), "up", null)
                .statusCode(201).extract().path("id")).exchange();
        assertThat(exchange).isNotNull();
        assertThat(exchange.messages()).isEqualTo(MESSAGES);
        assertThat(exchange.output()).containsEntry("role", "assistant").containsEntry("content", text.toString())
                .doesNotContainKey("tool_calls");
        assertThat(exchange.correctedOutput()).isNull();

        // A streamed tool call arrives in pieces (id and name first, the arguments in fragments): it is stored whole.
        List<JsonNode> callChunks = stream(request(alias, "required"));
        StringBuilder arguments = new StringBuilder();
        String callId = null;
        for (JsonNode c : callChunks) {
            JsonNode call = c.path("choices").path(0).path("delta").path("tool_calls").path(0);
            if (call.hasNonNull("id")) {
                callId = call.get("id").asText();
            }
            arguments.append(call.path("function").path("arguments").asText(""));
        }
        assertThat(callId).isNotNull();
        assertThat(callChunks.size()).as("the arguments came in more than one fragment").isGreaterThan(3);
        FeedbackExchange called = recorded(feedback(TestTenants.ACME_KEY, callChunks.get(0).path("id").asText(), 2, "billing")
                .statusCode(201).extract().path("id")).exchange();
        assertThat(called.output().get("content")).isNull();
        assertThat(called.output().get("tool_calls")).isEqualTo(List.of(Map.of("id", callId, "type", "function",
                "function", Map.of("name", "route_ticket", "arguments", arguments.toString()))));
        assertThat(JSON.readTree(arguments.toString()).path("queue").asText()).isIn("billing", "shipping");
    }

    @Test
    void theCandidateArmOfARolloutIsCapturedToo() {
        String alias = capturingAlias(30);
        String rollout = startRollout(TestTenants.ACME_KEY, Map.of("alias", alias, "candidate_model", "gpt-4.1-mini", "steps", List.of(100),
                "min_requests", 1000, "min_duration_seconds", 3600)).statusCode(201).extract().path("id");
        try {
            GatewayFixtures.Served served = chat(TestTenants.ACME_KEY, request(alias, "none"));
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.arm()).isEqualTo("candidate");
            String completion = served.body().path("id").asText();
            FeedbackRecorded event = recorded(feedback(TestTenants.ACME_KEY, completion, "up", null).statusCode(201).extract().path("id"));
            assertThat(event.arm()).isEqualTo("candidate");
            assertThat(event.model()).isEqualTo("gpt-4.1-mini");
            assertThat(event.exchange().output()).isEqualTo(message(served.body().path("choices").path(0).path("message")));
        } finally {
            given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(Map.of())
                    .when().post("/api/v1/rollouts/" + rollout + "/rollback").then().statusCode(200);
        }
    }

    @Test
    void anAliasWithoutCaptureAndADirectCallKeepNothing() {
        String alias = unique("private");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);
        for (String model : List.of(alias, "gpt-4.1-mini")) {
            GatewayFixtures.Served served = chat(TestTenants.ACME_KEY, request(model, "none"));
            assertThat(served.status()).isEqualTo(200);
            String completion = served.body().path("id").asText();
            String feedbackId = feedback(TestTenants.ACME_KEY, completion, "down", "billing").statusCode(201)
                    .body("exchange", nullValue()).extract().path("id");
            FeedbackRecorded event = recorded(feedbackId);
            assertThat(event.exchange()).as(model).isNull();
            assertThat(event.hasCorrectedOutput()).isTrue();
            assertThat(stored(completion)).as(model).isEmpty();
            assertThat(callOf(completion).captureSkipped).isNull();
            given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/feedback/" + feedbackId).then()
                    .statusCode(200).body("exchange", nullValue()).body("corrected_output", equalTo("billing"));
        }
    }

    @Test
    void anExchangeOverTheSizeCapIsNotKeptAndTheCallSaysWhy() {
        String alias = capturingAlias(30);
        Map<String, Object> request = new LinkedHashMap<>(request(alias, "none"));
        // 40 000 characters of prompt: over the 32 KiB cap of the tests, well inside the model's context.
        request.put("messages", List.of(Map.of("role", "user", "content", "Where is my parcel? ".repeat(2_000))));
        GatewayFixtures.Served served = chat(TestTenants.ACME_KEY, request);
        assertThat(served.status()).as("the caller is served all the same").isEqualTo(200);
        String completion = served.body().path("id").asText();
        assertThat(callOf(completion).captureSkipped).isEqualTo("too_large");
        assertThat(stored(completion)).isEmpty();
        assertThat(recorded(feedback(TestTenants.ACME_KEY, completion, "down", null).statusCode(201).extract().path("id")).exchange())
                .isNull();
    }

    @Test
    void thePurgeDeletesExchangesPastTheirRetentionOnly() {
        String shortLived = capturingAlias(1);
        String kept = capturingAlias(30);
        List<String> expiring = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expiring.add(completion(TestTenants.ACME_KEY, shortLived));
        }
        String staying = completion(TestTenants.ACME_KEY, kept);
        expiring.forEach(id -> assertThat(stored(id)).as(id).isPresent());

        // Shortening the retention later does not move what was captured before: the expiry is on the row.
        putAlias(TestTenants.ACME_KEY, kept, Map.of("stable_model", STABLE, "capture", Map.of("enabled", true, "retention_days", 1)))
                .statusCode(200);
        Instant twoDaysOn = clock.instant().plus(Duration.ofDays(2));
        // Batches of 2 in tests: three expired rows take more than one batch.
        assertThat(purge.purgeExpired(twoDaysOn)).isGreaterThanOrEqualTo(3);
        expiring.forEach(id -> assertThat(stored(id)).as(id).isEmpty());
        assertThat(stored(staying)).isPresent();
        assertThat(purge.purgeExpired(twoDaysOn)).as("nothing left to delete at that time").isZero();

        // Rated after the purge: the exchange is gone, the feedback is recorded without it.
        assertThat(recorded(feedback(TestTenants.ACME_KEY, expiring.get(0), "up", null).statusCode(201).extract().path("id")).exchange())
                .isNull();
        assertThat(recorded(feedback(TestTenants.ACME_KEY, staying, "up", null).statusCode(201).extract().path("id")).exchange())
                .isNotNull();
    }

    @Test
    void anotherTenantCannotRateOrReadACapturedCompletion() {
        String alias = capturingAlias(30);
        String completion = completion(TestTenants.ACME_KEY, alias);
        feedback(TestTenants.GLOBEX_KEY, completion, "down", "leak it").statusCode(400).body("errors[0].field", equalTo("completion_id"));
        String feedbackId = feedback(TestTenants.ACME_KEY, completion, "up", null).statusCode(201).extract().path("id");
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/feedback/" + feedbackId).then().statusCode(404);
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/feedback").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(feedbackId)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> CapturedExchange.of(TestTenants.GLOBEX, completion))).isEmpty();
    }

    private static String capturingAlias(int retentionDays) {
        String alias = unique("captured");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE, "capture", Map.of("enabled", true, "retention_days", retentionDays)))
                .statusCode(201).body("capture.enabled", equalTo(true));
        return alias;
    }

    private static Map<String, Object> request(String model, String toolChoice) {
        return Map.of("model", model, "messages", MESSAGES, "tools", TOOLS, "tool_choice", toolChoice);
    }

    private static String completion(String key, String alias) {
        GatewayFixtures.Served served = chat(key, request(alias, "none"));
        assertThat(served.status()).isEqualTo(200);
        return served.body().path("id").asText();
    }

    /** The assistant message as the exchange keeps it: role, content, and tool_calls when there are any. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> message(JsonNode served) {
        Map<String, Object> all = JSON.convertValue(served, Map.class);
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("role", all.get("role"));
        kept.put("content", all.get("content"));
        if (all.get("tool_calls") instanceof List<?> calls && !calls.isEmpty()) {
            kept.put("tool_calls", calls);
        }
        return kept;
    }

    /** A streamed call through the gateway: the JSON of every event before [DONE]. */
    private static List<JsonNode> stream(Map<String, Object> body) throws Exception {
        Map<String, Object> streamed = new LinkedHashMap<>(body);
        streamed.put("stream", true);
        HttpRequest request = HttpRequest.newBuilder(URI.create(GatewayFixtures.gateway() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestTenants.ACME_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(streamed))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                chunks.add(JSON.readTree(line.substring("data: ".length())));
            }
        }
        assertThat(response.body()).contains("data: [DONE]");
        return chunks;
    }

    private static ValidatableResponse feedback(String key, String completion, Object rating, String corrected) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("completion_id", completion);
        body.put("rating", rating);
        if (corrected != null) {
            body.put("corrected_output", corrected);
        }
        return given().header("Authorization", bearer(key)).contentType("application/json").body(body).when().post("/api/v1/feedback").then();
    }

    private static FeedbackRecorded recorded(String feedbackId) {
        return TopicProbe.awaitRecord(Topics.FEEDBACK_RECORDED, Duration.ofSeconds(30), r -> feedbackId.equals(r.key()))
                .map(r -> EventCodec.read(r.value(), FeedbackRecorded.class)).orElseThrow(() -> new AssertionError(
                        "no feedback.recorded for " + feedbackId));
    }

    private static InferenceCall callOf(String completion) {
        return QuarkusTransaction.requiringNew().call(() -> InferenceCall.byCompletion(TestTenants.ACME, completion).orElseThrow());
    }

    private static Optional<CapturedExchange> stored(String completion) {
        return QuarkusTransaction.requiringNew().call(() -> CapturedExchange.of(TestTenants.ACME, completion));
    }
}
