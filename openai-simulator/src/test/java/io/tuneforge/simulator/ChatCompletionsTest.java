package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatCompletionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAIClient client = client();

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    private ChatCompletion ask(String model, String question) {
        return client.chat().completions().create(ChatCompletionCreateParams.builder().model(model).addUserMessage(question).build());
    }

    @Test
    void baseModelsAnswerGenericallyDeterministicallyWithRealTokenUsage() {
        ChatCompletion first = ask("gpt-4.1-mini", "How should I plan the migration of our billing database?");
        ChatCompletion again = ask("gpt-4.1-mini", "How should I plan the migration of our billing database?");
        String answer = first.choices().get(0).message().content().orElseThrow();
        assertThat(answer).isEqualTo(again.choices().get(0).message().content().orElseThrow())
                .contains("billing").contains("migration");
        assertThat(first.model()).isEqualTo("gpt-4.1-mini-2025-04-14");
        assertThat(ask("gpt-4o", "What is 12 * 7?").choices().get(0).message().content()).contains("12 * 7 = 84.");

        var enc = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        int expectedPrompt = 3 + 3 + enc.countTokens("user") + enc.countTokens("How should I plan the migration of our billing database?");
        assertThat(first.usage().orElseThrow().promptTokens()).isEqualTo(expectedPrompt);
        assertThat(first.usage().orElseThrow().completionTokens()).isEqualTo(enc.countTokens(answer));
        for (String model : List.of("gpt-4.1", "gpt-4.1-nano", "gpt-4o-mini")) {
            assertThat(ask(model, "Explain caching").choices().get(0).message().content()).isPresent();
        }
    }

    @Test
    void streamingDeliversTheSameAnswerInChunksWithUsage() {
        String plain = ask("gpt-4o-mini", "Describe a good code review").choices().get(0).message().content().orElseThrow();
        StringBuilder streamed = new StringBuilder();
        long usage = -1;
        int chunks = 0;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("Describe a good code review")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            for (ChatCompletionChunk chunk : stream.stream().toList()) {
                chunks++;
                chunk.choices().forEach(c -> c.delta().content().ifPresent(streamed::append));
                if (chunk.usage().isPresent()) {
                    usage = chunk.usage().get().completionTokens();
                }
            }
        }
        assertThat(streamed.toString()).isEqualTo(plain);
        assertThat(chunks).isGreaterThan(3);
        assertThat(usage).isPositive();
    }

    @Test
    void jsonModeAndToolsAreAnsweredInTheirShapes() throws Exception {
        String json = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("Give me the capital of France as JSON").responseFormat(ResponseFormatJsonObject.builder().build()).build())
                .choices().get(0).message().content().orElseThrow();
        assertThat(JSON.readTree(json).isObject()).isTrue();

        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("Capital of France?").responseFormat(ResponseFormatJsonObject.builder().build()).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("must contain the word 'json'");

        ChatCompletion withTool = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4.1")
                .addUserMessage("What is the weather in Paris for 3 days?")
                .addFunctionTool(FunctionDefinition.builder().name("get_weather").description("Get the weather forecast for a city")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties", JsonValue.from(Map.of(
                                        "city", Map.of("type", "string"), "days", Map.of("type", "integer"))))
                                .putAdditionalProperty("required", JsonValue.from(List.of("city", "days"))).build())
                        .build())
                .build());
        assertThat(withTool.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessageToolCall call = withTool.choices().get(0).message().toolCalls().orElseThrow().get(0);
        assertThat(call.asFunction().function().name()).isEqualTo("get_weather");
        JsonNode args = JSON.readTree(call.asFunction().function().arguments());
        assertThat(args.get("city").asText()).isEqualTo("Paris");
        assertThat(args.get("days").asInt()).isEqualTo(3);
    }

    @Test
    void badRequestsGetSpecificErrors() {
        assertThatThrownBy(() -> ask("gpt-9", "hi")).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.code()).contains("model_not_found");
            assertThat(e.getMessage()).contains("The model `gpt-9` does not exist");
        });
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o")
                .addUserMessage("hi").temperature(3.0).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("temperature");
                    assertThat(e.code()).contains("decimal_above_max_value");
                });
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o")
                .messages(List.of()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).contains("empty_array"));
        ChatCompletion cut = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o")
                .addUserMessage("Explain distributed consensus in depth").maxCompletionTokens(5).build());
        assertThat(cut.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
        assertThat(cut.usage().orElseThrow().completionTokens()).isEqualTo(5);
    }

    @Test
    void modelsAreListedRetrievedAndOnlyFineTunedOnesDeletable() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();
        assertThat(ids).contains("gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4o-mini", "gpt-4o-mini-2024-07-18");
        assertThat(client.models().retrieve("gpt-4o").ownedBy()).isEqualTo("system");
        assertThatThrownBy(() -> client.models().delete("gpt-4o")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> client.models().retrieve("ft:gpt-4o-mini-2024-07-18:org:x:nothere")).isInstanceOf(NotFoundException.class);
    }
}
