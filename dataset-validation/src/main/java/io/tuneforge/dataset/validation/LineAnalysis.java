package io.tuneforge.dataset.validation;

import io.tuneforge.dataset.validation.cookbook.CookbookExample;
import io.tuneforge.dataset.validation.format.CheckedExample;
import io.tuneforge.dataset.validation.input.LineEnding;
import io.tuneforge.dataset.validation.quality.QualitySignals;
import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.Severity;
import java.util.List;

/**
 * Everything one line contributes to the report, computed independently of other lines (so lines can be
 * analysed in parallel) and small (the line's text is not kept).
 *
 * @param bracketOnly   "{" or "[" when the unparsable line is only that bracket: a pretty-printed file's first line
 * @param fragmentKey   the key when the unparsable line looks like {@code "key": ...} of a multi-line object
 * @param cookbookKind  how the reference validator sees the line (a BOM makes JSON.parse fail where we read on)
 * @param cookbook      the cookbook checks' outcome when cookbookKind is EXAMPLE
 * @param hasNulByte    binary content
 * @param normalizedContent the line in OpenAI's shape when a shorthand was accepted, else null
 */
record LineAnalysis(long line, LineKind kind, LineEnding ending, long bytes, List<Finding> findings,
                    String bracketOnly, String fragmentKey, LineKind cookbookKind, CookbookExample cookbook, CheckedExample checked,
                    QualitySignals quality, boolean hasNulByte, boolean invalidUtf8, String normalizedContent) {

    /** The caller-facing signals of an example line, or null when the line is no usable example. */
    ExampleSignals signals() {
        if (kind != LineKind.EXAMPLE || quality == null) {
            return null;
        }
        return new ExampleSignals(line, checked.kind(), checked.tokens(), quality.exact(),
                quality.prompt() != 0 ? quality.prompt() : quality.exact(), quality.nearText(), quality.category(),
                findings.stream().noneMatch(f -> f.severity() == Severity.ERROR), normalizedContent);
    }
}
