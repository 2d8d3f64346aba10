package io.tuneforge.dataset.validation.report;

/** How much a finding matters: an ERROR makes OpenAI reject the file or fail the job; a WARNING costs quality. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
