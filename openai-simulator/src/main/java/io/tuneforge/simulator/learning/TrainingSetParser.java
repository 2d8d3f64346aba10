package io.tuneforge.simulator.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a fine-tuning JSONL file the way OpenAI's file validation does, keeping line numbers for errors. */
public final class TrainingSetParser {

    /** Past this many problems the report stops: the first ones are what a user fixes first. */
    private static final int MAX_PROBLEMS = 20;

    private final ObjectMapper json;

    public TrainingSetParser(ObjectMapper json) {
        this.json = json;
    }

    public ParsedTrainingSet parse(byte[] content, TrainingMethod method) {
        List<TrainingExample> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null && problems.size() < MAX_PROBLEMS) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(text);
                } catch (IOException e) {
                    problems.add("line " + line + ": not valid JSON");
                    continue;
                }
                if (!node.isObject()) {
                    problems.add("line " + line + ": expected a JSON object");
                    continue;
                }
                TrainingExample example = method == TrainingMethod.DPO ? preference(node, line, problems) : chat(node, line, problems);
                if (example != null) {
                    examples.add(example);
                }
            }
        } catch (IOException e) {
            problems.add("file could not be read: " + e.getMessage());
        }
        return new ParsedTrainingSet(List.copyOf(examples), List.copyOf(problems));
    }

    private TrainingExample chat(JsonNode node, int line, List<String> problems) {
        JsonNode messages = node.get("messages");
        if (messages == null || !messages.isArray()) {
            problems.add("line " + line + ": missing 'messages' array");
            return null;
        }
        List<ChatMessage> all = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.path("role").asText("");
            if (!List.of("system", "developer", "user", "assistant", "tool", "function").contains(role)) {
                problems.add("line " + line + ": messages[" + i + "] has invalid role '" + role + "'");
                return null;
            }
            ChatMessage message = ChatMessage.from(m);
            if (role.equals("assistant") && message.content().isEmpty() && !message.hasToolCalls()) {
                problems.add("line " + line + ": messages[" + i + "] assistant message missing 'content'");
                return null;
            }
            all.add(message);
        }
        int last = lastAssistant(all);
        if (last < 0) {
            problems.add("line " + line + ": no assistant message to learn from");
            return null;
        }
        ChatMessage target = all.get(last);
        return new TrainingExample(line, List.copyOf(all.subList(0, last)), new Completion(target.content(), target.toolCalls()), null);
    }

    private TrainingExample preference(JsonNode node, int line, List<String> problems) {
        JsonNode input = node.path("input").path("messages");
        JsonNode preferred = node.get("preferred_output");
        JsonNode rejected = node.get("non_preferred_output");
        if (!input.isArray()) {
            problems.add("line " + line + ": missing 'input.messages' array");
            return null;
        }
        if (preferred == null || !preferred.isArray() || preferred.isEmpty()) {
            problems.add("line " + line + ": missing 'preferred_output'");
            return null;
        }
        if (rejected == null || !rejected.isArray() || rejected.isEmpty()) {
            problems.add("line " + line + ": missing 'non_preferred_output'");
            return null;
        }
        List<ChatMessage> prompt = new ArrayList<>();
        input.forEach(m -> prompt.add(ChatMessage.from(m)));
        ChatMessage chosen = ChatMessage.from(preferred.get(preferred.size() - 1));
        ChatMessage other = ChatMessage.from(rejected.get(rejected.size() - 1));
        return new TrainingExample(line, List.copyOf(prompt), new Completion(chosen.content(), chosen.toolCalls()),
                new Completion(other.content(), other.toolCalls()));
    }

    private static int lastAssistant(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("assistant")) {
                return i;
            }
        }
        return -1;
    }
}
