package io.tuneforge.dataset.validation.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.dataset.validation.report.FindingCode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a list of chat messages against OpenAI's fine-tuning rules (roles, keys, content, weight, names,
 * tool calls matched to tool responses, legacy function calls, vision parts) and measures it. Used for
 * supervised examples and for the input and outputs of preference examples.
 */
final class ConversationCheck {

    static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "name", "weight", "tool_calls", "tool_call_id", "function_call");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_NAME = 1;
    private static final int DIALOGUE_TEXT_LIMIT = 4096;

    private ConversationCheck() {
    }

    static Conversation check(JsonNode messages, String base, LineContext ctx, ToolDeclarations tools) {
        int tokens = 0;
        int trained = 0;
        int images = 0;
        boolean hasSystem = false;
        boolean hasUser = false;
        boolean hasAssistant = false;
        int lastAssistant = -1;
        String lastRole = null;
        String systemPrompt = null;
        String lastAssistantText = null;
        StringBuilder dialogue = new StringBuilder();
        // Tool calls waiting for their tool message: id -> path of the call.
        Map<String, String> pending = new LinkedHashMap<>();
        int pendingFrom = -1;
        Set<String> seenCallIds = new HashSet<>();

        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String path = base + "[" + i + "]";
            if (!m.isObject()) {
                ctx.report(FindingCode.DATA_TYPE, path, "message is " + JsonTypes.describe(m) + ", not an object {\"role\", \"content\"}");
                lastRole = null;
                continue;
            }
            JsonNode roleNode = m.get("role");
            String role = roleNode != null && roleNode.isTextual() ? roleNode.textValue() : null;
            if (roleNode == null) {
                ctx.report(FindingCode.MESSAGE_MISSING_KEY, path, "message missing 'role'");
            } else if (role == null || !ROLES.contains(role)) {
                ctx.report(FindingCode.UNRECOGNIZED_ROLE, path + ".role", "unrecognized role "
                        + (role == null ? JsonTypes.describe(roleNode) : JsonTypes.quote(role)));
            }
            String who = role == null ? "message" : role + " message";
            Iterator<String> keys = m.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!MESSAGE_KEYS.contains(key)) {
                    ctx.report(FindingCode.MESSAGE_UNRECOGNIZED_KEY, path + "." + key, who + " has unrecognized key " + JsonTypes.quote(key));
                }
            }
            boolean assistant = "assistant".equals(role);
            if (!pending.isEmpty() && !"tool".equals(role)) {
                unanswered(pending, ctx);
            }

            tokens += TOKENS_PER_MESSAGE;
            if (role != null) {
                tokens += ctx.countTokens(role);
            }
            int replyTokens = 0;

            // ---- tool calls (modern) and function_call (legacy)
            JsonNode toolCalls = m.get("tool_calls");
            boolean hasCalls = false;
            if (toolCalls != null && !toolCalls.isNull()) {
                if (!assistant) {
                    ctx.report(FindingCode.INVALID_TOOL_CALL, path + ".tool_calls", "tool_calls are only allowed on assistant messages");
                } else if (!toolCalls.isArray() || toolCalls.isEmpty()) {
                    ctx.report(FindingCode.INVALID_TOOL_CALL, path + ".tool_calls", "tool_calls must be a non-empty array");
                } else {
                    hasCalls = true;
                    pendingFrom = i;
                    replyTokens += toolCalls(toolCalls, path + ".tool_calls", ctx, tools, pending, seenCallIds);
                }
            }
            JsonNode functionCall = m.get("function_call");
            if (functionCall != null && !functionCall.isNull()) {
                if (!assistant) {
                    ctx.report(FindingCode.INVALID_TOOL_CALL, path + ".function_call", "function_call is only allowed on assistant messages");
                } else if (!functionCall.isObject() || !functionCall.path("name").isTextual()) {
                    ctx.report(FindingCode.INVALID_TOOL_CALL, path + ".function_call", "function_call must be {\"name\", \"arguments\"}");
                } else {
                    hasCalls = true;
                    replyTokens += ctx.countTokens(functionCall.get("name").textValue());
                    JsonNode args = functionCall.get("arguments");
                    if (args != null && args.isTextual()) {
                        replyTokens += ctx.text(path + ".function_call.arguments", args.textValue());
                    }
                }
            }

            // ---- content
            JsonNode content = m.get("content");
            String text = null;
            if (content == null || content.isNull()) {
                if (!(assistant && hasCalls)) {
                    ctx.report(content == null ? FindingCode.MESSAGE_MISSING_KEY : FindingCode.MISSING_CONTENT,
                            content == null ? path : path + ".content",
                            content == null ? who + " missing 'content'" : who + " has null content");
                }
            } else if (content.isTextual()) {
                text = content.textValue();
                if (text.isBlank() && !(assistant && hasCalls)) {
                    ctx.report(FindingCode.MISSING_CONTENT, path + ".content", who + " has empty content");
                }
                replyTokens += ctx.text(path + ".content", text);
            } else if (content.isArray()) {
                ContentParts parts = ContentPartCheck.check(content, path + ".content", role, ctx);
                images += parts.images();
                replyTokens += parts.tokens();
                text = parts.text();
                if (content.isEmpty() && !(assistant && hasCalls)) {
                    ctx.report(FindingCode.MISSING_CONTENT, path + ".content", who + " has an empty content list");
                }
            } else {
                ctx.report(FindingCode.MISSING_CONTENT, path + ".content",
                        who + " content is " + JsonTypes.describe(content) + "; it must be a string or a list of content parts");
            }
            tokens += replyTokens;

            // ---- name, weight, tool responses
            JsonNode name = m.get("name");
            if (name != null) {
                tokens += TOKENS_PER_NAME;
                if (!name.isTextual()) {
                    ctx.report(FindingCode.INVALID_NAME, path + ".name", "name is " + JsonTypes.describe(name) + ", not a string");
                } else {
                    tokens += ctx.countTokens(name.textValue());
                    if (!NAME.matcher(name.textValue()).matches() && !"function".equals(role)) {
                        ctx.report(FindingCode.INVALID_NAME, path + ".name", "name " + JsonTypes.quote(name.textValue())
                                + " has characters other than letters, digits, '_' and '-'");
                    }
                }
            } else if ("function".equals(role)) {
                ctx.report(FindingCode.MESSAGE_MISSING_KEY, path, "function message missing 'name'");
            }
            boolean trainedOn = assistant;
            JsonNode weight = m.get("weight");
            if (weight != null) {
                if (!assistant) {
                    ctx.report(FindingCode.INVALID_WEIGHT, path + ".weight", "weight is only allowed on assistant messages");
                } else if (!weight.isIntegralNumber() || !(weight.intValue() == 0 || weight.intValue() == 1)) {
                    ctx.report(FindingCode.INVALID_WEIGHT, path + ".weight", "weight is " + weight + "; it must be 0 or 1");
                } else {
                    trainedOn = weight.intValue() == 1;
                }
            }
            JsonNode toolCallId = m.get("tool_call_id");
            if ("tool".equals(role)) {
                if (toolCallId == null || !toolCallId.isTextual()) {
                    ctx.report(FindingCode.MESSAGE_MISSING_KEY, path, "tool message missing 'tool_call_id'");
                } else {
                    tokens += ctx.countTokens(toolCallId.textValue());
                    if (pending.remove(toolCallId.textValue()) == null) {
                        ctx.report(FindingCode.UNMATCHED_TOOL_MESSAGE, path + ".tool_call_id", "tool message answers "
                                + JsonTypes.quote(toolCallId.textValue()) + ", which no earlier assistant tool call has as its id");
                    }
                }
            } else if (toolCallId != null) {
                ctx.report(FindingCode.INVALID_TOOL_CALL, path + ".tool_call_id", "tool_call_id is only allowed on tool messages");
            }

            if (trainedOn) {
                trained += replyTokens;
            }
            if (role != null) {
                switch (role) {
                    case "system", "developer" -> {
                        hasSystem = true;
                        if (i == 0 && text != null) {
                            systemPrompt = text;
                        }
                    }
                    case "user" -> hasUser = true;
                    case "assistant" -> {
                        hasAssistant = true;
                        lastAssistant = i;
                        lastAssistantText = text;
                    }
                    default -> {
                    }
                }
                if (text != null && ("user".equals(role) || assistant) && dialogue.length() < DIALOGUE_TEXT_LIMIT) {
                    dialogue.append(text, 0, Math.min(text.length(), DIALOGUE_TEXT_LIMIT - dialogue.length())).append('\n');
                }
            }
            lastRole = role;
        }
        // Calls in the final assistant message may stay unanswered: the model learns to emit them.
        if (!pending.isEmpty() && pendingFrom != messages.size() - 1) {
            unanswered(pending, ctx);
        }
        return new Conversation(messages.size(), tokens, trained, images, hasSystem, hasUser, hasAssistant, lastAssistant,
                lastRole, systemPrompt, lastAssistantText, dialogue.toString());
    }

    private static int toolCalls(JsonNode calls, String base, LineContext ctx, ToolDeclarations tools,
                                 Map<String, String> pending, Set<String> seenIds) {
        int tokens = 0;
        for (int j = 0; j < calls.size(); j++) {
            JsonNode call = calls.get(j);
            String path = base + "[" + j + "]";
            JsonNode id = call.get("id");
            JsonNode fn = call.get("function");
            JsonNode name = fn == null ? null : fn.get("name");
            JsonNode args = fn == null ? null : fn.get("arguments");
            if (!call.isObject() || id == null || !id.isTextual() || id.textValue().isEmpty()
                    || !"function".equals(call.path("type").asText(null)) || name == null || !name.isTextual()
                    || args == null || !args.isTextual()) {
                ctx.report(FindingCode.INVALID_TOOL_CALL, path, "tool call needs id, type \"function\" and function {name, arguments}");
                if (id != null && id.isTextual()) {
                    pending.put(id.textValue(), path);
                }
                continue;
            }
            if (!seenIds.add(id.textValue())) {
                ctx.report(FindingCode.DUPLICATE_TOOL_CALL_ID, path + ".id", "tool call id " + JsonTypes.quote(id.textValue()) + " is used twice");
            }
            pending.put(id.textValue(), path);
            tokens += ctx.countTokens(name.textValue());
            tokens += ctx.text(path + ".function.arguments", args.textValue());
            if (!ctx.json().isJson(args.textValue())) {
                ctx.report(FindingCode.TOOL_CALL_ARGUMENTS_NOT_JSON, path + ".function.arguments", "arguments are not valid JSON");
            }
            if (!tools.declared()) {
                ctx.report(FindingCode.UNDECLARED_TOOL, path + ".function.name", "calls " + JsonTypes.quote(name.textValue())
                        + " but the example declares no tools");
            } else if (!tools.contains(name.textValue())) {
                ctx.report(FindingCode.UNDECLARED_TOOL, path + ".function.name", "calls " + JsonTypes.quote(name.textValue())
                        + ", which is not among the example's tools");
            }
        }
        return tokens;
    }

    private static void unanswered(Map<String, String> pending, LineContext ctx) {
        pending.forEach((id, path) -> ctx.report(FindingCode.UNANSWERED_TOOL_CALL, path,
                "tool call " + JsonTypes.quote(id) + " has no tool message with its result"));
        pending.clear();
    }
}
