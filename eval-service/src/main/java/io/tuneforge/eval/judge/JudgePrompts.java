package io.tuneforge.eval.judge;

import io.tuneforge.eval.provider.PromptMessage;

import java.util.List;

/**
 * The prompts a judge model gets. Both carry the reference answer, so the verdict can come from the
 * content (closeness to the reference) rather than from style or position.
 */
public final class JudgePrompts {

    static final String DEFAULT_RUBRIC = "Correct and complete with respect to the reference answer, in the required format, "
            + "with nothing invented.";

    private JudgePrompts() {
    }

    /** Asks for a 1-5 score of one answer against the rubric and the reference. */
    public static List<PromptMessage> score(String rubric, String question, String reference, String answer) {
        return List.of(new PromptMessage("system", "You grade answers. Rubric: " + rubricOr(rubric)
                        + " Reply with a single digit from 1 (fails the rubric) to 5 (fully meets it), nothing else."),
                new PromptMessage("user", "Question:\n" + question + "\n\nReference answer:\n" + reference
                        + "\n\nAnswer to grade:\n" + answer + "\n\nScore (1-5):"));
    }

    /** Asks which of two answers is better; {@code first} is shown as A, {@code second} as B. */
    public static List<PromptMessage> pairwise(String rubric, String question, String reference, String first, String second) {
        return List.of(new PromptMessage("system", "You compare two answers. Rubric: " + rubricOr(rubric)
                        + " Reply with exactly one of: A, B, TIE."),
                new PromptMessage("user", "Question:\n" + question + "\n\nReference answer:\n" + reference
                        + "\n\nAnswer A:\n" + first + "\n\nAnswer B:\n" + second + "\n\nBetter answer (A, B or TIE):"));
    }

    private static String rubricOr(String rubric) {
        return rubric == null || rubric.isBlank() ? DEFAULT_RUBRIC : rubric;
    }
}
