package io.tuneforge.dataset.validation.report;

/** The outcome in one word: FAILED when any error was found (OpenAI would reject the file or fail the job). */
public enum Verdict {
    PASSED,
    PASSED_WITH_WARNINGS,
    FAILED
}
