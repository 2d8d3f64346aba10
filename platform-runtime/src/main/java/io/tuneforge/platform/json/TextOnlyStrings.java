package io.tuneforge.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Jackson module that refuses the NUL character ({@code \u0000}) in every string read: values, map
 * keys and anything inside a {@link JsonNode}. PostgreSQL cannot store it in {@code text} or
 * {@code jsonb}, so accepting it would fail later, at the insert, as a 500; refusing it while the
 * body is read makes it the caller's 400 with the field named.
 */
public final class TextOnlyStrings extends SimpleModule {

    static final char NUL = '\u0000';

    public TextOnlyStrings() {
        super("tuneforge-text-only-strings");
        addDeserializer(String.class, new Strings());
        addKeyDeserializer(String.class, new Keys());
        addDeserializer(JsonNode.class, new Tree<>(JsonNode.class));
        addDeserializer(ObjectNode.class, new Tree<>(ObjectNode.class));
        addDeserializer(ArrayNode.class, new Tree<>(ArrayNode.class));
    }

    private static ForbiddenCharacterException forbidden(JsonParser parser) {
        return new ForbiddenCharacterException(parser,
                "contains the NUL character (\\u0000), which cannot be stored; remove it (or replace it, e.g. by a space)");
    }

    private static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, ctxt);
            if (value != null && value.indexOf(NUL) >= 0) {
                throw forbidden(parser);
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }

    private static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (key.indexOf(NUL) >= 0) {
                throw forbidden(ctxt.getParser());
            }
            return key;
        }
    }

    private static final class Tree<T extends JsonNode> extends StdScalarDeserializer<T> {

        private final Class<T> type;

        Tree(Class<T> type) {
            super(type);
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            JsonNode node = JsonNodeDeserializer.getDeserializer(type).deserialize(parser, ctxt);
            if (holdsNul(node)) {
                throw forbidden(parser);
            }
            return type.cast(node);
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) {
            // As Jackson's own tree deserializer: a JSON null is a NullNode where any node is accepted.
            return type == JsonNode.class ? type.cast(NullNode.getInstance()) : null;
        }

        private static boolean holdsNul(JsonNode node) {
            if (node.isTextual()) {
                return node.textValue().indexOf(NUL) >= 0;
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getKey().indexOf(NUL) >= 0 || holdsNul(field.getValue())) {
                        return true;
                    }
                }
                return false;
            }
            for (JsonNode element : node) {
                if (holdsNul(element)) {
                    return true;
                }
            }
            return false;
        }
    }
}
