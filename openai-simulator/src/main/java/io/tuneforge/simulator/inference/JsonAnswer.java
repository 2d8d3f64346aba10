package io.tuneforge.simulator.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes an answer for JSON mode: an answer that already is a JSON object stays as it is; otherwise it is
 * wrapped ({"answer": ...}) or, for a json_schema, laid into an object with every declared property.
 */
public final class JsonAnswer {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private final ObjectMapper json;

    public JsonAnswer(ObjectMapper json) {
        this.json = json;
    }

    public String shape(String answer, JsonNode responseFormat) {
        JsonNode parsed = parse(answer);
        String type = responseFormat.path("type").asText("text");
        if (type.equals("json_object")) {
            if (parsed != null && parsed.isObject()) {
                return parsed.toString();
            }
            ObjectNode wrapped = json.createObjectNode();
            wrapped.put("answer", answer);
            return wrapped.toString();
        }
        JsonNode schema = responseFormat.path("json_schema").path("schema");
        if (parsed != null && parsed.isObject() && fits(parsed, schema)) {
            return parsed.toString();
        }
        return value(schema, answer).toString();
    }

    private boolean fits(JsonNode value, JsonNode schema) {
        JsonNode required = schema.path("required");
        for (JsonNode r : required) {
            if (!value.has(r.asText())) {
                return false;
            }
        }
        return true;
    }

    private JsonNode value(JsonNode schema, String answer) {
        if (schema.has("enum") && schema.get("enum").isArray() && !schema.get("enum").isEmpty()) {
            for (JsonNode option : schema.get("enum")) {
                if (answer.toLowerCase(Locale.ROOT).contains(option.asText().toLowerCase(Locale.ROOT))) {
                    return option;
                }
            }
            return schema.get("enum").get(0);
        }
        if (schema.has("anyOf") && schema.get("anyOf").isArray() && !schema.get("anyOf").isEmpty()) {
            return value(schema.get("anyOf").get(0), answer);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        switch (type) {
            case "object" -> {
                ObjectNode object = json.createObjectNode();
                schema.path("properties").fields().forEachRemaining(e -> object.set(e.getKey(), value(e.getValue(), answer)));
                if (object.isEmpty()) {
                    object.put("answer", answer);
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = json.createArrayNode();
                array.add(value(schema.path("items"), answer));
                return array;
            }
            case "integer", "number" -> {
                Matcher m = NUMBER.matcher(answer);
                double v = m.find() ? Double.parseDouble(m.group()) : 0;
                return type.equals("integer") ? json.getNodeFactory().numberNode(Math.round(v)) : json.getNodeFactory().numberNode(v);
            }
            case "boolean" -> {
                return json.getNodeFactory().booleanNode(!answer.toLowerCase(Locale.ROOT).matches(".*\\b(no|not|false)\\b.*"));
            }
            case "null" -> {
                return json.getNodeFactory().nullNode();
            }
            default -> {
                return json.getNodeFactory().textNode(answer);
            }
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text.trim());
        } catch (Exception e) {
            return null;
        }
    }
}
