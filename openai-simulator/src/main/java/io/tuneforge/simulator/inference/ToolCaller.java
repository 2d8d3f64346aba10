package io.tuneforge.simulator.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A base model's tool use: whether to call one of the offered functions, and with which arguments, read
 * off the prompt (numbers for numeric parameters, "name: value" or capitalised phrases for strings, an
 * enum value the prompt mentions). Arguments always satisfy the function's declared types.
 */
public final class ToolCaller {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern CAPITALISED = Pattern.compile("(?<![.!?]\\s)(?<!^)\\b([A-Z][\\p{L}]+(?:\\s+[A-Z][\\p{L}]+)*)");
    private static final Pattern QUOTED = Pattern.compile("[\"“']([^\"”']{1,80})[\"”']");

    private final ObjectMapper json;

    public ToolCaller(ObjectMapper json) {
        this.json = json;
    }

    /** The function to call, or empty when the model should answer in text. */
    public Optional<JsonNode> choose(JsonNode tools, JsonNode toolChoice, String prompt, boolean lastIsToolResult) {
        if (tools == null || !tools.isArray() || tools.isEmpty()) {
            return Optional.empty();
        }
        if (toolChoice != null && toolChoice.isTextual() && toolChoice.asText().equals("none")) {
            return Optional.empty();
        }
        if (toolChoice != null && toolChoice.isObject()) {
            String name = toolChoice.path("function").path("name").asText();
            for (JsonNode t : tools) {
                if (t.path("function").path("name").asText().equals(name)) {
                    return Optional.of(t.path("function"));
                }
            }
        }
        boolean required = toolChoice != null && toolChoice.isTextual() && toolChoice.asText().equals("required");
        if (lastIsToolResult && !required) {
            return Optional.empty();
        }
        JsonNode best = null;
        int bestScore = 0;
        String lower = prompt.toLowerCase(Locale.ROOT);
        for (JsonNode t : tools) {
            JsonNode f = t.path("function");
            int score = 0;
            for (String word : f.path("name").asText().toLowerCase(Locale.ROOT).split("[_\\-.\\s]+")) {
                if (word.length() > 2 && lower.contains(word)) {
                    score += 2;
                }
            }
            for (String word : f.path("description").asText().toLowerCase(Locale.ROOT).split("\\W+")) {
                if (word.length() > 4 && lower.contains(word)) {
                    score++;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = f;
            }
        }
        if (best == null && required) {
            best = tools.get(0).path("function");
        }
        return bestScore >= 2 || required ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Arguments for the function, derived from the prompt. */
    public ObjectNode arguments(JsonNode function, String prompt) {
        ObjectNode args = json.createObjectNode();
        JsonNode properties = function.path("parameters").path("properties");
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> p = fields.next();
            args.set(p.getKey(), value(p.getKey(), p.getValue(), prompt));
        }
        return args;
    }

    private JsonNode value(String name, JsonNode schema, String prompt) {
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("string");
        if (schema.has("enum") && schema.get("enum").isArray() && !schema.get("enum").isEmpty()) {
            for (JsonNode option : schema.get("enum")) {
                if (prompt.toLowerCase(Locale.ROOT).contains(option.asText().toLowerCase(Locale.ROOT))) {
                    return option;
                }
            }
            return schema.get("enum").get(0);
        }
        switch (type) {
            case "integer", "number" -> {
                Matcher m = NUMBER.matcher(prompt);
                if (m.find()) {
                    return type.equals("integer") ? json.getNodeFactory().numberNode(Math.round(Double.parseDouble(m.group())))
                            : json.getNodeFactory().numberNode(Double.parseDouble(m.group()));
                }
                return json.getNodeFactory().numberNode(0);
            }
            case "boolean" -> {
                return json.getNodeFactory().booleanNode(!prompt.toLowerCase(Locale.ROOT).matches(".*\\b(no|not|false|without)\\b.*"));
            }
            case "array" -> {
                ArrayNode array = json.createArrayNode();
                array.add(value(name, schema.path("items"), prompt));
                return array;
            }
            case "object" -> {
                ObjectNode nested = json.createObjectNode();
                schema.path("properties").fields().forEachRemaining(e -> nested.set(e.getKey(), value(e.getKey(), e.getValue(), prompt)));
                return nested;
            }
            default -> {
                return json.getNodeFactory().textNode(text(name, prompt));
            }
        }
    }

    private static String text(String name, String prompt) {
        String spaced = name.replace('_', ' ');
        Matcher named = Pattern.compile("(?i)\\b" + Pattern.quote(spaced) + "\\s*(?:is|=|:|of)\\s*\"?([^\",.?;\\n]+)").matcher(prompt);
        if (named.find()) {
            return named.group(1).trim();
        }
        Matcher quoted = QUOTED.matcher(prompt);
        if (quoted.find()) {
            return quoted.group(1).trim();
        }
        Matcher capital = CAPITALISED.matcher(prompt);
        while (capital.find()) {
            String candidate = capital.group(1).trim();
            if (!List.of("I", "What", "How", "Can", "Please", "The", "Is", "Are", "Do", "Does").contains(candidate.split("\\s+")[0])) {
                return candidate;
            }
        }
        List<String> words = BaseModelResponder.salientWords(prompt, 1);
        return words.isEmpty() ? prompt.trim() : words.get(0);
    }
}
