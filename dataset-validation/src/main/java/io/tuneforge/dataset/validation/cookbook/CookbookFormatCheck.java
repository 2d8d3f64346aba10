package io.tuneforge.dataset.validation.cookbook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The checks of OpenAI's cookbook notebook "Data preparation and analysis for chat model fine-tuning", with the
 * port semantics of the Node reference (shared/bench/README.md, "Port semantics") wherever the notebook would
 * crash. Kept separate from the richer checks on purpose: its job is to reproduce the reference's numbers
 * exactly, including the places where the cookbook is stricter or looser than OpenAI's real validator.
 */
public final class CookbookFormatCheck {

    public static final List<String> CATEGORIES = List.of(
            "data_type", "missing_messages_list", "message_missing_key", "message_unrecognized_key",
            "unrecognized_role", "missing_content", "example_missing_assistant_message");

    private static final int DATA_TYPE = 0;
    private static final int MISSING_MESSAGES_LIST = 1;
    private static final int MESSAGE_MISSING_KEY = 2;
    private static final int MESSAGE_UNRECOGNIZED_KEY = 3;
    private static final int UNRECOGNIZED_ROLE = 4;
    private static final int MISSING_CONTENT = 5;
    private static final int EXAMPLE_MISSING_ASSISTANT = 6;

    private static final Set<String> ALLOWED_KEYS = Set.of("role", "content", "name", "function_call", "weight");
    private static final Set<String> ALLOWED_ROLES = Set.of("system", "user", "assistant", "function");

    static final int TOKENS_PER_MESSAGE = 3;
    static final int TOKENS_PER_NAME = 1;
    static final int REPLY_PRIMING = 3;

    private CookbookFormatCheck() {
    }

    /** @param tokens len(encoding.encode_ordinary(s)) */
    public static CookbookExample check(JsonNode example, ToIntFunction<String> tokens) {
        int[] errors = new int[CATEGORIES.size()];
        if (!example.isObject()) {
            errors[DATA_TYPE]++;
            return failed(errors);
        }
        JsonNode messages = example.get("messages");
        if (PythonTruthiness.isFalsy(messages) || !messages.isArray()) {
            errors[MISSING_MESSAGES_LIST]++;
            return failed(errors);
        }
        boolean error = false;
        boolean hasAssistant = false;
        for (JsonNode m : messages) {
            if (!m.isObject()) {
                // Evaluated as if it were {} (the notebook would raise on a non-dict message).
                errors[MESSAGE_MISSING_KEY]++;
                errors[UNRECOGNIZED_ROLE]++;
                errors[MISSING_CONTENT]++;
                error = true;
                continue;
            }
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            if (role == null || content == null) {
                errors[MESSAGE_MISSING_KEY]++;
                error = true;
            }
            Iterator<String> keys = m.fieldNames();
            while (keys.hasNext()) {
                if (!ALLOWED_KEYS.contains(keys.next())) {
                    errors[MESSAGE_UNRECOGNIZED_KEY]++;
                    error = true;
                    break;
                }
            }
            if (role == null || !role.isTextual() || !ALLOWED_ROLES.contains(role.textValue())) {
                errors[UNRECOGNIZED_ROLE]++;
                error = true;
            }
            JsonNode functionCall = m.get("function_call");
            if ((PythonTruthiness.isFalsy(content) && PythonTruthiness.isFalsy(functionCall))
                    || content == null || !content.isTextual()) {
                errors[MISSING_CONTENT]++;
                error = true;
            }
            if (role != null && role.isTextual() && role.textValue().equals("assistant")) {
                hasAssistant = true;
            }
        }
        if (!hasAssistant) {
            errors[EXAMPLE_MISSING_ASSISTANT]++;
            error = true;
        }
        if (error) {
            return failed(errors);
        }
        return measure(messages, errors, tokens);
    }

    /** num_tokens_from_messages and num_assistant_tokens_from_messages, for an example without format errors. */
    private static CookbookExample measure(JsonNode messages, int[] errors, ToIntFunction<String> tokens) {
        boolean hasSystem = false;
        boolean hasUser = false;
        int total = 0;
        int assistant = 0;
        for (JsonNode m : messages) {
            String role = m.get("role").textValue();
            if (role.equals("system")) {
                hasSystem = true;
            } else if (role.equals("user")) {
                hasUser = true;
            }
            total += TOKENS_PER_MESSAGE;
            Iterator<Map.Entry<String, JsonNode>> fields = m.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode v = f.getValue();
                if (v.isTextual()) {
                    int n = tokens.applyAsInt(v.textValue());
                    total += n;
                    if (f.getKey().equals("content") && role.equals("assistant")) {
                        assistant += n;
                    }
                }
                // Non-string values (function_call object, weight number) add 0 tokens, as in the reference.
                if (f.getKey().equals("name")) {
                    total += TOKENS_PER_NAME;
                }
            }
        }
        total += REPLY_PRIMING;
        return new CookbookExample(errors, false, messages.size(), total, assistant, hasSystem, hasUser);
    }

    private static CookbookExample failed(int[] errors) {
        return new CookbookExample(errors, true, 0, 0, 0, false, false);
    }
}
