package io.tuneforge.dataset.validation.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Anthropic / Bedrock Claude fine-tuning data: the top-level "system" string becomes the first message; user and
 * assistant messages are kept, with Claude's text blocks ({"type": "text", "text"}) as OpenAI text parts. Other
 * block types (images, tool_use) have no faithful mapping here, so such records are skipped and listed.
 */
final class BedrockClaudeConverter implements RecordConverter {

    private static final Set<String> KEYS = Set.of("system", "messages");

    @Override
    public ObjectNode convert(JsonNode record, Conversion c) throws SkipRecord {
        JsonNode source = record.get("messages");
        if (source == null || !source.isArray() || source.isEmpty()) {
            throw new SkipRecord("'messages' is missing or empty");
        }
        ArrayNode messages = Conversion.NODES.arrayNode();
        String system = Conversion.optionalText(record, "system");
        if (system != null) {
            messages.add(Conversion.message("system", system));
            c.map("system", "messages[0] system content");
        }
        for (int i = 0; i < source.size(); i++) {
            String where = "messages[" + i + "]";
            JsonNode m = Messages.checked(source.get(i), where);
            JsonNode content = m.get("content");
            if (content != null && content.isArray()) {
                for (int j = 0; j < content.size(); j++) {
                    JsonNode block = content.get(j);
                    if (!"text".equals(block.path("type").asText()) || !block.path("text").isTextual()) {
                        throw new SkipRecord(where + ".content[" + j + "] is a '" + block.path("type").asText("?")
                                + "' block; only text blocks are converted");
                    }
                }
                c.map("messages[].content text blocks", "messages[].content text parts");
            } else {
                c.map("messages[]", "messages[]");
            }
            ObjectNode copy = Conversion.NODES.objectNode();
            copy.put("role", m.get("role").textValue());
            copy.set("content", content == null ? null : content.deepCopy());
            messages.add(copy);
        }
        c.dropUnknownKeys(record, KEYS);
        return Conversion.chat(messages);
    }
}
