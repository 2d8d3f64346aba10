package io.tuneforge.dataset.validation.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The state of converting one record: builds OpenAI messages and remembers which mapping rules the record used,
 * so the result only counts rules of records that were actually written.
 */
final class Conversion {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final List<String[]> used = new ArrayList<>(8);

    void map(String from, String to) {
        for (String[] m : used) {
            if (m[0].equals(from) && m[1].equals(to)) {
                return;
            }
        }
        used.add(new String[] {from, to});
    }

    /** Keys of the record no rule reads: listed as "not converted" so nothing disappears without a trace. */
    void dropUnknownKeys(JsonNode record, Set<String> known) {
        for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                map(name, "(not converted)");
            }
        }
    }

    static String requiredText(JsonNode record, String field) throws SkipRecord {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            throw new SkipRecord("missing '" + field + "'");
        }
        if (!v.isTextual()) {
            throw new SkipRecord("'" + field + "' is " + describe(v) + ", not a string");
        }
        return v.textValue();
    }

    /** A string field that may be absent, null or empty (then null). */
    static String optionalText(JsonNode record, String field) throws SkipRecord {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new SkipRecord("'" + field + "' is " + describe(v) + ", not a string");
        }
        return v.textValue().isEmpty() ? null : v.textValue();
    }

    static ObjectNode message(String role, String content) {
        ObjectNode m = NODES.objectNode();
        m.put("role", role);
        m.put("content", content);
        return m;
    }

    static ObjectNode chat(ArrayNode messages) {
        ObjectNode example = NODES.objectNode();
        example.set("messages", messages);
        return example;
    }

    static void requireReply(String field, String reply) throws SkipRecord {
        if (reply == null || reply.isBlank()) {
            throw new SkipRecord("'" + field + "' is empty: there is no reply to learn");
        }
    }

    static String describe(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
