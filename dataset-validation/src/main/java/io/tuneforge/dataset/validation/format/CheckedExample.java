package io.tuneforge.dataset.validation.format;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of the structure checks of one parsed line. {@code messages} is the conversation (for a
 * preference example: its normalized input); {@code preferred}/{@code nonPreferred} are set for preference
 * examples only. {@code conversation} is null when there was no usable message list.
 */
public record CheckedExample(
        DatasetKind kind,
        ForeignFormat foreignFormat,
        Conversation conversation,
        int tokens,
        int trainedTokens,
        JsonNode messages,
        JsonNode preferred,
        JsonNode nonPreferred) {

    /**
     * The same outcome without the parsed tree and the texts: all the ordered fold needs. Lines wait in a queue
     * between analysis and fold; holding their trees there got them promoted to the old generation and cost
     * full collections.
     */
    public CheckedExample withoutContent() {
        return new CheckedExample(kind, foreignFormat, conversation == null ? null : conversation.withoutTexts(), tokens,
                trainedTokens, null, null, null);
    }

    static CheckedExample unusable(DatasetKind kind, ForeignFormat format) {
        return new CheckedExample(kind, format, null, 0, 0, null, null, null);
    }
}
