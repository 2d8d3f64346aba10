package io.tuneforge.simulator.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.simulator.api.OpenAiErrorException;
import io.tuneforge.simulator.api.RequestArguments;
import io.tuneforge.simulator.learning.ChatMessage;
import io.tuneforge.simulator.learning.Completion;
import io.tuneforge.simulator.limits.RateLimiter;
import io.tuneforge.simulator.storage.Identifiers;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * POST /v1/chat/completions: validates the request as OpenAI does, admits it through the rate limiter,
 * asks the named model (fine-tuned: recall from training data, falling back to its parent and then its
 * base), and shapes the answer for tools, JSON mode, stop sequences, max_tokens and streaming. Judge
 * requests (eval-service's convention, {@link JudgeResponder}) get a verdict computed from their texts.
 */
@ApplicationScoped
public class ChatCompletions {

    private static final List<String> ROLES = List.of("system", "developer", "user", "assistant", "tool", "function");
    /** Tokens per streamed delta: enough to see streaming, few enough chunks to stay cheap. */
    private static final int TOKENS_PER_CHUNK = 3;

    private final ObjectMapper json;
    private final FineTunedModels models;
    private final UsageTokens tokens;
    private final RateLimiter limiter;
    private final ToolCaller tools;
    private final JsonAnswer jsonAnswer;
    private final JudgeResponder judge;

    public ChatCompletions(ObjectMapper json, FineTunedModels models, UsageTokens tokens, RateLimiter limiter) {
        this.json = json;
        this.models = models;
        this.tokens = tokens;
        this.limiter = limiter;
        this.tools = new ToolCaller(json);
        this.jsonAnswer = new JsonAnswer(json);
        this.judge = new JudgeResponder(json);
    }

    public ChatOutcome complete(JsonNode body, String organization, String azureDeployment) {
        if (body == null || !body.isObject()) {
            throw OpenAiErrorException.invalid("The request body must be a JSON object.", null);
        }
        RequestArguments.check(body, RequestArguments.CHAT_COMPLETION);
        String model = azureDeployment != null ? azureDeployment : text(body, "model");
        if (model == null) {
            throw OpenAiErrorException.missing("model");
        }
        List<ChatMessage> messages = messages(body.get("messages"));
        ServedModel served = models.resolve(model, organization);
        int n = integer(body, "n", 1, 1, 128);
        Integer maxTokens = null;
        if (body.hasNonNull("max_completion_tokens")) {
            maxTokens = integer(body, "max_completion_tokens", 0, 1, Integer.MAX_VALUE);
        } else if (body.hasNonNull("max_tokens")) {
            maxTokens = integer(body, "max_tokens", 0, 1, Integer.MAX_VALUE);
        }
        double temperature = decimal(body, "temperature", -1, 0, 2);
        decimal(body, "top_p", 1, 0, 1);
        List<String> stops = stops(body.get("stop"));
        boolean logprobs = body.path("logprobs").asBoolean(false);
        int topLogprobs = integer(body, "top_logprobs", 0, 0, 20);
        if (body.hasNonNull("top_logprobs") && !logprobs) {
            throw OpenAiErrorException.invalid("Invalid value for 'top_logprobs': 'logprobs' must be set to true when 'top_logprobs' is used.",
                    "top_logprobs", "invalid_value");
        }
        JsonNode responseFormat = body.path("response_format");
        String formatType = responseFormat.path("type").asText("text");
        if (!List.of("text", "json_object", "json_schema").contains(formatType)) {
            throw OpenAiErrorException.invalid("Invalid value: '" + formatType + "'. Supported values are: 'text', 'json_object' and 'json_schema'.",
                    "response_format.type", "invalid_value");
        }
        if (formatType.equals("json_object") && messages.stream().noneMatch(m -> m.content().toLowerCase(Locale.ROOT).contains("json"))) {
            throw OpenAiErrorException.invalid("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
                    "messages");
        }
        if (formatType.equals("json_schema") && !responseFormat.path("json_schema").has("schema")) {
            throw OpenAiErrorException.missing("response_format.json_schema.schema");
        }
        JsonNode toolList = body.get("tools");
        if (toolList != null && !toolList.isNull() && !toolList.isArray()) {
            throw OpenAiErrorException.invalid("Invalid type for 'tools': expected an array.", "tools", "invalid_type");
        }
        int promptTokens = tokens.countConversation(messages) + (toolList == null || toolList.isNull() ? 0 : tokens.count(toolList.toString()));
        if (maxTokens != null && maxTokens > served.base().maxOutputTokens()) {
            throw OpenAiErrorException.invalid("max_tokens is too large: " + maxTokens + ". This model supports at most "
                    + served.base().maxOutputTokens() + " completion tokens, whereas you provided " + maxTokens + ".", "max_tokens",
                    "invalid_value");
        }
        if (promptTokens + (maxTokens == null ? 0 : maxTokens) > served.base().contextWindow()) {
            throw OpenAiErrorException.invalid("This model's maximum context length is " + served.base().contextWindow() + " tokens. However, "
                    + "your messages resulted in " + promptTokens + " tokens. Please reduce the length of the messages.", "messages",
                    "context_length_exceeded");
        }
        Map<String, String> headers = limiter.admit(organization, model, promptTokens + (maxTokens == null ? 0 : maxTokens));

        String prompt = promptText(messages);
        boolean lastIsTool = messages.get(messages.size() - 1).role().equals("tool");
        String id = Identifiers.next("chatcmpl-");
        long created = Instant.now().getEpochSecond();
        List<ObjectNode> choices = new ArrayList<>();
        int completionTokens = 0;
        // A judge request (see JudgeResponder) is answered from the texts it compares, by any model.
        Optional<String> verdict = judge.reply(responseFormat, messages);
        for (int i = 0; i < n; i++) {
            Random sampler = temperature > 0 ? new Random((body.hasNonNull("seed") ? body.get("seed").asLong() : prompt.hashCode()) * 31 + i) : null;
            Completion answer = verdict.isPresent() ? Completion.text(verdict.get())
                    : answer(served, messages, prompt, sampler, temperature, organization);
            ObjectNode message = json.createObjectNode();
            message.put("role", "assistant");
            String finish = "stop";
            Optional<JsonNode> call = Optional.empty();
            ArrayNode contentLogprobs = logprobs ? json.createArrayNode() : null;
            if (toolList != null && toolList.isArray() && !toolList.isEmpty()) {
                call = answer.isToolCall() ? recalledCall(answer, toolList) : tools.choose(toolList, body.get("tool_choice"), prompt, lastIsTool)
                        .map(f -> functionCall(f.path("name").asText(), tools.arguments(f, prompt)));
            }
            if (call.isPresent()) {
                ArrayNode calls = json.createArrayNode();
                ObjectNode c = calls.addObject();
                c.put("id", "call_" + Identifiers.random(24));
                c.put("type", "function");
                c.set("function", call.get());
                message.putNull("content");
                message.set("tool_calls", calls);
                finish = "tool_calls";
                completionTokens += tokens.count(call.get().toString());
            } else {
                String content = answer.isToolCall() ? answer.toolCalls().toString() : answer.content();
                if (!formatType.equals("text")) {
                    content = jsonAnswer.shape(content, responseFormat);
                }
                for (String stop : stops) {
                    int at = content.indexOf(stop);
                    if (at >= 0) {
                        content = content.substring(0, at);
                    }
                }
                int[] contentTokens = tokens.tokens(content);
                if (maxTokens != null && contentTokens.length > maxTokens) {
                    content = tokens.decode(Arrays.copyOf(contentTokens, maxTokens));
                    contentTokens = Arrays.copyOf(contentTokens, maxTokens);
                    finish = "length";
                }
                completionTokens += contentTokens.length;
                message.put("content", content);
                contentLogprobs = logprobs ? tokenLogprobs(contentTokens, topLogprobs) : null;
            }
            message.putNull("refusal");
            message.set("annotations", json.createArrayNode());
            ObjectNode choice = json.createObjectNode();
            choice.put("index", i);
            choice.set("message", message);
            if (contentLogprobs == null) {
                choice.putNull("logprobs");
            } else {
                ObjectNode lp = choice.putObject("logprobs");
                lp.set("content", contentLogprobs);
                lp.putNull("refusal");
            }
            choice.put("finish_reason", finish);
            choices.add(choice);
        }
        ObjectNode usage = usage(promptTokens, completionTokens);
        String fingerprint = "fp_sim" + Integer.toHexString(Math.abs(model.hashCode())).substring(0, 4);
        String responseModel = served.fineTuned() ? model : served.base().snapshot();
        if (body.path("stream").asBoolean(false)) {
            boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
            return new ChatOutcome(null, chunks(id, created, responseModel, fingerprint, choices, includeUsage, usage), headers);
        }
        ObjectNode completion = json.createObjectNode();
        completion.put("id", id);
        completion.put("object", "chat.completion");
        completion.put("created", created);
        completion.put("model", responseModel);
        ArrayNode choiceArray = completion.putArray("choices");
        choices.forEach(choiceArray::add);
        completion.set("usage", usage);
        completion.put("service_tier", "default");
        completion.put("system_fingerprint", fingerprint);
        return new ChatOutcome(completion, null, headers);
    }

    private Completion answer(ServedModel served, List<ChatMessage> messages, String prompt, Random sampler, double temperature,
                              String organization) {
        ServedModel current = served;
        while (current.fineTuned()) {
            Optional<Completion> recalled = current.trained().answer(prompt, sampler, temperature);
            if (recalled.isPresent()) {
                return recalled.get();
            }
            if (current.parent() == null) {
                break;
            }
            current = models.resolve(current.parent(), organization);
        }
        return Completion.text(BaseModelResponder.answer(messages, served.base()));
    }

    /** A tool call the fine-tuned model learned, kept only if the request offers that function. */
    private Optional<JsonNode> recalledCall(Completion answer, JsonNode toolList) {
        JsonNode calls = answer.toolCalls();
        JsonNode first = calls.isArray() ? calls.get(0) : calls;
        JsonNode function = first.has("function") ? first.get("function") : first;
        String name = function.path("name").asText();
        for (JsonNode t : toolList) {
            if (t.path("function").path("name").asText().equals(name)) {
                JsonNode args = function.get("arguments");
                ObjectNode call = json.createObjectNode();
                call.put("name", name);
                call.put("arguments", args == null ? "{}" : args.isTextual() ? args.asText() : args.toString());
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    private ObjectNode functionCall(String name, ObjectNode arguments) {
        ObjectNode call = json.createObjectNode();
        call.put("name", name);
        call.put("arguments", arguments.toString());
        return call;
    }

    /**
     * The stream: with {@code include_usage} every chunk carries {@code "usage": null} and a last chunk with no
     * choices carries the usage, as OpenAI streams it.
     */
    private List<String> chunks(String id, long created, String model, String fingerprint, List<ObjectNode> choices,
                                boolean includeUsage, ObjectNode usage) {
        List<String> chunks = new ArrayList<>();
        for (ObjectNode choice : choices) {
            int index = choice.get("index").asInt();
            JsonNode message = choice.get("message");
            ObjectNode first = json.createObjectNode();
            first.put("role", "assistant");
            if (message.has("tool_calls")) {
                first.putNull("content");
                chunks.add(chunk(id, created, model, fingerprint, includeUsage, index, first, null));
                JsonNode call = message.get("tool_calls").get(0);
                ObjectNode head = json.createObjectNode();
                ObjectNode headCall = head.putArray("tool_calls").addObject();
                headCall.put("index", 0);
                headCall.put("id", call.get("id").asText());
                headCall.put("type", "function");
                headCall.putObject("function").put("name", call.path("function").path("name").asText()).put("arguments", "");
                chunks.add(chunk(id, created, model, fingerprint, includeUsage, index, head, null));
                for (String piece : pieces(call.path("function").path("arguments").asText())) {
                    ObjectNode delta = json.createObjectNode();
                    ObjectNode d = delta.putArray("tool_calls").addObject();
                    d.put("index", 0);
                    d.putObject("function").put("arguments", piece);
                    chunks.add(chunk(id, created, model, fingerprint, includeUsage, index, delta, null));
                }
            } else {
                first.put("content", "");
                first.putNull("refusal");
                chunks.add(chunk(id, created, model, fingerprint, includeUsage, index, first, null));
                JsonNode lp = choice.path("logprobs").path("content");
                int at = 0;
                for (String piece : pieces(message.get("content").asText())) {
                    ObjectNode delta = json.createObjectNode();
                    delta.put("content", piece);
                    ObjectNode c = chunkNode(id, created, model, fingerprint, includeUsage, index, delta, null);
                    if (lp.isArray()) {
                        ArrayNode slice = json.createArrayNode();
                        for (int k = at; k < Math.min(lp.size(), at + TOKENS_PER_CHUNK); k++) {
                            slice.add(lp.get(k));
                        }
                        ObjectNode chunkLogprobs = ((ObjectNode) c.get("choices").get(0)).putObject("logprobs");
                        chunkLogprobs.set("content", slice);
                        chunkLogprobs.putNull("refusal");
                    }
                    at += TOKENS_PER_CHUNK;
                    chunks.add(c.toString());
                }
            }
            chunks.add(chunk(id, created, model, fingerprint, includeUsage, index, json.createObjectNode(), choice.get("finish_reason").asText()));
        }
        if (includeUsage) {
            ObjectNode last = base(id, created, model, fingerprint);
            last.putArray("choices");
            last.set("usage", usage);
            chunks.add(last.toString());
        }
        return chunks;
    }

    private String chunk(String id, long created, String model, String fingerprint, boolean includeUsage, int index, ObjectNode delta,
                         String finish) {
        return chunkNode(id, created, model, fingerprint, includeUsage, index, delta, finish).toString();
    }

    private ObjectNode chunkNode(String id, long created, String model, String fingerprint, boolean includeUsage, int index,
                                 ObjectNode delta, String finish) {
        ObjectNode chunk = base(id, created, model, fingerprint);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", index);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    /**
     * Log probabilities of the answer's tokens, as OpenAI returns them. The simulator has no real distribution:
     * each chosen token gets a probability from 0.55 to 0.99 derived from the token and its position (so the
     * same answer has the same figures), and the alternatives, neighbouring token ids, share part of the rest
     * in decreasing order; the chosen token is always the most likely, as in greedy decoding.
     */
    private ArrayNode tokenLogprobs(int[] contentTokens, int top) {
        ArrayNode content = json.createArrayNode();
        for (int i = 0; i < contentTokens.length; i++) {
            int token = contentTokens[i];
            double p = 0.55 + 0.44 * ((Integer.toUnsignedLong((token * 31 + i) * 0x9E3779B1) % 1000) / 1000.0);
            ObjectNode entry = logprobEntry(token, Math.log(p));
            ArrayNode alternatives = entry.putArray("top_logprobs");
            if (top > 0) {
                alternatives.add(logprobEntry(token, Math.log(p)));
                double rest = 1 - p;
                for (int k = 1; k < top; k++) {
                    rest *= 0.5;
                    alternatives.add(logprobEntry((token + k) % 199_000, Math.log(rest)));
                }
            }
            content.add(entry);
        }
        return content;
    }

    private ObjectNode logprobEntry(int token, double logprob) {
        ObjectNode entry = json.createObjectNode();
        String text = tokens.decode(new int[] {token});
        entry.put("token", text);
        entry.put("logprob", logprob);
        ArrayNode bytes = entry.putArray("bytes");
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        return entry;
    }

    private ObjectNode base(String id, long created, String model, String fingerprint) {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        chunk.put("service_tier", "default");
        chunk.put("system_fingerprint", fingerprint);
        return chunk;
    }

    private List<String> pieces(String text) {
        int[] all = tokens.tokens(text);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < all.length; i += TOKENS_PER_CHUNK) {
            pieces.add(tokens.decode(Arrays.copyOfRange(all, i, Math.min(all.length, i + TOKENS_PER_CHUNK))));
        }
        return pieces;
    }

    private ObjectNode usage(int prompt, int completion) {
        ObjectNode usage = json.createObjectNode();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return usage;
    }

    /** The same text retrieval was trained on: every message's content, in order. */
    static String promptText(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        for (ChatMessage m : messages) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(m.content());
        }
        return text.toString();
    }

    private List<ChatMessage> messages(JsonNode node) {
        if (node == null || node.isNull()) {
            throw OpenAiErrorException.missing("messages");
        }
        if (!node.isArray()) {
            throw OpenAiErrorException.invalid("Invalid type for 'messages': expected an array of objects.", "messages", "invalid_type");
        }
        if (node.isEmpty()) {
            throw OpenAiErrorException.invalid("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
                    "messages", "empty_array");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode m = node.get(i);
            String role = m.path("role").asText(null);
            if (role == null) {
                throw OpenAiErrorException.invalid("Missing required parameter: 'messages[" + i + "].role'.", "messages[" + i + "].role",
                        "missing_required_parameter");
            }
            if (!ROLES.contains(role)) {
                throw OpenAiErrorException.invalid("Invalid value: '" + role + "'. Supported values are: 'system', 'assistant', 'user', "
                        + "'function', 'tool', and 'developer'.", "messages[" + i + "].role", "invalid_value");
            }
            messages.add(ChatMessage.from(m));
        }
        return messages;
    }

    private static List<String> stops(JsonNode node) {
        List<String> stops = new ArrayList<>();
        if (node == null || node.isNull()) {
            return stops;
        }
        if (node.isTextual()) {
            stops.add(node.asText());
        } else if (node.isArray()) {
            if (node.size() > 4) {
                throw OpenAiErrorException.invalid("Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length "
                        + node.size() + " instead.", "stop", "array_above_max_length");
            }
            node.forEach(s -> stops.add(s.asText()));
        }
        stops.removeIf(String::isEmpty);
        return stops;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static int integer(JsonNode body, String field, int fallback, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw OpenAiErrorException.invalid("Invalid type for '" + field + "': expected an integer, but got " + value + " instead.", field,
                    "invalid_type");
        }
        int v = value.asInt();
        if (v < min) {
            throw OpenAiErrorException.invalid("Invalid '" + field + "': integer below minimum value. Expected a value >= " + min + ", but got " + v
                    + " instead.", field, "integer_below_min_value");
        }
        if (v > max) {
            throw OpenAiErrorException.invalid("Invalid '" + field + "': integer above maximum value. Expected a value <= " + max + ", but got " + v
                    + " instead.", field, "integer_above_max_value");
        }
        return v;
    }

    private static double decimal(JsonNode body, String field, double fallback, double min, double max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw OpenAiErrorException.invalid("Invalid type for '" + field + "': expected a decimal, but got " + value + " instead.", field,
                    "invalid_type");
        }
        double v = value.asDouble();
        if (v < min) {
            throw OpenAiErrorException.invalid("Invalid '" + field + "': decimal below minimum value. Expected a value >= " + min + ", but got " + v
                    + " instead.", field, "decimal_below_min_value");
        }
        if (v > max) {
            throw OpenAiErrorException.invalid("Invalid '" + field + "': decimal above maximum value. Expected a value <= " + max + ", but got " + v
                    + " instead.", field, "decimal_above_max_value");
        }
        return v;
    }
}
