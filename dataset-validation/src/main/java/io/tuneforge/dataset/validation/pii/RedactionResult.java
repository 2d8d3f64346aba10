package io.tuneforge.dataset.validation.pii;

import java.util.Map;

/**
 * What {@link PiiRedactor} replaced.
 *
 * @param lines          lines read (blank lines included)
 * @param linesChanged   lines with at least one replacement
 * @param unparsedLines  lines that were not valid JSON: redacted as plain text (still not valid JSON), see the class doc
 * @param droppedLines   lines over the line-size limit: not copied, because they could not be scanned
 * @param replacements   replacements per kind, every kind present (0 when none)
 */
public record RedactionResult(long lines, long linesChanged, long unparsedLines, long droppedLines, Map<PiiKind, Long> replacements) {

    public long total() {
        return replacements.values().stream().mapToLong(Long::longValue).sum();
    }
}
