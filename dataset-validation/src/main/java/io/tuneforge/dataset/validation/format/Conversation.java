package io.tuneforge.dataset.validation.format;

/**
 * Facts about a checked message list that later stages need: token totals (the cookbook-style estimate:
 * 3 per message + every string value + 1 per name, plus tool calls and text parts), roles present, and where
 * the last assistant reply is.
 */
public record Conversation(
        int messages,
        int tokens,
        int trainedTokens,
        int images,
        boolean hasSystem,
        boolean hasUser,
        boolean hasAssistant,
        int lastAssistantIndex,
        String lastRole,
        String systemPrompt,
        String lastAssistantText,
        String dialogueText) {

    /** The counts and roles only (texts dropped). */
    public Conversation withoutTexts() {
        return new Conversation(messages, tokens, trainedTokens, images, hasSystem, hasUser, hasAssistant, lastAssistantIndex,
                lastRole, null, null, null);
    }
}
