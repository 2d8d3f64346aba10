package io.tuneforge.dataset.validation.format;

import com.fasterxml.jackson.databind.JsonNode;

/** Names JSON value types the way users know them, for messages like "content is a number". */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "missing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        return "an object";
    }

    static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return "'" + shown + "'";
    }
}
