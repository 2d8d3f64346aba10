package io.tuneforge.dataset.validation.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.dataset.validation.report.FindingCode;
import java.util.Iterator;
import java.util.Set;

/**
 * Decides what a parsed line is (supervised chat, preference pair, a foreign format) and runs the matching
 * structure checks.
 */
public final class ExampleCheck {

    private static final Set<String> CHAT_KEYS = Set.of("messages", "tools", "parallel_tool_calls", "functions");
    private static final Set<String> PREFERENCE_KEYS = Set.of("input", "preferred_output", "non_preferred_output");
    private static final Set<String> PREFERENCE_INPUT_KEYS = Set.of("messages", "tools", "parallel_tool_calls");
    private static final int REPLY_PRIMING = 3;

    private ExampleCheck() {
    }

    public static CheckedExample check(JsonNode example, LineContext ctx) {
        if (!example.isObject()) {
            ctx.report(FindingCode.DATA_TYPE, "", "line is " + JsonTypes.describe(example) + ", not a JSON object");
            return CheckedExample.unusable(DatasetKind.UNKNOWN, null);
        }
        ForeignFormat foreign = FormatSniffer.detect(example);
        if (foreign != null) {
            ctx.report(FindingCode.UNSUPPORTED_FORMAT, "", "example is in " + foreign.label() + " format, not OpenAI chat format",
                    foreign.conversion());
            return CheckedExample.unusable(DatasetKind.FOREIGN, foreign);
        }
        if (example.has("messages")) {
            return chat(example, ctx);
        }
        if (example.has("input") || example.has("preferred_output") || example.has("non_preferred_output")) {
            return preference(example, ctx);
        }
        ctx.report(FindingCode.MISSING_MESSAGES_LIST, "", "example has no \"messages\" list (keys: " + keys(example) + ")");
        return CheckedExample.unusable(DatasetKind.UNKNOWN, null);
    }

    private static CheckedExample chat(JsonNode example, LineContext ctx) {
        unknownKeys(example, CHAT_KEYS, "", ctx);
        JsonNode messages = example.get("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            ctx.report(FindingCode.MISSING_MESSAGES_LIST, "messages", "messages is " + describeList(messages) + "; it must be a non-empty array");
            return CheckedExample.unusable(DatasetKind.CHAT, null);
        }
        ToolDeclarations tools = ToolDeclarations.read(example, "", ctx);
        Conversation c = ConversationCheck.check(messages, "messages", ctx, tools);
        if (!c.hasAssistant()) {
            ctx.report(FindingCode.EXAMPLE_MISSING_ASSISTANT_MESSAGE, "messages", "example has no assistant message");
        } else if (!c.hasUser()) {
            ctx.report(FindingCode.EXAMPLE_MISSING_USER_MESSAGE, "messages", "example has no user message");
        }
        checkImages(c.images(), ctx);
        int tokens = c.tokens() + tools.tokens() + REPLY_PRIMING;
        return new CheckedExample(DatasetKind.CHAT, null, c, tokens, c.trainedTokens(), messages, null, null);
    }

    private static CheckedExample preference(JsonNode example, LineContext ctx) {
        unknownKeys(example, PREFERENCE_KEYS, "", ctx);
        JsonNode input = example.get("input");
        JsonNode messages = null;
        ToolDeclarations tools = new ToolDeclarations();
        if (input == null || input.isNull()) {
            ctx.report(FindingCode.DPO_MISSING_KEY, "input", "preference example missing 'input'");
        } else if (input.isArray()) {
            ctx.report(FindingCode.DPO_INPUT_SHORTHAND, "input", "input is a bare message list; it was accepted and normalized to {\"messages\": [...]}");
            messages = input;
        } else if (input.isObject()) {
            unknownKeys(input, PREFERENCE_INPUT_KEYS, "input.", ctx);
            messages = input.get("messages");
            tools = ToolDeclarations.read(input, "input.", ctx);
            if (messages == null || !messages.isArray() || messages.isEmpty()) {
                ctx.report(FindingCode.MISSING_MESSAGES_LIST, "input.messages", "input.messages is " + describeList(messages)
                        + "; it must be a non-empty array");
                messages = null;
            }
        } else {
            ctx.report(FindingCode.DPO_MISSING_KEY, "input", "input is " + JsonTypes.describe(input) + "; it must be {\"messages\": [...]}");
        }
        Conversation c = null;
        int tokens = REPLY_PRIMING + tools.tokens();
        if (messages != null) {
            c = ConversationCheck.check(messages, "input.messages", ctx, tools);
            tokens += c.tokens();
            checkImages(c.images(), ctx);
            if ("assistant".equals(c.lastRole())) {
                ctx.report(FindingCode.DPO_INPUT_ENDS_WITH_ASSISTANT, "input.messages", "input ends with an assistant message");
            }
        }
        JsonNode preferred = example.get("preferred_output");
        JsonNode nonPreferred = example.get("non_preferred_output");
        Conversation p = output(preferred, "preferred_output", ctx, tools);
        Conversation n = output(nonPreferred, "non_preferred_output", ctx, tools);
        int trained = 0;
        if (p != null) {
            tokens += p.tokens();
            trained += p.trainedTokens();
        }
        if (n != null) {
            tokens += n.tokens();
            trained += n.trainedTokens();
        }
        if (p != null && n != null && preferred.equals(nonPreferred)) {
            ctx.report(FindingCode.DPO_IDENTICAL_OUTPUTS, "non_preferred_output", "preferred and non-preferred outputs are identical");
        }
        return new CheckedExample(DatasetKind.PREFERENCE, null, c, tokens, trained, messages,
                p == null ? null : preferred, n == null ? null : nonPreferred);
    }

    private static Conversation output(JsonNode output, String path, LineContext ctx, ToolDeclarations tools) {
        if (output == null || output.isNull()) {
            ctx.report(FindingCode.DPO_MISSING_KEY, path, "preference example missing '" + path + "'");
            return null;
        }
        if (!output.isArray() || output.size() != 1) {
            ctx.report(FindingCode.DPO_INVALID_OUTPUT, path, path + " is " + describeList(output) + "; it must be a list of exactly one assistant message");
            return null;
        }
        Conversation c = ConversationCheck.check(output, path, ctx, tools);
        if (!c.hasAssistant()) {
            ctx.report(FindingCode.DPO_INVALID_OUTPUT, path + "[0]", path + " must be an assistant message");
            return null;
        }
        return c;
    }

    private static void checkImages(int images, LineContext ctx) {
        if (images > 64) {
            ctx.report(FindingCode.TOO_MANY_IMAGES, "messages", "example has " + images + " images; at most 64 are allowed");
        }
    }

    private static void unknownKeys(JsonNode object, Set<String> allowed, String base, LineContext ctx) {
        Iterator<String> keys = object.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                ctx.report(FindingCode.UNRECOGNIZED_TOP_LEVEL_KEY, base + key, "unrecognized key " + JsonTypes.quote(key));
            }
        }
    }

    private static String describeList(JsonNode v) {
        if (v != null && v.isArray()) {
            return v.isEmpty() ? "an empty array" : "an array of " + v.size();
        }
        return JsonTypes.describe(v);
    }

    private static String keys(JsonNode object) {
        StringBuilder b = new StringBuilder();
        Iterator<String> it = object.fieldNames();
        int n = 0;
        while (it.hasNext() && n < 8) {
            b.append(n++ == 0 ? "" : ", ").append(it.next());
        }
        if (it.hasNext()) {
            b.append(", …");
        }
        return n == 0 ? "none" : b.toString();
    }
}
