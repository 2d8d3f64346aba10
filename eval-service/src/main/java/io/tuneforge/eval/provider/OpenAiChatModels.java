package io.tuneforge.eval.provider;

import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.RateLimitException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.tuneforge.provider.OpenAiClients;
import io.tuneforge.provider.ProviderConnection;
import io.tuneforge.provider.ProviderUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tuneforge.eval.EvalConfig;

import java.util.List;

/**
 * Chat completions through openai-java. The client retries 429/5xx itself a bounded number of times
 * (honouring {@code retry-after}); what is still failing after that is turned into
 * {@link ProviderThrottled} / {@link ProviderUnavailable} so the run slows down instead of losing the sample.
 */
@ApplicationScoped
public class OpenAiChatModels implements ChatModels {

    @Inject
    OpenAiClients clients;

    @Inject
    EvalConfig config;

    @Override
    public ModelAnswer answer(ProviderConnection connection, String model, List<PromptMessage> prompt, StructuredOutput format) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(model)
                // Greedy decoding: an evaluation must be repeatable.
                .temperature(0.0).maxCompletionTokens(config.provider().maxTokens());
        for (PromptMessage message : prompt) {
            switch (message.role()) {
                case "system" -> params.addSystemMessage(message.content());
                case "developer" -> params.addDeveloperMessage(message.content());
                case "assistant" -> params.addAssistantMessage(message.content());
                default -> params.addUserMessage(message.content());
            }
        }
        if (format != null) {
            ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
            format.schema().forEach((k, v) -> schema.putAdditionalProperty(k, JsonValue.from(v)));
            params.responseFormat(ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                    .name(format.name()).strict(true).schema(schema.build()).build()).build());
        }
        long started = System.nanoTime();
        // The raw response carries the x-ratelimit-* headers the run paces itself by.
        try (HttpResponseFor<ChatCompletion> response = clients.client(connection).chat().completions().withRawResponse().create(params.build())) {
            ChatCompletion completion = response.parse();
            long latency = (System.nanoTime() - started) / 1_000_000;
            String text = completion.choices().isEmpty() ? "" : completion.choices().get(0).message().content().orElse("");
            int promptTokens = completion.usage().map(u -> (int) u.promptTokens()).orElse(0);
            int completionTokens = completion.usage().map(u -> (int) u.completionTokens()).orElse(0);
            return new ModelAnswer(text, latency, promptTokens, completionTokens, RateLimitSnapshot.of(response.headers()));
        } catch (RateLimitException e) {
            throw new ProviderThrottled(e.getMessage(), RetryAfter.of(e.headers()));
        } catch (OpenAIServiceException e) {
            if (e.statusCode() >= 500 || e.statusCode() == 408 || e.statusCode() == 409) {
                throw new ProviderUnavailable("provider answered " + e.statusCode() + ": " + e.getMessage(), e);
            }
            throw new ProviderRefused(e.statusCode(), e.getMessage());
        } catch (OpenAIIoException e) {
            throw new ProviderUnavailable("provider unreachable: " + e.getMessage(), e);
        }
    }
}
