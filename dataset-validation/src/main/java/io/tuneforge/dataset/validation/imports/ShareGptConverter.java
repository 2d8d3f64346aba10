package io.tuneforge.dataset.validation.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ShareGPT (FastChat, LLaMA-Factory): conversations of {from, value}. Roles: system, human/user, gpt/assistant
 * (and chatgpt, bard, bing, model), function_call (an assistant tool call; the value is {"name", "arguments"} or a
 * list of them), observation/tool/function_response (the tool's answer, matched to the oldest unanswered call).
 * Tool calls get ids call_1, call_2 ... in the order they appear, since ShareGPT has none. {@code tools} (a JSON
 * string or list of function declarations) becomes OpenAI's top-level tools list.
 */
final class ShareGptConverter implements RecordConverter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("conversations", "system", "tools");
    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("system", "system"), Map.entry("human", "user"), Map.entry("user", "user"),
            Map.entry("gpt", "assistant"), Map.entry("assistant", "assistant"), Map.entry("chatgpt", "assistant"),
            Map.entry("bard", "assistant"), Map.entry("bing", "assistant"), Map.entry("model", "assistant"),
            Map.entry("function_call", "function_call"), Map.entry("observation", "tool"), Map.entry("tool", "tool"),
            Map.entry("function_response", "tool"), Map.entry("tool_response", "tool"));

    @Override
    public ObjectNode convert(JsonNode record, Conversion c) throws SkipRecord {
        JsonNode conversations = record.get("conversations");
        if (conversations == null || !conversations.isArray() || conversations.isEmpty()) {
            throw new SkipRecord("'conversations' is missing or empty");
        }
        ArrayNode messages = Conversion.NODES.arrayNode();
        String system = Conversion.optionalText(record, "system");
        if (system != null) {
            messages.add(Conversion.message("system", system));
            c.map("system", "messages[0] system content");
        }
        Deque<String> unanswered = new ArrayDeque<>();
        int calls = 0;
        for (int i = 0; i < conversations.size(); i++) {
            String where = "conversations[" + i + "]";
            JsonNode turn = conversations.get(i);
            String from = turn.path("from").isTextual() ? turn.get("from").textValue() : turn.path("role").isTextual() ? turn.get("role").textValue() : null;
            JsonNode value = turn.has("value") ? turn.get("value") : turn.get("content");
            if (from == null || value == null || !value.isTextual()) {
                throw new SkipRecord(where + " is not a {\"from\", \"value\"} turn with a string value");
            }
            String role = ROLES.get(from.toLowerCase(Locale.ROOT));
            if (role == null) {
                throw new SkipRecord(where + ".from is '" + from + "', which has no OpenAI role");
            }
            switch (role) {
                case "function_call" -> {
                    ObjectNode m = Conversion.NODES.objectNode();
                    m.put("role", "assistant");
                    ArrayNode toolCalls = m.putArray("tool_calls");
                    JsonNode parsed = parse(value.textValue(), where);
                    for (JsonNode call : parsed.isArray() ? parsed : JSON.createArrayNode().add(parsed)) {
                        String id = "call_" + (++calls);
                        toolCalls.add(toolCall(id, call, where));
                        unanswered.add(id);
                    }
                    messages.add(m);
                    c.map("from=function_call value {name, arguments}", "assistant tool_calls[] (id call_<n>, arguments as a JSON string)");
                }
                case "tool" -> {
                    if (unanswered.isEmpty()) {
                        throw new SkipRecord(where + " (" + from + ") answers no earlier function_call");
                    }
                    ObjectNode m = Conversion.NODES.objectNode();
                    m.put("role", "tool");
                    m.put("tool_call_id", unanswered.poll());
                    m.put("content", value.textValue());
                    messages.add(m);
                    c.map("from=" + from + " value", "tool message content (tool_call_id of the oldest unanswered call)");
                }
                default -> {
                    messages.add(Conversion.message(role, value.textValue()));
                    c.map("from=" + from + " value", role + " content");
                }
            }
        }
        ObjectNode example = Conversion.chat(messages);
        JsonNode tools = record.get("tools");
        if (tools != null && !tools.isNull() && !(tools.isTextual() && tools.textValue().isBlank())) {
            example.set("tools", tools(tools));
            c.map(tools.isTextual() ? "tools (JSON string)" : "tools", "tools[] {type: function, function}");
        }
        c.dropUnknownKeys(record, KEYS);
        return example;
    }

    private static ObjectNode toolCall(String id, JsonNode call, String where) throws SkipRecord {
        if (!call.isObject() || !call.path("name").isTextual()) {
            throw new SkipRecord(where + " function_call has no \"name\"");
        }
        JsonNode arguments = call.get("arguments");
        String encoded;
        if (arguments == null || arguments.isNull()) {
            encoded = "{}";
        } else if (arguments.isTextual()) {
            encoded = arguments.textValue();
        } else {
            encoded = arguments.toString();
        }
        ObjectNode tc = Conversion.NODES.objectNode();
        tc.put("id", id);
        tc.put("type", "function");
        ObjectNode function = tc.putObject("function");
        function.put("name", call.get("name").textValue());
        function.put("arguments", encoded);
        return tc;
    }

    private static ArrayNode tools(JsonNode tools) throws SkipRecord {
        JsonNode list = tools.isTextual() ? parse(tools.textValue(), "tools") : tools;
        if (!list.isArray()) {
            throw new SkipRecord("'tools' is not a list of function declarations");
        }
        ArrayNode out = Conversion.NODES.arrayNode();
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            if (t.path("type").asText("").equals("function") && t.path("function").isObject()) {
                out.add(t.deepCopy()); // already OpenAI's shape
            } else if (t.path("name").isTextual()) {
                ObjectNode wrapped = out.addObject();
                wrapped.put("type", "function");
                wrapped.set("function", t.deepCopy());
            } else {
                throw new SkipRecord("tools[" + i + "] is not a function declaration with a \"name\"");
            }
        }
        return out;
    }

    private static JsonNode parse(String json, String where) throws SkipRecord {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new SkipRecord(where + " is empty where JSON was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SkipRecord(where + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
