package io.tuneforge.events.eval;

import java.util.Map;

/**
 * What kind of answer an evaluation expects, as a pipeline asks for it: decides which metrics apply
 * (accuracy and per-class scores for classification) and what "format compliance" checks.
 *
 * @param kind   {@code exact} (normalized exact match), {@code classification} or {@code generation}; null = exact
 * @param format {@code none}, {@code json}, {@code json_schema} or {@code regex}; null = none
 * @param schema the JSON Schema every answer must satisfy, with format {@code json_schema}
 * @param regex  the pattern every answer must match, with format {@code regex}
 */
public record EvaluationTask(String kind, String format, Map<String, Object> schema, String regex) {
}
