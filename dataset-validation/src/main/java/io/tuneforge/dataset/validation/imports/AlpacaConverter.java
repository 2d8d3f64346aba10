package io.tuneforge.dataset.validation.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Alpaca: {instruction, input, output} plus the optional system and history (list of [user, assistant] pairs,
 * LLaMA-Factory's extension). The input follows the instruction after a blank line, as in Alpaca's own prompt.
 */
final class AlpacaConverter implements RecordConverter {

    private static final Set<String> KEYS = Set.of("instruction", "input", "output", "system", "history");

    @Override
    public ObjectNode convert(JsonNode record, Conversion c) throws SkipRecord {
        String instruction = Conversion.optionalText(record, "instruction");
        String input = Conversion.optionalText(record, "input");
        String output = Conversion.requiredText(record, "output");
        Conversion.requireReply("output", output);
        if (instruction == null && input == null) {
            throw new SkipRecord("'instruction' and 'input' are both empty: there is no prompt");
        }
        ArrayNode messages = Conversion.NODES.arrayNode();
        String system = Conversion.optionalText(record, "system");
        if (system != null) {
            messages.add(Conversion.message("system", system));
            c.map("system", "messages[0] system content");
        }
        history(record.get("history"), messages, c);
        String user;
        if (instruction == null) {
            user = input;
            c.map("input", "user content");
        } else if (input == null) {
            user = instruction;
            c.map("instruction", "user content");
        } else {
            user = instruction + "\n\n" + input;
            c.map("instruction", "user content");
            c.map("input", "user content, after the instruction and a blank line");
        }
        messages.add(Conversion.message("user", user));
        messages.add(Conversion.message("assistant", output));
        c.map("output", "assistant content");
        c.dropUnknownKeys(record, KEYS);
        return Conversion.chat(messages);
    }

    private static void history(JsonNode history, ArrayNode messages, Conversion c) throws SkipRecord {
        if (history == null || history.isNull() || history.isEmpty()) {
            return;
        }
        if (!history.isArray()) {
            throw new SkipRecord("'history' is " + Conversion.describe(history) + ", not a list of [user, assistant] pairs");
        }
        for (int i = 0; i < history.size(); i++) {
            JsonNode turn = history.get(i);
            if (!turn.isArray() || turn.size() != 2 || !turn.get(0).isTextual() || !turn.get(1).isTextual()) {
                throw new SkipRecord("history[" + i + "] is not a [user, assistant] pair of strings");
            }
            messages.add(Conversion.message("user", turn.get(0).textValue()));
            messages.add(Conversion.message("assistant", turn.get(1).textValue()));
        }
        c.map("history[i][0], history[i][1]", "earlier user, assistant turns");
    }
}
