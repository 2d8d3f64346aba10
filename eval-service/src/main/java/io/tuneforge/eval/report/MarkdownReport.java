package io.tuneforge.eval.report;

import io.tuneforge.eval.metrics.SliceScore;
import io.tuneforge.eval.metrics.Scorecard;
import io.tuneforge.events.eval.GateOutcome;

import java.util.Locale;
import java.util.Map;

/** The report for people: the comparison table, the gates and decision, slices, failures by kind. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(EvalReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation ").append(report.evalId()).append("\n\n");
        md.append("Dataset `").append(report.datasetId()).append("` (version `").append(report.datasetVersionId())
                .append("`), ").append(report.examples()).append(" held-out examples, task ").append(report.task())
                .append(", format ").append(report.format()).append(".\n\n");
        md.append("**Decision: ").append(report.decision()).append("**");
        if (report.fineTunedModel() == null) {
            md.append(" (baseline only: is prompting `").append(report.baseModel()).append("` enough?)");
        }
        md.append("\n\n");

        md.append("| metric | base (`").append(cell(report.baseModel())).append("`) | fine-tuned (`")
                .append(cell(report.fineTunedModel() == null ? "-" : report.fineTunedModel())).append("`) | improvement |\n");
        md.append("|---|---|---|---|\n");
        for (ComparisonRow row : report.comparison()) {
            if (!row.applicable()) {
                md.append("| ").append(row.metric()).append(" | n/a | ").append(report.fineTunedModel() == null ? "-" : "n/a")
                        .append(" | n/a: ").append(cell(row.note())).append(" |\n");
                continue;
            }
            md.append("| ").append(row.metric()).append(" | ").append(value(row.unit(), row.base())).append(" | ")
                    .append(report.fineTunedModel() == null ? "-" : value(row.unit(), row.fineTuned())).append(" | ")
                    .append(report.fineTunedModel() == null ? "-" : improvement(row)).append(" |\n");
        }
        if (report.fineTunedModel() != null) {
            md.append("\nImprovement: the fine-tuned model against the base, in words (better or worse). Higher is better for "
                    + "rates and scores (pp = percentage points); lower is better for latency, tokens and cost.\n");
        }

        if (!report.gates().isEmpty()) {
            md.append("\n## Gates\n\n| gate | result | value | bar | why |\n|---|---|---|---|---|\n");
            for (GateOutcome gate : report.gates()) {
                md.append("| ").append(gate.gate()).append(" | ").append(gate.passed() ? "pass" : "**FAIL**").append(" | ")
                        .append(number(gate.actual())).append(" | ").append(number(gate.threshold())).append(" | ")
                        .append(cell(gate.detail())).append(" |\n");
            }
        }

        if (report.judge() != null) {
            var judge = report.judge();
            md.append("\n## Judge (`").append(cell(judge.model())).append("`)\n\nRubric: ").append(cell(judge.rubric())).append("\n\n");
            md.append("| model | mean score (1-5) | judged | no verdict |\n|---|---|---|---|\n");
            for (var score : judge.scores()) {
                md.append("| ").append(score.role()).append(" `").append(cell(score.model())).append("` | ")
                        .append(score.meanScore() == null ? "-" : String.format(Locale.ROOT, "%.2f", score.meanScore())).append(" | ")
                        .append(score.judged()).append(" | ").append(score.abstained()).append(" |\n");
            }
            if (judge.pairwise() != null) {
                var p = judge.pairwise();
                md.append(String.format(Locale.ROOT, "%nPairwise (each pair asked twice, order swapped; a flip is a tie): fine-tuned wins %d, "
                                + "ties %d, base wins %d, no verdict %d; preference for the fine-tuned model %s (95%% CI %s-%s).%n",
                        p.candidateWins(), p.ties(), p.baselineWins(), p.abstained(), ratio(p.preferenceRate()), ratio(p.lower()),
                        ratio(p.upper())));
            }
            md.append(String.format(Locale.ROOT, "%nJudge usage: %d calls, %d prompt + %d completion tokens.%n", judge.usage().calls(),
                    judge.usage().promptTokens(), judge.usage().completionTokens()));
        }

        if (report.humanReview() != null) {
            var review = report.humanReview();
            md.append(String.format(Locale.ROOT, "%n## Human review (blind A/B)%n%n%d of %d pairs reviewed, %d verdicts: fine-tuned preferred %d, "
                            + "base preferred %d, ties %d; preference for the fine-tuned model %s (95%% CI %s-%s).%n",
                    review.reviewedPairs(), review.pairs(), review.reviews(), review.candidatePreferred(), review.baselinePreferred(),
                    review.ties(), ratio(review.preferenceRate()), ratio(review.lower()), ratio(review.upper())));
        }

        boolean sliced = report.models().stream().anyMatch(m -> !m.slices().isEmpty());
        if (sliced) {
            md.append("\n## Slices (exact match)\n\n| model | ");
            Map<String, SliceScore> names = report.models().get(0).slices();
            names.keySet().forEach(slice -> md.append(cell(slice)).append(" | "));
            md.append("\n|---|").append("---|".repeat(names.size())).append("\n");
            for (Scorecard model : report.models()) {
                md.append("| ").append(model.role()).append(" | ");
                names.keySet().forEach(slice -> {
                    SliceScore score = model.slices().get(slice);
                    md.append(score == null ? "-" : ratio(score.exactMatch()) + " (n=" + score.examples() + ")").append(" | ");
                });
                md.append("\n");
            }
        }

        md.append("\n## Failures by kind\n");
        if (report.failures().isEmpty()) {
            md.append("\nNone.\n");
        }
        for (FailureGroup group : report.failures()) {
            md.append("\n### ").append(group.kind()).append(" — ").append(group.role()).append(" `").append(group.model())
                    .append("`: ").append(group.count()).append("\n\n");
            for (FailureGroup.Example example : group.examples()) {
                md.append("- #").append(example.idx()).append(" `").append(inline(example.prompt())).append("` → `")
                        .append(inline(example.output())).append("` (").append(inline(example.detail())).append(")\n");
            }
        }
        return md.toString();
    }

    private static String value(String unit, Double value) {
        if (value == null) {
            return "unknown";
        }
        return switch (unit) {
            case "ratio" -> ratio(value);
            case "ms" -> String.format(Locale.ROOT, "%.0f ms", value);
            case "usd" -> String.format(Locale.ROOT, "$%.4f", value);
            case "score" -> String.format(Locale.ROOT, "%.2f", value);
            default -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    /** The change in words: "+50.0 pp (better)", "483 ms slower (worse)", "42.7 fewer tokens (better)". */
    private static String improvement(ComparisonRow row) {
        if (row.change() == null || row.verdict() == null) {
            return "unknown";
        }
        if (row.verdict().equals("same")) {
            return "same";
        }
        double change = row.change();
        double size = Math.abs(change);
        boolean up = change > 0;
        String amount = switch (row.unit()) {
            case "ratio" -> String.format(Locale.ROOT, "%+.1f pp", change * 100);
            case "ms" -> String.format(Locale.ROOT, "%.0f ms %s", size, up ? "slower" : "faster");
            case "tokens" -> String.format(Locale.ROOT, "%.1f %s tokens", size, up ? "more" : "fewer");
            case "usd" -> String.format(Locale.ROOT, "$%.4f %s", size, up ? "more" : "less");
            case "score" -> String.format(Locale.ROOT, "%+.2f", change);
            default -> String.format(Locale.ROOT, "%+.1f", change);
        };
        return amount + " (" + row.verdict() + ")";
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String inline(String text) {
        return text == null ? "" : cell(text).replace("`", "'");
    }
}
