package io.tuneforge.dataset.validation.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;

/** Recognises non-OpenAI formats from the keys of an example, so the user gets "this is ShareGPT" instead of noise. */
public final class FormatSniffer {

    private FormatSniffer() {
    }

    /** The format of a parsed object that is not OpenAI chat or preference data, or null. */
    public static ForeignFormat detect(JsonNode example) {
        if (example.has("messages") && example.get("system") != null && example.get("system").isTextual()) {
            return ForeignFormat.BEDROCK_CLAUDE;
        }
        JsonNode conversations = example.get("conversations");
        if (conversations != null && conversations.isArray()) {
            return ForeignFormat.SHAREGPT;
        }
        if (example.has("chosen") && example.has("rejected")) {
            if (example.has("prompt")) {
                return ForeignFormat.PROMPT_CHOSEN_REJECTED;
            }
            return example.get("chosen").isTextual() ? ForeignFormat.CHOSEN_REJECTED_TEXT : ForeignFormat.CHOSEN_REJECTED_MESSAGES;
        }
        if (example.has("instruction") && example.has("output")) {
            return ForeignFormat.ALPACA;
        }
        if (example.has("prompt") && example.has("completion")) {
            return ForeignFormat.PROMPT_COMPLETION;
        }
        if (example.has("question") && example.has("answer")) {
            return ForeignFormat.QUESTION_ANSWER;
        }
        if (example.has("type") && (example.has("reference") || example.has("grader") || example.has("graders")
                || (example.has("model") && example.has("input")) || example.has("calculate_output"))) {
            return ForeignFormat.GRADER_CONFIG;
        }
        if (example.has("json_schema") || example.has("$schema") || (example.has("type") && example.has("properties"))) {
            return ForeignFormat.JSON_SCHEMA;
        }
        if (example.size() <= 2 && example.has("text") && example.get("text").isTextual()) {
            return ForeignFormat.RAW_TEXT;
        }
        return null;
    }

    /** The same decision from the keys seen in the lines of a pretty-printed (multi-line) JSON file. */
    public static ForeignFormat detectFromKeys(Collection<String> keys) {
        if (keys.contains("conversations") || (keys.contains("from") && keys.contains("value"))) {
            return ForeignFormat.SHAREGPT;
        }
        if (keys.contains("system") && keys.contains("messages") && !keys.contains("role")) {
            return ForeignFormat.BEDROCK_CLAUDE;
        }
        if (keys.contains("chosen") && keys.contains("rejected")) {
            return keys.contains("prompt") ? ForeignFormat.PROMPT_CHOSEN_REJECTED : ForeignFormat.CHOSEN_REJECTED_MESSAGES;
        }
        if (keys.contains("instruction") && keys.contains("output")) {
            return ForeignFormat.ALPACA;
        }
        if (keys.contains("prompt") && keys.contains("completion")) {
            return ForeignFormat.PROMPT_COMPLETION;
        }
        if (keys.contains("question") && keys.contains("answer")) {
            return ForeignFormat.QUESTION_ANSWER;
        }
        if (keys.contains("json_schema") || keys.contains("$schema")) {
            return ForeignFormat.JSON_SCHEMA;
        }
        if (keys.contains("type") && (keys.contains("reference") || keys.contains("grader") || keys.contains("model"))
                && !keys.contains("messages")) {
            return ForeignFormat.GRADER_CONFIG;
        }
        return null;
    }
}
