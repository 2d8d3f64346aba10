package io.tuneforge.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.tuneforge.gateway.GatewayFixtures.STABLE;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Every /v1 answer is what an OpenAI SDK expects: OpenAI's error shape for every status, and an x-request-id. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class OpenAiShapeTest {

    private static void assertOpenAiError(ExtractableResponse<Response> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("x-request-id")).startsWith("req_");
        assertThat(response.jsonPath().getMap("error")).containsKeys("message", "type", "param", "code");
        assertThat(response.jsonPath().getString("error.message")).isNotBlank();
        assertThat(response.jsonPath().getString("type")).isNull();
    }

    @Test
    void unknownPathsAndMethodsAnswerInOpenAisShape() {
        assertOpenAiError(given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body("{}")
                .when().post("/v1/embeddings").then().extract(), 404);
        assertOpenAiError(given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body("{}")
                .when().post("/v1/responses").then().extract(), 404);
        ExtractableResponse<Response> wrongMethod = given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .when().delete("/v1/models/" + STABLE).then().extract();
        assertOpenAiError(wrongMethod, 405);
        assertThat(wrongMethod.jsonPath().getString("error.message")).isEqualTo("Invalid URL (DELETE /v1/models/" + STABLE + ")");
    }

    @Test
    void anUnreadableBodyIsExplainedWithoutParserInternals() {
        ExtractableResponse<Response> bad = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body("{\"model\": \"" + STABLE + "\", \"messages\": [").when().post("/v1/chat/completions").then().extract();
        assertOpenAiError(bad, 400);
        assertThat(bad.jsonPath().getString("error.message")).contains("could not parse the JSON body").doesNotContain("StreamReadFeature")
                .doesNotContain("Source:").doesNotContain("com.fasterxml");
        ExtractableResponse<Response> wrongType = given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .contentType("application/json").body("{\"model\": \"" + STABLE + "\", \"messages\": 7}")
                .when().post("/v1/chat/completions").then().extract();
        assertOpenAiError(wrongType, 400);
        assertThat(wrongType.jsonPath().getString("error.message")).doesNotContain("com.openai").doesNotContain("`");
    }

    @Test
    void aServedCallAndARefusalCarryARequestId() {
        ExtractableResponse<Response> served = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body("{\"model\":\"" + STABLE + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"logprobs\":true,\"top_logprobs\":2}")
                .when().post("/v1/chat/completions").then().statusCode(200).extract();
        assertThat(served.header("x-request-id")).isNotBlank();
        ExtractableResponse<Response> noKey = given().when().get("/v1/models").then().extract();
        assertOpenAiError(noKey, 401);
    }
}
