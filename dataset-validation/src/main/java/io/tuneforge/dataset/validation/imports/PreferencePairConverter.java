package io.tuneforge.dataset.validation.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Preference pairs to OpenAI DPO: {"input": {"messages"}, "preferred_output": [one assistant message],
 * "non_preferred_output": [one assistant message]}. Three source shapes:
 * <ul>
 *   <li>HH-RLHF transcripts: chosen and rejected are "\n\nHuman: ...\n\nAssistant: ..." strings that share every
 *       turn but the last assistant reply;</li>
 *   <li>conversations: chosen and rejected are message lists (or {"messages": [...]}) sharing all but the last reply;</li>
 *   <li>prompt/chosen/rejected (TRL): the prompt is a string or message list, each reply a string or message list
 *       ending with the assistant reply; an optional system string comes first.</li>
 * </ul>
 * Pairs whose shared turns differ, or whose two replies are identical, are skipped: DPO on them teaches nothing or
 * the wrong thing, and OpenAI rejects identical outputs.
 */
final class PreferencePairConverter implements RecordConverter {

    private static final Pattern SPEAKER = Pattern.compile("(?:^|\\n\\n)(Human|Assistant):[ ]?");
    private static final Set<String> KEYS = Set.of("prompt", "chosen", "rejected", "system");

