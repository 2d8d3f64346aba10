package io.tuneforge.eval.provider;

import java.util.Map;

/**
 * A {@code response_format} of type {@code json_schema}: the reply must be a JSON object of this schema.
 *
 * @param name   the schema's name (the simulator recognises judge requests by it, see judge/JudgePrompts)
 * @param schema the JSON Schema as plain maps and lists
 */
public record StructuredOutput(String name, Map<String, Object> schema) {
}
