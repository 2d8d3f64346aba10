package io.tuneforge.dataset.validation.report;

import io.tuneforge.dataset.validation.cookbook.CookbookSummary;
import io.tuneforge.dataset.validation.format.DatasetKind;
import io.tuneforge.dataset.validation.quality.QualityCheck;
import java.util.List;

/**
 * The result of validating one dataset file; dataset-service returns it as its REST report, so the component
 * names are a contract.
 *
 * @param source          name of the validated upload
 * @param detectedFormat  human-readable format, e.g. "OpenAI chat (supervised)" or "ShareGPT (...) as a JSON array"
 * @param findings        every finding code with its count and first examples: errors, then warnings, then info
 * @param quality         the data-quality checklist
 * @param cookbook        the same file through the OpenAI cookbook checks, for comparison with OpenAI's notebook
 */
public record ValidationReport(String source, Verdict verdict, DatasetKind datasetKind, String detectedFormat,
                               long errorCount, long warningCount, InputStatistics input, TokenReport tokens,
                               List<QualityCheck> quality, List<FindingTally> findings, CookbookSummary cookbook) {

    /** One line per finding code, most important first; what the CLI prints. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(source).append(": ").append(verdict).append(" (").append(errorCount).append(" errors, ")
                .append(warningCount).append(" warnings) — ").append(detectedFormat).append('\n');
        for (FindingTally t : findings) {
            s.append(String.format("  %-7s %-34s x%-7d %s%n", t.severity(), t.code(), t.count(),
                    t.examples().isEmpty() ? "" : t.examples().get(0).describe()));
        }
        return s.toString();
    }
}
