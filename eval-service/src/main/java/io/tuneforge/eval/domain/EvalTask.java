package io.tuneforge.eval.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.eval.metrics.FormatCheck;

import java.util.Optional;

/**
 * The task the test set poses and the format its answers must have.
 *
 * @param schema the JSON Schema for {@link FormatKind#JSON_SCHEMA}
 * @param regex  the pattern an answer must fully match for {@link FormatKind#REGEX}
 */
public record EvalTask(TaskKind kind, FormatKind format, JsonNode schema, String regex) {

    public EvalTask {
        kind = kind == null ? TaskKind.EXACT : kind;
        format = format == null ? FormatKind.NONE : format;
    }

    /** The format check of this task, empty when any answer is acceptable. */
    public Optional<FormatCheck> formatCheck() {
        return switch (format) {
            case NONE -> Optional.empty();
            case JSON -> Optional.of(FormatCheck.json());
            case JSON_SCHEMA -> Optional.of(FormatCheck.jsonSchema(schema.toString()));
            case REGEX -> Optional.of(FormatCheck.regex(regex));
        };
    }
}
