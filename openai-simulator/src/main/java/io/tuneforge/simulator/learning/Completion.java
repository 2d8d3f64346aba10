package io.tuneforge.simulator.learning;

import com.fasterxml.jackson.databind.JsonNode;

/** What an assistant turn says: text, or tool calls when the example teaches calling a tool. */
public record Completion(String content, JsonNode toolCalls) {

    public static Completion text(String content) {
        return new Completion(content, null);
    }

    public boolean isToolCall() {
        return toolCalls != null && !toolCalls.isEmpty();
    }

    /** The text the language model is trained on: tool calls are learned as their JSON. */
    public String learnedText() {
        return isToolCall() ? toolCalls.toString() : content;
    }
}