    @Override
    public ObjectNode convert(JsonNode record, Conversion c) throws SkipRecord {
        JsonNode chosen = record.get("chosen");
        JsonNode rejected = record.get("rejected");
        if (chosen == null || rejected == null) {
            throw new SkipRecord("a preference pair needs 'chosen' and 'rejected'");
        }
        ArrayNode input = Conversion.NODES.arrayNode();
        String system = Conversion.optionalText(record, "system");
        if (system != null) {
            input.add(Conversion.message("system", system));
            c.map("system", "input.messages[0] system content");
        }
        String preferred;
        String nonPreferred;
        if (record.has("prompt")) {
            JsonNode prompt = record.get("prompt");
            if (prompt.isTextual()) {
                if (prompt.textValue().isBlank()) {
                    throw new SkipRecord("'prompt' is empty");
                }
                input.add(Conversion.message("user", prompt.textValue()));
                c.map("prompt", "input.messages[] user content");
            } else if (prompt.isArray()) {
                Messages.copyAll(prompt, "prompt", input);
                c.map("prompt[] (messages)", "input.messages[]");
            } else {
                throw new SkipRecord("'prompt' is " + Conversion.describe(prompt) + ", not a string or message list");
            }
            preferred = reply(chosen, "chosen", c);
            nonPreferred = reply(rejected, "rejected", c);
        } else if (chosen.isTextual() && rejected.isTextual()) {
            List<String[]> a = transcript(chosen.textValue(), "chosen");
            List<String[]> b = transcript(rejected.textValue(), "rejected");
            sharedPrefix(a.size(), b.size(), i -> a.get(i)[0].equals(b.get(i)[0]) && a.get(i)[1].equals(b.get(i)[1]));
            for (int i = 0; i < a.size() - 1; i++) {
                input.add(Conversion.message(a.get(i)[0], a.get(i)[1]));
            }
            preferred = lastAssistant(a, "chosen");
            nonPreferred = lastAssistant(b, "rejected");
            c.map("chosen transcript \"Human:\"/\"Assistant:\" turns but the last", "input.messages[] user/assistant");
            c.map("chosen transcript last \"Assistant:\" reply", "preferred_output[0] assistant content");
            c.map("rejected transcript last \"Assistant:\" reply", "non_preferred_output[0] assistant content");
        } else {
            JsonNode a = Messages.list(chosen);
            JsonNode b = Messages.list(rejected);
            if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
                throw new SkipRecord("'chosen' and 'rejected' must both be transcripts (strings) or message lists");
            }
            sharedPrefix(a.size(), b.size(), i -> a.get(i).equals(b.get(i)));
            for (int i = 0; i < a.size() - 1; i++) {
                input.add(Messages.checked(a.get(i), "chosen[" + i + "]").deepCopy());
            }
            preferred = replyText(a.get(a.size() - 1), "chosen");
            nonPreferred = replyText(b.get(b.size() - 1), "rejected");
            String form = chosen.isArray() ? "chosen[]" : "chosen.messages[]";
            c.map(form + " but the last (shared with rejected)", "input.messages[]");
            c.map(form + " last assistant message", "preferred_output[0]");
            c.map(form.replace("chosen", "rejected") + " last assistant message", "non_preferred_output[0]");
        }
        if (preferred.equals(nonPreferred)) {
            throw new SkipRecord("the chosen and rejected replies are identical");
        }
        if (input.isEmpty()) {
            throw new SkipRecord("there is no prompt before the replies");
        }
        ObjectNode example = Conversion.NODES.objectNode();
        example.putObject("input").set("messages", input);
        example.putArray("preferred_output").add(Conversion.message("assistant", preferred));
        example.putArray("non_preferred_output").add(Conversion.message("assistant", nonPreferred));
        c.dropUnknownKeys(record, KEYS);
        return example;
    }

    /** A reply given as a string, or as a message list whose last message is the assistant reply. */
    private static String reply(JsonNode value, String field, Conversion c) throws SkipRecord {
        if (value.isTextual()) {
            Conversion.requireReply(field, value.textValue());
            c.map(field, (field.equals("chosen") ? "preferred_output" : "non_preferred_output") + "[0] assistant content");
            return value.textValue();
        }
        JsonNode list = Messages.list(value);
        if (list == null || list.size() != 1) {
            throw new SkipRecord("'" + field + "' must be a string or a list with the one assistant reply");
        }
        c.map(field + "[0] (message)", (field.equals("chosen") ? "preferred_output" : "non_preferred_output") + "[0]");
        return replyText(list.get(0), field);
    }

    private static String replyText(JsonNode message, String field) throws SkipRecord {
        Messages.checked(message, field + " reply");
        if (!"assistant".equals(message.get("role").textValue())) {
            throw new SkipRecord("the last message of '" + field + "' is a " + message.get("role").textValue() + " message, not the assistant reply");
        }
        JsonNode content = message.get("content");
        if (content == null || !content.isTextual()) {
            throw new SkipRecord("the '" + field + "' reply has no text content");
        }
        Conversion.requireReply(field, content.textValue());
        return content.textValue();
    }

    private interface SameTurn {
        boolean test(int i);
    }

    private static void sharedPrefix(int a, int b, SameTurn same) throws SkipRecord {
        if (a != b) {
            throw new SkipRecord("chosen has " + a + " turns and rejected " + b + ": they must share every turn but the last reply");
        }
        for (int i = 0; i < a - 1; i++) {
            if (!same.test(i)) {
                throw new SkipRecord("chosen and rejected differ at turn " + (i + 1) + " of " + a + ", before the final reply");
            }
        }
    }

    private static String lastAssistant(List<String[]> turns, String field) throws SkipRecord {
        String[] last = turns.get(turns.size() - 1);
        if (!last[0].equals("assistant")) {
            throw new SkipRecord("the '" + field + "' transcript ends with a Human turn, not an Assistant reply");
        }
        Conversion.requireReply(field, last[1]);
        return last[1];
    }

    /** "\n\nHuman: a\n\nAssistant: b" as [role, text] turns, text stripped of the surrounding whitespace. */
    static List<String[]> transcript(String text, String field) throws SkipRecord {
        Matcher m = SPEAKER.matcher(text);
        List<String[]> turns = new ArrayList<>();
        int textStart = -1;
        String role = null;
        while (m.find()) {
            if (role == null) {
                if (!text.substring(0, m.start()).isBlank()) {
                    throw new SkipRecord("the '" + field + "' transcript has text before the first \"Human:\" turn");
                }
            } else {
                turns.add(new String[] {role, text.substring(textStart, m.start()).strip()});
            }
            role = m.group(1).equals("Human") ? "user" : "assistant";
            textStart = m.end();
        }
        if (role == null) {
            throw new SkipRecord("'" + field + "' has no \"Human:\"/\"Assistant:\" turns");
        }
        turns.add(new String[] {role, text.substring(textStart).strip()});
        return turns;
    }
}
