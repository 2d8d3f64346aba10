package io.tuneforge.gateway.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.tuneforge.provider.OpenAiClients;
import io.tuneforge.provider.ProviderConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The only place the gateway talks to a provider: the caller's chat request goes through openai-java
 * (the same clients as eval-service, from provider-accounts) with the resolved model. The request is read
 * into openai-java's own body type, which keeps fields it does not know, so newer request fields still
 * reach the provider; the completion goes back to the caller as openai-java serialises it.
 */
@ApplicationScoped
public class ChatUpstream {

    /** Provider headers worth passing back: the caller's SDK paces itself and retries by them. */
    private static final List<String> PASSED_HEADERS = List.of("retry-after", "retry-after-ms", "x-ratelimit-limit-requests",
            "x-ratelimit-limit-tokens", "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens",
            "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens", "x-request-id");

    @Inject
    OpenAiClients clients;

    /** @param keepMessage whether the reply should carry the assistant message served (exchange capture) */
    public UpstreamReply complete(ProviderConnection connection, ObjectNode request, boolean keepMessage) {
        ChatCompletionCreateParams params = params(request);
        try (HttpResponseFor<ChatCompletion> response = clients.client(connection).chat().completions().withRawResponse().create(params)) {
            ChatCompletion completion = response.parse();
            return new UpstreamReply(completion.id(), write(completion), TokenUsage.of(completion.usage()), passed(response.headers()),
                    keepMessage ? ServedMessage.of(completion) : null);
        } catch (OpenAIServiceException e) {
            throw failure(e);
        } catch (OpenAIIoException e) {
            throw unreachable(e);
        }
    }

    /**
     * Opens a streamed completion. A provider error arrives here, before anything is sent to the caller,
     * so it can still be answered with its own status; the caller then pipes the chunks.
     */
    public OpenStream stream(ProviderConnection connection, ObjectNode request) {
        ChatCompletionCreateParams params = params(request);
        try {
            HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw = clients.client(connection).chat().completions().withRawResponse()
                    .createStreaming(params);
            return new OpenStream(raw.parse(), passed(raw.headers()));
        } catch (OpenAIServiceException e) {
            throw failure(e);
        } catch (OpenAIIoException e) {
            throw unreachable(e);
        }
    }

    /** An open stream of chunks from the provider. */
    public static final class OpenStream implements AutoCloseable {

        private final StreamResponse<ChatCompletionChunk> response;
        private final Map<String, String> headers;

        OpenStream(StreamResponse<ChatCompletionChunk> response, Map<String, String> headers) {
            this.response = response;
            this.headers = headers;
        }

        /** The provider's headers worth passing on (its x-request-id, rate-limit state), known before the first chunk. */
        public Map<String, String> headers() {
            return headers;
        }

