package io.tuneforge.eval.judge;

import io.tuneforge.eval.provider.PromptMessage;
import io.tuneforge.eval.provider.StructuredOutput;

import java.util.List;
import java.util.Map;

/**
 * The prompts a judge model gets. Both carry the reference answer, so the verdict can come from the
 * content (closeness to the reference) rather than from style or position.
 *
 * <p>The convention (openai-simulator recognises it and judges from the texts, see its README): the
 * reply format is a {@code json_schema} named {@value #SCORE_SCHEMA} ({@code {"score": 1-5, "reason"}})
 * or {@value #PAIRWISE_SCHEMA} ({@code {"winner": "A"|"B"|"TIE", "reason"}}), and the texts are in tags:
 * {@code <question>}, {@code <reference>}, then {@code <answer>} or {@code <answer_a>} and {@code <answer_b>}.
 */
public final class JudgePrompts {

    public static final String SCORE_SCHEMA = "tuneforge_judge_score";
    public static final String PAIRWISE_SCHEMA = "tuneforge_pairwise";

    static final String DEFAULT_RUBRIC = "Correct and complete with respect to the reference answer, in the required format, "
            + "with nothing invented.";

    static final StructuredOutput SCORE_FORMAT = new StructuredOutput(SCORE_SCHEMA, schema(Map.of(
            "score", Map.of("type", "integer", "minimum", 1, "maximum", 5), "reason", Map.of("type", "string")), "score", "reason"));
    static final StructuredOutput PAIRWISE_FORMAT = new StructuredOutput(PAIRWISE_SCHEMA, schema(Map.of(
            "winner", Map.of("type", "string", "enum", List.of("A", "B", "TIE")), "reason", Map.of("type", "string")), "winner", "reason"));

    private JudgePrompts() {
    }

    /** Asks for a 1-5 score of one answer against the rubric and the reference. */
    public static List<PromptMessage> score(String rubric, String question, String reference, String answer) {
        return List.of(new PromptMessage("system", "You grade answers. Rubric: " + rubricOr(rubric)
                        + " Give a score from 1 (fails the rubric) to 5 (fully meets it). Reply in JSON: "
                        + "{\"score\": <1-5>, \"reason\": \"<one sentence>\"}."),
                new PromptMessage("user", tag("question", question) + tag("reference", reference) + tag("answer", answer)));
    }

    /** Asks which of two answers is better; {@code first} is shown as A, {@code second} as B. */
    public static List<PromptMessage> pairwise(String rubric, String question, String reference, String first, String second) {
        return List.of(new PromptMessage("system", "You compare two answers. Rubric: " + rubricOr(rubric)
                        + " Reply in JSON: {\"winner\": \"A\" | \"B\" | \"TIE\", \"reason\": \"<one sentence>\"}."),
                new PromptMessage("user", tag("question", question) + tag("reference", reference) + tag("answer_a", first)
                        + tag("answer_b", second)));
    }

    public static String rubricOr(String rubric) {
        return rubric == null || rubric.isBlank() ? DEFAULT_RUBRIC : rubric;
    }

    private static String tag(String name, String text) {
        return "<" + name + ">\n" + (text == null ? "" : text) + "\n</" + name + ">\n";
    }

    private static Map<String, Object> schema(Map<String, Object> properties, String... required) {
        return Map.of("type", "object", "properties", properties, "required", List.of(required), "additionalProperties", false);
    }
}
