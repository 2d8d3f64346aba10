package io.tuneforge.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;

import java.util.Map;
import java.util.TreeMap;

/**
 * The assistant message a call served, in OpenAI's chat message shape ({@code role} "assistant",
 * {@code content}, {@code tool_calls} when it called tools, {@code refusal} when it refused): what exchange
 * capture keeps. Only the first choice counts ({@code n > 1} answers are rated as one completion).
 */
public final class ServedMessage {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ServedMessage() {
    }

    /** The first choice's message of a whole completion, or null when it has no choice. */
    public static ObjectNode of(ChatCompletion completion) {
        if (completion.choices().isEmpty()) {
            return null;
        }
        JsonNode message = ObjectMappers.jsonMapper().valueToTree(completion.choices().get(0).message());
        ObjectNode served = NODES.objectNode().put("role", "assistant");
        JsonNode content = message.get("content");
        served.set("content", content == null ? NODES.nullNode() : content);
        JsonNode calls = message.get("tool_calls");
        if (calls != null && calls.isArray() && !calls.isEmpty()) {
            served.set("tool_calls", calls);
        }
        JsonNode refusal = message.get("refusal");
        if (refusal != null && refusal.isTextual()) {
            served.set("refusal", refusal);
        }
        return served;
    }

    /** Puts a streamed answer back together from its chunks' deltas, as a whole completion would have carried it. */
    public static final class Assembler {

        private final StringBuilder content = new StringBuilder();
        private boolean hasContent;
        private final StringBuilder refusal = new StringBuilder();
        private boolean hasRefusal;
        /** Tool calls by their stream index: the id, type and name come once, the arguments in pieces. */
        private final Map<Long, ToolCallParts> calls = new TreeMap<>();

        public void add(ChatCompletionChunk chunk) {
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                if (choice.index() != 0) {
                    continue;
                }
                ChatCompletionChunk.Choice.Delta delta = choice.delta();
                delta.content().ifPresent(text -> {
                    content.append(text);
                    hasContent = true;
                });
                delta.refusal().ifPresent(text -> {
                    refusal.append(text);
                    hasRefusal = true;
                });
                delta.toolCalls().ifPresent(parts -> parts.forEach(part -> {
                    ToolCallParts call = calls.computeIfAbsent(part.index(), i -> new ToolCallParts());
                    part.id().ifPresent(id -> call.id = id);
                    part.type().ifPresent(type -> call.type = type.asString());
                    part.function().ifPresent(f -> {
                        f.name().ifPresent(name -> call.name.append(name));
                        f.arguments().ifPresent(call.arguments::append);
                    });
                }));
            }
        }

        public ObjectNode message() {
            ObjectNode served = NODES.objectNode().put("role", "assistant");
            if (hasContent) {
                served.put("content", content.toString());
            } else {
                served.putNull("content");
            }
            if (!calls.isEmpty()) {
                ArrayNode list = served.putArray("tool_calls");
                calls.values().forEach(call -> {
                    ObjectNode c = list.addObject().put("id", call.id).put("type", call.type);
                    c.putObject("function").put("name", call.name.toString()).put("arguments", call.arguments.toString());
                });
            }
            if (hasRefusal) {
                served.put("refusal", refusal.toString());
            }
            return served;
        }

        private static final class ToolCallParts {
            String id;
            String type = "function";
            final StringBuilder name = new StringBuilder();
            final StringBuilder arguments = new StringBuilder();
        }
    }
}
