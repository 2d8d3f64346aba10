package io.tuneforge.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonField;
import com.openai.core.JsonValue;
import com.openai.core.http.Headers;
import com.openai.errors.UnexpectedStatusCodeException;
import com.openai.models.ErrorObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a provider answered never reaches the caller as sent: OpenAI's error shape, with only what is safe to pass on. */
class UpstreamErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static UpstreamFailure answered(int status, Object body) {
        return ChatUpstream.failure(UnexpectedStatusCodeException.builder().statusCode(status)
                .headers(Headers.builder().put("x-request-id", "req_upstream").put("set-cookie", "session=1").build())
                .error((JsonField<ErrorObject>) (JsonField<?>) JsonValue.from(body)).build());
    }

    @Test
    void aBodyThatIsNoOpenAiErrorIsReplacedByAMessageNamingTheStatus() throws Exception {
        UpstreamFailure failure = answered(403, Map.of("Code", "Success", "AccessKeyId", "ASIA-metadata-secret",
                "SecretAccessKey", "wJalr-secret"));
        assertThat(failure.body()).doesNotContain("secret").doesNotContain("AccessKeyId");
        JsonNode error = JSON.readTree(failure.body()).get("error");
        assertThat(error.get("message").asText()).isEqualTo("The provider answered 403 without an error the gateway can pass on.");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(failure.status()).isEqualTo(403);
        assertThat(failure.headers()).containsEntry("x-request-id", "req_upstream").doesNotContainKey("set-cookie");
    }

    @Test
    void anOpenAiErrorKeepsItsMessageAndOnlyIdentifierLikeFields() throws Exception {
        UpstreamFailure failure = answered(400, Map.of("error", Map.of("message", "This model's maximum context length is 128000 tokens.",
                "type", "invalid_request_error", "param", "messages", "code", "<script>alert(1)</script>", "extra", "dropped")));
        JsonNode error = JSON.readTree(failure.body()).get("error");
        assertThat(error.get("message").asText()).isEqualTo("This model's maximum context length is 128000 tokens.");
        assertThat(error.get("param").asText()).isEqualTo("messages");
        assertThat(error.get("code").isNull()).isTrue();
        assertThat(error.has("extra")).isFalse();
        assertThat(failure.countsAsFailure()).isFalse();
    }
}
