package io.tuneforge.dataset.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.format.CheckedExample;
import io.tuneforge.dataset.validation.format.JsonLineParser;
import io.tuneforge.dataset.validation.format.LineContext;
import io.tuneforge.dataset.validation.quality.ContentFingerprint;
import io.tuneforge.dataset.validation.quality.QualitySignals;
import io.tuneforge.dataset.validation.tokens.TokenCounter;
import io.tuneforge.dataset.validation.tokens.TokenEncoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-line checks of the storage pass: one JSON object per line, in the shape of the dataset's method.
 * A valid example gets the engine's (dataset-validation) token count and quality signals: its content and
 * prompt fingerprints, its SimHash and its category, which the splitter and the version diff use, so the
 * service derives them exactly as the engine's duplicate and balance checks do.
 */
public class ExampleCheck {

    public static final String ENCODING = TokenEncoding.O200K_BASE.id();

    private final ObjectMapper json = new ObjectMapper();
    private final String method;
    private final TokenCounter tokens = new TokenCounter(TokenEncoding.O200K_BASE);
    private final JsonLineParser parser = new JsonLineParser(ValidationOptions.DEFAULT_MAX_LINE_BYTES);

    public ExampleCheck(String method) {
        this.method = method;
    }

    /** The outcome for one line: the checked example when valid, its findings otherwise. */
    public record Result(Optional<Checked> example, List<Finding> findings) {
    }

    /**
     * A valid example with what splitting and diffing need.
     *
     * @param fingerprint       the engine's structural fingerprint of the whole example
     * @param promptFingerprint what the model sees before its (last) reply: examples sharing it share a split
     * @param nearText          SimHash of the dialogue (0 when too short): near-duplicates share a split
     * @param category          label field or short final answer, null when none
     */
    public record Checked(String content, int tokens, long fingerprint, long promptFingerprint, long nearText, String category) {
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
        boolean hasAssistant = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            JsonNode content = message.get("content");
            if (role.isEmpty()) {
                findings.add(Finding.error("message_missing_key", lineNo, "line " + lineNo + ": message " + i + " has no 'role'"));
            }
            if ("assistant".equals(role)) {
                hasAssistant = true;
            }
        }
        if ("dpo".equals(method)) {
            for (String field : List.of("preferred_output", "non_preferred_output")) {
                JsonNode output = root.path(field);
                if (!output.isArray() || output.isEmpty()) {
                    findings.add(Finding.error("dpo_missing_output", lineNo, "line " + lineNo + ": '" + field
                            + "' must be a list with one assistant message"));
                }
            }
        } else if (!hasAssistant) {
            findings.add(Finding.error("example_missing_assistant_message", lineNo, "line " + lineNo
                    + ": no assistant message; add the reply the model should learn"));
        }
        if (findings.stream().anyMatch(Finding::isError)) {
            return new Result(Optional.empty(), findings);
        }
        return new Result(Optional.of(engineView(lineNo, line, root)), findings);
    }

    /** Tokens and quality signals as the engine computes them (its findings were reported by its own pass). */
    private Checked engineView(long lineNo, String line, JsonNode root) {
        CheckedExample checked = io.tuneforge.dataset.validation.format.ExampleCheck.check(root,
                new LineContext(lineNo, tokens, null, parser));
        QualitySignals signals = checked.conversation() == null ? null : QualitySignals.of(root, checked);
        if (signals == null) {
            long whole = ContentFingerprint.of(root);
            return new Checked(line, checked.tokens(), whole, whole, 0, null);
        }
        return new Checked(line, checked.tokens(), signals.exact(), signals.prompt() != 0 ? signals.prompt() : signals.exact(),
                signals.nearText(), signals.category());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
