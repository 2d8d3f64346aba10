package io.tuneforge.dataset.validation.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Set;

/** Checks on message lists that are already in role/content form (TRL, HH conversations, Bedrock). */
final class Messages {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private Messages() {
    }

    /** Copies every message of {@code list}, which must be {role, content} objects with an OpenAI role. */
    static void copyAll(JsonNode list, String field, ArrayNode target) throws SkipRecord {
        for (int i = 0; i < list.size(); i++) {
            target.add(checked(list.get(i), field + "[" + i + "]").deepCopy());
        }
    }

    static JsonNode checked(JsonNode m, String where) throws SkipRecord {
        if (!m.isObject() || !m.path("role").isTextual()) {
            throw new SkipRecord(where + " is not a {\"role\", \"content\"} message");
        }
        String role = m.get("role").textValue();
        if (!ROLES.contains(role)) {
            throw new SkipRecord(where + " has role '" + role + "', not an OpenAI role");
        }
        return m;
    }

    /** The message list of a value given as a list or as {"messages": [...]}, or null when it is neither. */
    static JsonNode list(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isArray()) {
            return value;
        }
        JsonNode inner = value.get("messages");
        return inner != null && inner.isArray() ? inner : null;
    }
}