        /**
         * Hands each chunk to {@code onChunk} as the JSON of one SSE event.
         *
         * @param forwardUsageChunk whether the caller asked for the final usage-only chunk (the gateway always asks for it)
         * @param keepMessage       whether to assemble the assistant message from the deltas (exchange capture)
         * @return the completion id, the token usage of the final usage chunk and, if asked, the assembled message
         * @throws UpstreamFailure the stream broke off
         */
        public UpstreamReply pipeTo(Consumer<String> onChunk, boolean forwardUsageChunk, boolean keepMessage) {
            String id = null;
            TokenUsage usage = TokenUsage.NONE;
            ServedMessage.Assembler assembler = keepMessage ? new ServedMessage.Assembler() : null;
            try {
                for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) response.stream()::iterator) {
                    id = chunk.id();
                    if (assembler != null) {
                        assembler.add(chunk);
                    }
                    boolean usageOnly = chunk.choices().isEmpty() && chunk.usage().isPresent();
                    if (chunk.usage().isPresent()) {
                        usage = TokenUsage.of(chunk.usage());
                    }
                    if (!usageOnly || forwardUsageChunk) {
                        onChunk.accept(write(chunk));
                    }
                }
            } catch (OpenAIServiceException e) {
                throw failure(e);
            } catch (OpenAIIoException e) {
                throw unreachable(e);
            }
            return new UpstreamReply(id, null, usage, Map.of(), assembler == null ? null : assembler.message());
        }

        @Override
        public void close() {
            response.close();
        }
    }

    private static ChatCompletionCreateParams params(ObjectNode request) {
        ObjectNode body = request.deepCopy();
        // openai-java sets "stream" itself (create vs createStreaming).
        body.remove("stream");
        try {
            return ChatCompletionCreateParams.builder()
                    .body(ObjectMappers.jsonMapper().treeToValue(body, ChatCompletionCreateParams.Body.class)).build();
        } catch (JsonProcessingException e) {
            // Which field, not the mapper's wording (it names Java types and parser settings).
            String field = e instanceof JsonMappingException m ? where(m) : "";
            throw new UpstreamFailure(400, OpenAiErrors.body("invalid_request_error", field.isEmpty() ? null : field, "invalid_request",
                    field.isEmpty() ? "The request body is not a valid chat completion request."
                            : "Invalid value for '" + field + "': it does not have the type the chat completion request expects."),
                    Map.of(), false);
        }
    }

    /**
     * The provider's refusal in OpenAI's shape, never its body as sent: a connection may point somewhere that is no
     * provider, whose body must not reach the caller. An OpenAI-shaped error keeps its message (cut to
     * {@value #MAX_MESSAGE} characters) and its {@code type}, {@code param} and {@code code} when they are plain
     * identifiers; anything else becomes a message naming only the status.
     */
    static UpstreamFailure failure(OpenAIServiceException e) {
        int status = e.statusCode();
        JsonNode error = null;
        try {
            JsonNode tree = ObjectMappers.jsonMapper().valueToTree(e.body());
            error = tree == null ? null : tree.has("error") ? tree.get("error") : tree;
        } catch (IllegalArgumentException unreadable) {
            // not JSON: answered with the generic message below
        }
        String fallbackType = status >= 500 ? "server_error" : status == 429 ? "requests" : "invalid_request_error";
        String json;
        if (error != null && error.isObject() && error.path("message").isTextual()) {
            String message = error.get("message").asText();
            json = OpenAiErrors.body(identifier(error.get("type")).orElse(fallbackType), identifier(error.get("param")).orElse(null),
                    identifier(error.get("code")).orElse(null), message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message);
        } else {
            json = OpenAiErrors.body(fallbackType, null, status >= 500 ? "upstream_error" : null, "The provider answered "
                    + status + " without an error the gateway can pass on.");
        }
        return new UpstreamFailure(status, json, passed(e.headers()), status >= 500 || status == 408);
    }

    private static final int MAX_MESSAGE = 2000;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,100}");

    private static Optional<String> identifier(JsonNode value) {
        return value != null && value.isTextual() && IDENTIFIER.matcher(value.asText()).matches()
                ? Optional.of(value.asText()) : Optional.empty();
    }

    /** {@code messages[0].content}: where in the request a value did not fit. */
    private static String where(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static UpstreamFailure unreachable(OpenAIIoException e) {
        boolean timeout = e.getCause() instanceof InterruptedIOException || e.getMessage() != null && e.getMessage().contains("timeout");
        return timeout
                ? new UpstreamFailure(504, OpenAiErrors.body("server_error", null, "upstream_timeout",
                "The provider did not answer in time."), Map.of(), true)
                : new UpstreamFailure(502, OpenAiErrors.body("server_error", null, "upstream_unreachable",
                "The provider could not be reached."), Map.of(), true);
    }

    private static Map<String, String> passed(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : PASSED_HEADERS) {
            List<String> values = headers.values(name);
            if (!values.isEmpty()) {
                out.put(name, values.get(0));
            }
        }
        return out;
    }

    private static String write(Object value) {
        try {
            return ObjectMappers.jsonMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("openai-java could not write its own " + value.getClass().getSimpleName(), e);
        }
    }
}
