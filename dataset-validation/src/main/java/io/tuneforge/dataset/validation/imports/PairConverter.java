package io.tuneforge.dataset.validation.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A prompt and its reply (prompt/completion, question/answer) as one user and one assistant message; an optional
 * system string comes first. TRL's conversational prompt/completion (both message lists) is concatenated.
 * Text is copied unchanged: legacy separators such as "\n\n###\n\n" are the user's to remove.
 */
final class PairConverter implements RecordConverter {

    private final String promptKey;
    private final String replyKey;
    private final Set<String> keys;

    PairConverter(String promptKey, String replyKey) {
        this.promptKey = promptKey;
        this.replyKey = replyKey;
        this.keys = Set.of(promptKey, replyKey, "system");
    }

    @Override
    public ObjectNode convert(JsonNode record, Conversion c) throws SkipRecord {
        ArrayNode messages = Conversion.NODES.arrayNode();
        String system = Conversion.optionalText(record, "system");
        if (system != null) {
            messages.add(Conversion.message("system", system));
            c.map("system", "messages[0] system content");
        }
        JsonNode prompt = record.get(promptKey);
        JsonNode reply = record.get(replyKey);
        if (prompt != null && prompt.isArray() && reply != null && reply.isArray()) {
            Messages.copyAll(prompt, promptKey, messages);
            Messages.copyAll(reply, replyKey, messages);
            c.map(promptKey + "[] (messages)", "messages[]");
            c.map(replyKey + "[] (messages)", "messages[] after the " + promptKey);
        } else {
            String promptText = Conversion.requiredText(record, promptKey);
            String replyText = Conversion.requiredText(record, replyKey);
            if (promptText.isBlank()) {
                throw new SkipRecord("'" + promptKey + "' is empty");
            }
            Conversion.requireReply(replyKey, replyText);
            messages.add(Conversion.message("user", promptText));
            messages.add(Conversion.message("assistant", replyText));
            c.map(promptKey, "user content");
            c.map(replyKey, "assistant content");
        }
        c.dropUnknownKeys(record, keys);
        return Conversion.chat(messages);
    }
}
