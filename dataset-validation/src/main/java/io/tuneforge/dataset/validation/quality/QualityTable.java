package io.tuneforge.dataset.validation.quality;

import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.FindingCode;
import io.tuneforge.dataset.validation.report.FindingLedger;
import io.tuneforge.dataset.validation.report.FindingTally;
import io.tuneforge.dataset.validation.report.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The seed's data-quality checklist (section 2.4) as a table: each row passes, warns or fails, with evidence
 * taken from the findings so the table and the detailed findings can never disagree.
 */
public final class QualityTable {

    /** Syntax and structure codes, in catalogue order (from the first input check to the last DPO check). */
    private static final Set<FindingCode> FORMAT = EnumSet.range(FindingCode.EMPTY_FILE, FindingCode.DPO_INPUT_ENDS_WITH_ASSISTANT);
    private static final Set<FindingCode> PRIVACY = EnumSet.range(FindingCode.PII_EMAIL, FindingCode.SECRET);
    private static final int EVIDENCE_LINES = 10;

    private QualityTable() {
    }

    public static List<QualityCheck> build(FindingLedger ledger, QualityFacts facts, long examples) {
        List<QualityCheck> rows = new ArrayList<>();
        rows.add(row(ledger, "At least 10 examples (50+ recommended)", EnumSet.of(FindingCode.TOO_FEW_EXAMPLES, FindingCode.FEW_EXAMPLES),
                examples + " examples"));
        rows.add(row(ledger, "Consistent, valid format on every line", FORMAT, "every line is a well-formed example"));
        rows.add(row(ledger, "No contradictory examples (same prompt, different answers)",
                EnumSet.of(FindingCode.CONTRADICTORY_EXAMPLES, FindingCode.CONTRADICTORY_PREFERENCES), "no prompt has two different answers"));
        rows.add(row(ledger, "Balanced categories", EnumSet.of(FindingCode.CATEGORY_IMBALANCE),
                facts.categories().size() >= 2 ? facts.categories().size() + " categories, none dominant" : "no category labels found"));
        rows.add(row(ledger, "Consistent system prompt", EnumSet.of(FindingCode.SYSTEM_PROMPT_INCONSISTENT, FindingCode.SYSTEM_PROMPT_MISSING),
                facts.distinctSystemPrompts() + " distinct system prompt(s); " + facts.withoutSystemPrompt() + " example(s) without one"));
        rows.add(row(ledger, "No exact or near duplicates", EnumSet.of(FindingCode.EXACT_DUPLICATE, FindingCode.NEAR_DUPLICATE), "no duplicates"));
        rows.add(row(ledger, "No personal data or secrets", PRIVACY, "no emails, phone numbers, card numbers, IBANs, ids, IPs or keys found"));
        rows.add(row(ledger, "Refusals not over-represented", EnumSet.of(FindingCode.REFUSALS_OVERREPRESENTED),
                facts.refusals() + " refusing repl" + (facts.refusals() == 1 ? "y" : "ies")));
        rows.add(row(ledger, "Within token limits, no special-token text",
                EnumSet.of(FindingCode.EXAMPLE_TOO_LONG, FindingCode.SPECIAL_TOKEN_TEXT, FindingCode.EXAMPLE_OVER_4K_TOKENS),
                "every example fits the model's limit"));
        return rows;
    }

    private static QualityCheck row(FindingLedger ledger, String name, Set<FindingCode> codes, String passEvidence) {
        QualityStatus status = QualityStatus.PASS;
        StringBuilder evidence = new StringBuilder();
        List<Long> lines = new ArrayList<>();
        for (FindingCode code : codes) {
            FindingTally t = ledger.tally(code);
            if (t == null || t.severity() == Severity.INFO) {
                continue;
            }
            QualityStatus s = t.severity() == Severity.ERROR ? QualityStatus.FAIL : QualityStatus.WARN;
            if (s.compareTo(status) > 0) {
                status = s;
            }
            if (evidence.length() > 0) {
                evidence.append("; ");
            }
            evidence.append(t.code()).append(" x").append(t.count());
            for (Finding f : t.examples()) {
                if (lines.size() < EVIDENCE_LINES && f.line() > 0 && !lines.contains(f.line())) {
                    lines.add(f.line());
                }
            }
            if (t.examples().get(0).line() == 0 && evidence.indexOf(": ") < 0) {
                evidence.append(": ").append(t.examples().get(0).message());
            }
        }
        return new QualityCheck(name, status, status == QualityStatus.PASS ? passEvidence : evidence.toString(), List.copyOf(lines));
    }
}
