package io.tuneforge.dataset.validation.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.dataset.validation.format.CheckedExample;
import io.tuneforge.dataset.validation.format.Conversation;
import io.tuneforge.dataset.validation.format.DatasetKind;
import java.util.Locale;

/**
 * The few numbers and short strings a line contributes to the dataset-wide quality checks. Computed on the
 * worker threads, so the ordered aggregation only compares fingerprints.
 *
 * @param exact         fingerprint of the whole example
 * @param prompt        fingerprint of what the model sees before its (last) reply
 * @param answer        fingerprint of the (preferred) reply
 * @param reversedPair  for preference pairs: fingerprint of the same pair preferred the other way; else 0
 * @param nearText      SimHash of the user and assistant text, 0 when too short
 * @param systemPrompt  fingerprint of the leading system prompt, 0 when there is none
 * @param category      the example's label, explicit or a short final answer; null when none
 */
public record QualitySignals(long exact, long prompt, long answer, long pair, long reversedPair, long nearText,
                             long systemPrompt, String systemPromptPreview, String category, boolean refusal,
                             boolean hasAssistantReply) {

    private static final int SHORT_ANSWER_CHARS = 40;
    private static final int SHORT_ANSWER_WORDS = 4;

    public static QualitySignals of(JsonNode example, CheckedExample checked) {
        Conversation c = checked.conversation();
        if (c == null) {
            return null;
        }
        long exact = ContentFingerprint.of(example);
        long system = c.systemPrompt() == null ? 0 : ContentFingerprint.of(c.systemPrompt());
        String preview = c.systemPrompt() == null ? null : preview(c.systemPrompt());
        long near = SimHash.of(c.dialogueText());
        if (checked.kind() == DatasetKind.PREFERENCE) {
            long prompt = checked.messages() == null ? 0 : ContentFingerprint.of(checked.messages());
            long preferred = checked.preferred() == null ? 0 : ContentFingerprint.of(checked.preferred());
            long rejected = checked.nonPreferred() == null ? 0 : ContentFingerprint.of(checked.nonPreferred());
            long pair = preferred == 0 || rejected == 0 ? 0 : ContentFingerprint.combine(prompt, ContentFingerprint.combine(preferred, rejected));
            long reversed = pair == 0 ? 0 : ContentFingerprint.combine(prompt, ContentFingerprint.combine(rejected, preferred));
            return new QualitySignals(exact, prompt, preferred, pair, reversed, near, system, preview, null, false, preferred != 0);
        }
        long prompt = 0;
        long answer = 0;
        String category = explicitCategory(example);
        boolean refusal = false;
        if (c.lastAssistantIndex() >= 0) {
            JsonNode messages = checked.messages();
            prompt = ContentFingerprint.ofRange(messages, 0, c.lastAssistantIndex());
            answer = ContentFingerprint.of(messages.get(c.lastAssistantIndex()).path("content"));
            refusal = RefusalPhrases.isRefusal(c.lastAssistantText());
            if (category == null) {
                category = shortAnswer(c.lastAssistantText());
            }
        }
        return new QualitySignals(exact, prompt, answer, 0, 0, near, system, preview, category, refusal, c.hasAssistant());
    }

    private static String explicitCategory(JsonNode example) {
        for (String key : new String[] {"category", "label"}) {
            JsonNode v = example.path("metadata").get(key);
            if (v == null) {
                v = example.get(key);
            }
            if (v != null && v.isValueNode() && !v.isNull()) {
                return v.asText();
            }
        }
        return null;
    }

    /** A classification-style reply ("positive", "Category: billing") used as the example's label. */
    private static String shortAnswer(String reply) {
        if (reply == null) {
            return null;
        }
        String s = reply.strip();
        if (s.isEmpty() || s.length() > SHORT_ANSWER_CHARS || s.split("\\s+").length > SHORT_ANSWER_WORDS) {
            return null;
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static String preview(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
    }
}
