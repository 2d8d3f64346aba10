package io.tuneforge.gateway;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.gateway.domain.InferenceCall;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.BeforeEach;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** An alias resolves and serves through /v1/chat/completions as an OpenAI SDK sees it; errors keep OpenAI's shape. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class AliasGatewayTest {

    @BeforeEach
    void noFaults() {
        modelFaults(Map.of());
    }

    private static OpenAIClient sdk(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(GatewayFixtures.gateway() + "/v1").apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void anAliasServesItsStableModelThroughTheOpenAiSdk() {
        String alias = unique("support");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201)
                .body("stable_model", equalTo(STABLE)).body("live_rollout_id", equalTo(null));

        HttpResponseFor<ChatCompletion> response = sdk(TestTenants.ACME_KEY).chat().completions().withRawResponse()
                .create(ChatCompletionCreateParams.builder().model(alias).addUserMessage("Where is my parcel?").build());
        ChatCompletion completion = response.parse();
        assertThat(completion.choices()).isNotEmpty();
        assertThat(completion.model()).startsWith(STABLE);
        assertThat(response.headers().values("x-tuneforge-model")).containsExactly(STABLE);
        assertThat(response.headers().values("x-tuneforge-arm")).containsExactly("stable");
        assertThat(response.headers().values("x-tuneforge-alias")).containsExactly(alias);

        InferenceCall recorded = QuarkusTransaction.requiringNew().call(() ->
                InferenceCall.byCompletion(TestTenants.ACME, completion.id()).orElseThrow());
        assertThat(recorded.alias).isEqualTo(alias);
        assertThat(recorded.model).isEqualTo(STABLE);
        assertThat(recorded.status).isEqualTo(200);
        assertThat(recorded.promptTokens).isPositive();
        assertThat(recorded.completionTokens).isPositive();

        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/v1/models").then().statusCode(200)
                .body("object", equalTo("list")).body("data.id", hasItem(alias));
    }

    @Test
    void aModelIdIsPassedStraightThroughAndAnotherTenantsAliasIsNotVisible() {
        String alias = unique("acme-only");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);

        GatewayFixtures.Served direct = call(TestTenants.GLOBEX_KEY, "gpt-4.1-mini", null);
        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.arm()).isEqualTo("direct");
        assertThat(direct.model()).isEqualTo("gpt-4.1-mini");

        // For globex the name is no alias: a model id its fallback grant does not cover, so not found.
        GatewayFixtures.Served foreign = call(TestTenants.GLOBEX_KEY, alias, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().path("error").path("code").asText()).isEqualTo("model_not_found");
        assertThat(foreign.body().path("error").path("message").asText()).contains(alias);
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/aliases/" + alias).then().statusCode(404);
    }

    @Test
    void streamingPassesChunksThroughAndBooksTheUsage() {
        String alias = unique("stream");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);
        StringBuilder text = new StringBuilder();
        String id;
        try (StreamResponse<ChatCompletionChunk> stream = sdk(TestTenants.ACME_KEY).chat().completions()
                .createStreaming(ChatCompletionCreateParams.builder().model(alias).addUserMessage("Where is my parcel?").build())) {
            List<ChatCompletionChunk> chunks = stream.stream().toList();
            assertThat(chunks).hasSizeGreaterThan(1);
            // The caller did not ask for usage: the gateway's own usage chunk is not passed on.
            assertThat(chunks).allSatisfy(c -> assertThat(c.choices()).isNotEmpty());
            chunks.forEach(c -> c.choices().get(0).delta().content().ifPresent(text::append));
            id = chunks.get(0).id();
        }
        assertThat(text).isNotEmpty();
        InferenceCall recorded = QuarkusTransaction.requiringNew().call(() -> InferenceCall.byCompletion(TestTenants.ACME, id).orElseThrow());
        assertThat(recorded.streamed).isTrue();
        assertThat(recorded.completionTokens).as("usage from the final chunk the gateway asked for").isPositive();
    }

    @Test
    void providerErrorsKeepTheirStatusAndOpenAiShapeAndCountAsFailures() {
        String alias = unique("broken");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", "gpt-4.1")).statusCode(201);
        modelFaults(Map.of("gpt-4.1", Map.of("error_rate", 1.0)));

        assertThatThrownBy(() -> sdk(TestTenants.ACME_KEY).chat().completions()
                .create(ChatCompletionCreateParams.builder().model(alias).addUserMessage("hello").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.headers().values("x-tuneforge-arm")).containsExactly("stable");
                });
        GatewayFixtures.Served failed = call(TestTenants.ACME_KEY, alias, null);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body().path("error").path("type").asText()).isEqualTo("server_error");
        assertThat(failed.body().path("error").path("message").asText()).contains("server had an error");
        long failures = QuarkusTransaction.requiringNew().call(() -> InferenceCall.count("tenantId = ?1 and alias = ?2 and failed = true",
                TestTenants.ACME, alias));
        assertThat(failures).isEqualTo(2);
    }

    @Test
    void callsWithoutAValidKeyOrModelAreRefusedInOpenAiShape() {
        given().contentType("application/json").body("{\"model\":\"x\",\"messages\":[]}").when().post("/v1/chat/completions")
                .then().statusCode(401).body("error.code", equalTo("invalid_api_key")).body("error.type", equalTo("invalid_request_error"));
        given().header("Authorization", bearer("not-a-key")).contentType("application/json").body("{\"model\":\"x\"}")
                .when().post("/v1/chat/completions").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body("{\"messages\":[]}")
                .when().post("/v1/chat/completions").then().statusCode(400).body("error.param", equalTo("model"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body("{not json")
                .when().post("/v1/chat/completions").then().statusCode(400).body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void theOpenApiDocumentDescribesBothFaces() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/chat/completions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/rollouts/{id}/rollback"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/aliases/{name}/history"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/feedback"));
    }

    @Test
    void changingTheStableModelByHandIsAudited() {
        String alias = unique("audited");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", "gpt-4.1-mini")).statusCode(200).body("stable_model", equalTo("gpt-4.1-mini"));
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", "gpt-4.1-mini", "pipeline_id", "pl_x")).statusCode(200);

        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/aliases/" + alias + "/history").then()
                .statusCode(200).body("data", hasSize(2))
                .body("data[0].cause", equalTo("created")).body("data[0].to_model", equalTo(STABLE))
                .body("data[1].cause", equalTo("manual")).body("data[1].from_model", equalTo(STABLE))
                .body("data[1].to_model", equalTo("gpt-4.1-mini"));
        assertThat(call(TestTenants.ACME_KEY, alias, null).model()).isEqualTo("gpt-4.1-mini");

        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().delete("/api/v1/aliases/" + alias).then().statusCode(204);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/aliases/" + alias).then().statusCode(404);
    }
}
