package io.tuneforge.simulator.learning;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One chat message as both training files and chat requests carry it. Content arrays are flattened to
 * their text parts: images and audio carry nothing this simulator can learn from.
 */
public record ChatMessage(String role, String content, JsonNode toolCalls) {

    public static ChatMessage from(JsonNode node) {
        String role = node.path("role").asText("");
        JsonNode calls = node.get("tool_calls");
        if (calls == null && node.has("function_call")) {
            calls = node.get("function_call");
        }
        return new ChatMessage(role, textOf(node.get("content")), calls == null || calls.isNull() ? null : calls);
    }

    public static String textOf(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    text.append(part.asText());
                } else if (part.has("text")) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(part.path("text").asText());
                }
            }
            return text.toString();
        }
        return content.toString();
    }

    public boolean hasToolCalls() {
        return toolCalls != null && !toolCalls.isEmpty();
    }
}
