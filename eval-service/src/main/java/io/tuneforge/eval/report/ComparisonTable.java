package io.tuneforge.eval.report;

import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.judge.JudgeReport;
import io.tuneforge.eval.metrics.Scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The seed's 4.2 table: metric, base, fine-tuned, improvement. Each row says which direction is better, and
 * a metric that means nothing for the task is kept but marked not applicable with the reason: BLEU and ROUGE-L
 * compare word sequences, so for a classification task (one-label answers, no 4-grams) they read 0 next to a
 * perfect exact match; exact match, accuracy and macro-F1 measure those answers instead.
 */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    public static List<ComparisonRow> of(Scorecard base, Scorecard fineTuned) {
        return of(base, fineTuned, Optional.empty());
    }

    /**
     * @param fineTuned null for a baseline-only run: the fine-tuned and improvement columns stay empty
     * @param judge     adds the judge's mean score (1-5) of each column's model
     */
    public static List<ComparisonRow> of(Scorecard base, Scorecard fineTuned, Optional<JudgeReport> judge) {
        List<ComparisonRow> rows = new ArrayList<>();
        rows.add(higherBetter("exact_match", base, fineTuned, Scorecard::exactMatch));
        if (base.classification() != null) {
            rows.add(higherBetter("accuracy", base, fineTuned, s -> s.classification().accuracy()));
            rows.add(higherBetter("macro_f1", base, fineTuned, s -> s.classification().macroF1()));
        }
        if (base.formatCompliance() != null) {
            rows.add(higherBetter("format_compliance", base, fineTuned, Scorecard::formatCompliance));
        }
        rows.add(wordOverlap(higherBetter("rouge_l", base, fineTuned, Scorecard::rougeL), base));
        if (base.preferredRate() != null) {
            rows.add(higherBetter("closer_to_preferred", base, fineTuned, Scorecard::preferredRate));
        }
        rows.add(wordOverlap(higherBetter("bleu", base, fineTuned, Scorecard::bleu), base));
        judge.ifPresent(j -> {
            Double b = meanScore(j, base);
            Double f = fineTuned == null ? null : meanScore(j, fineTuned);
            rows.add(ComparisonRow.higherIsBetter("judge_score", "score", b, f));
        });
        rows.add(lowerBetter("latency_avg_ms", "ms", base, fineTuned, s -> s.latency().avgMs()));
        rows.add(lowerBetter("latency_p50_ms", "ms", base, fineTuned, s -> s.latency().p50Ms()));
        rows.add(lowerBetter("latency_p95_ms", "ms", base, fineTuned, s -> s.latency().p95Ms()));
        rows.add(lowerBetter("tokens_per_call", "tokens", base, fineTuned,
                s -> s.promptTokensPerCall() + s.completionTokensPerCall()));
        rows.add(lowerBetter("cost_per_1k_calls_usd", "usd", base, fineTuned, Scorecard::costPer1kCallsUsd));
        return rows;
    }

    private static Double meanScore(JudgeReport judge, Scorecard card) {
        return judge.score(ModelRole.ofWire(card.role())).map(JudgeReport.ModelScore::meanScore).orElse(null);
    }

    static final String WORD_OVERLAP_NOT_APPLICABLE = "classification: answers are single labels, measured by exact_match, "
            + "accuracy and macro_f1; word-overlap scores need sentences";

    private static ComparisonRow wordOverlap(ComparisonRow row, Scorecard base) {
        return base.classification() != null ? row.notApplicable(WORD_OVERLAP_NOT_APPLICABLE) : row;
    }

    private static ComparisonRow higherBetter(String metric, Scorecard base, Scorecard fineTuned, Function<Scorecard, Double> value) {
        return ComparisonRow.higherIsBetter(metric, "ratio", value.apply(base), fineTuned == null ? null : value.apply(fineTuned));
    }

    private static ComparisonRow lowerBetter(String metric, String unit, Scorecard base, Scorecard fineTuned,
                                             Function<Scorecard, Double> value) {
        return ComparisonRow.lowerIsBetter(metric, unit, value.apply(base), fineTuned == null ? null : value.apply(fineTuned));
    }
}
