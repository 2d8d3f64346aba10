package io.tuneforge.dataset.validation.report;

import java.util.List;

/** All occurrences of one code: how many, and the first few as evidence (bounded, so memory stays flat). */
public record FindingTally(String code, Severity severity, long count, String fixHint, List<Finding> examples) {
}
