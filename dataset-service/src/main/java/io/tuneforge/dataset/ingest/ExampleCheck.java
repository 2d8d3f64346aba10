package io.tuneforge.dataset.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The walking skeleton's per-line checks: one JSON object per line, in the shape of the dataset's
 * method, and its token count (o200k_base, with the chat format's per-message overhead).
 * The full validator (dataset-validation) replaces these checks.
 */
public class ExampleCheck {

    /** Tokens the chat format adds per message and per example (OpenAI cookbook accounting). */
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_EXAMPLE = 3;

    public static final String ENCODING = "o200k_base";

    private static final Encoding TOKENIZER = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private final ObjectMapper json = new ObjectMapper();
    private final String method;

    public ExampleCheck(String method) {
        this.method = method;
    }

    /** The outcome for one line: its token count when valid, its findings otherwise. */
    public record Result(Optional<CheckedExample> example, List<Finding> findings) {
    }

    /** A valid example: its canonical prompt (for deterministic, leak-free splitting) and tokens. */
    public record CheckedExample(String content, String prompt, int tokens) {
    }

    public Result check(long lineNo, String line) {
        List<Finding> findings = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(line);
        } catch (Exception e) {
            findings.add(Finding.error("invalid_json", lineNo, "line " + lineNo
                    + ": not valid JSON (" + firstLine(e.getMessage()) + "); each line must be one complete JSON object"));
            return new Result(Optional.empty(), findings);
        }
        if (root == null || !root.isObject()) {
            findings.add(Finding.error("data_type", lineNo, "line " + lineNo + ": expected a JSON object, found "
                    + (root == null ? "nothing" : root.getNodeType().name().toLowerCase())));
            return new Result(Optional.empty(), findings);
        }
        JsonNode messages = "dpo".equals(method) ? root.path("input").path("messages") : root.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            findings.add(Finding.error("missing_messages_list", lineNo, "line " + lineNo + ": "
                    + ("dpo".equals(method) ? "'input.messages'" : "'messages'") + " must be a non-empty list of messages"));
            return new Result(Optional.empty(), findings);
        }
        int tokens = TOKENS_PER_EXAMPLE;
        boolean hasAssistant = false;
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            JsonNode content = message.get("content");
            if (role.isEmpty()) {
                findings.add(Finding.error("message_missing_key", lineNo, "line " + lineNo + ": message " + i + " has no 'role'"));
            }
            if ("assistant".equals(role)) {
                hasAssistant = true;
            } else {
                prompt.append(role).append(':').append(content == null ? "" : content.asText()).append('\n');
            }
            tokens += TOKENS_PER_MESSAGE + TOKENIZER.countTokensOrdinary(role);
            if (content != null && content.isTextual()) {
                tokens += TOKENIZER.countTokensOrdinary(content.asText());
            }
        }
        if ("dpo".equals(method)) {
            for (String field : List.of("preferred_output", "non_preferred_output")) {
                JsonNode output = root.path(field);
                if (!output.isArray() || output.isEmpty()) {
                    findings.add(Finding.error("dpo_missing_output", lineNo, "line " + lineNo + ": '" + field
                            + "' must be a list with one assistant message"));
                } else {
                    tokens += TOKENS_PER_MESSAGE + TOKENIZER.countTokensOrdinary(output.get(0).path("content").asText(""));
                }
            }
        } else if (!hasAssistant) {
            findings.add(Finding.error("example_missing_assistant_message", lineNo, "line " + lineNo
                    + ": no assistant message; add the reply the model should learn"));
        }
        if (findings.stream().anyMatch(Finding::isError)) {
            return new Result(Optional.empty(), findings);
        }
        return new Result(Optional.of(new CheckedExample(line, prompt.toString(), tokens)), findings);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
