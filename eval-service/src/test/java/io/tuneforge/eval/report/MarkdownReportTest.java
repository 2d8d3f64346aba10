package io.tuneforge.eval.report;

import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.EvalTask;
import io.tuneforge.eval.domain.FormatKind;
import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ModelUnderTest;
import io.tuneforge.eval.domain.TaskKind;
import io.tuneforge.eval.judge.JudgeReport;
import io.tuneforge.eval.metrics.ScoredAnswer;
import io.tuneforge.eval.review.HumanReviewSummary;
import io.tuneforge.events.eval.JudgeUsage;
import io.tuneforge.eval.metrics.Scorecard;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private static final EvalSpec SPEC = new EvalSpec(List.of(new ModelUnderTest(ModelRole.CANDIDATE, "ft:gpt-4o-mini:acme::x"),
            new ModelUnderTest(ModelRole.BASELINE, "gpt-4o-mini")),
            new EvalTask(TaskKind.CLASSIFICATION, FormatKind.REGEX, null, "billing|shipping"), GateSettings.DEFAULTS, 4, null);

    private static ScoredAnswer answer(int idx, String reference, String output, long latency) {
        return new ScoredAnswer(idx, reference, reference, output, null, latency, 30, 1);
    }

    @Test
    void showsTheComparisonTableGatesSlicesAndFailuresByKind() {
        Map<ModelRole, List<ScoredAnswer>> answers = Map.of(
                ModelRole.CANDIDATE, List.of(answer(0, "billing", "billing", 10), answer(1, "shipping", "shipping", 12),
                        answer(2, "billing", "billing", 11), answer(3, "shipping", "billing", 10)),
                ModelRole.BASELINE, List.of(answer(0, "billing", "How can I help?", 20), answer(1, "shipping", "Sure.", 20),
                        answer(2, "billing", "billing", 20), new ScoredAnswer(3, "shipping", "shipping", null,
                                "prompt too long", null, 0, 0)));
        ReportAssembly.Assembled assembled = ReportAssembly.assemble("eval_1", "ds_1", "dsv_1", SPEC, answers,
                model -> model.startsWith("ft:") ? Optional.empty() : Optional.of(new Scorecard.TokenPrices(0.15, 0.60)),
                Optional.empty(), idx -> "ticket #" + idx, Optional.empty());

        String md = MarkdownReport.render(assembled.report());

        assertThat(md).contains("**Decision: promote**");
        assertThat(md).contains("| metric | base (`gpt-4o-mini`) | fine-tuned (`ft:gpt-4o-mini:acme::x`) | improvement |");
        assertThat(md).contains("| exact_match | 25.0% | 75.0% | +50.0 pp (better) |");
        assertThat(md).contains("| format_compliance | 25.0% | 100.0% | +75.0 pp (better) |");
        assertThat(md).as("a faster model: fewer ms, said in words").contains("| latency_avg_ms | 20 ms | 11 ms | 9 ms faster (better) |");
        assertThat(md).as("one-word labels: BLEU and ROUGE-L say nothing, so they are n/a with the reason")
                .contains("| bleu | n/a | n/a | n/a: classification: answers are single labels")
                .contains("| rouge_l | n/a | n/a | n/a: classification");
        assertThat(md).contains("Higher is better for rates and scores").contains("lower is better for latency, tokens and cost");
        assertThat(md).as("an unknown price is never shown as zero").contains("| cost_per_1k_calls_usd | $0.0051 | unknown | unknown |");
        assertThat(md).contains("| accuracy_above_baseline | pass |");
        assertThat(md).contains("| candidate | 100.0% (n=2) | 50.0% (n=2) |");
        assertThat(md).contains("### wrong_answer — candidate `ft:gpt-4o-mini:acme::x`: 1")
                .contains("- #3 `ticket #3` → `billing` (expected 'shipping')");
    }

    @Test
    void aSlowerModelWithFewerTokensReadsAsWorseLatencyAndBetterTokensAndTheJsonRowSaysTheDirection() {
        Map<ModelRole, List<ScoredAnswer>> answers = Map.of(
                ModelRole.CANDIDATE, List.of(new ScoredAnswer(0, "the parcel left on monday", null,
                        "the parcel left on monday", null, 700L, 20, 5)),
                ModelRole.BASELINE, List.of(new ScoredAnswer(0, "the parcel left on monday", null, "it left", null, 217L, 60, 7)));
        EvalSpec generation = new EvalSpec(SPEC.models(), new EvalTask(TaskKind.GENERATION, FormatKind.NONE, null, null),
                GateSettings.DEFAULTS, 1, null);
        EvalReport report = ReportAssembly.assemble("eval_4", "ds_1", "dsv_1", generation, answers, model -> Optional.empty(),
                Optional.empty(), idx -> "q" + idx, Optional.empty()).report();

        String md = MarkdownReport.render(report);

        assertThat(md).contains("| latency_avg_ms | 217 ms | 700 ms | 483 ms slower (worse) |");
        assertThat(md).contains("| tokens_per_call | 67.0 | 25.0 | 42.0 fewer tokens (better) |");
        assertThat(md).as("generation: word overlap applies").containsPattern("\\| bleu \\| 0\\.0% \\| 100\\.0% \\| \\+100\\.0 pp \\(better\\) \\|");
        ComparisonRow latency = report.comparison().stream().filter(r -> r.metric().equals("latency_avg_ms")).findFirst().orElseThrow();
        assertThat(latency.better()).isEqualTo("lower");
        assertThat(latency.change()).isEqualTo(483.0);
        assertThat(latency.improvement()).as("positive = better, kept for existing readers").isEqualTo(-483.0);
        assertThat(latency.verdict()).isEqualTo("worse");
        assertThat(latency.applicable()).isTrue();
    }

    @Test
    void aBaselineOnlyRunLeavesTheFineTunedColumnEmpty() {
        EvalSpec baselineOnly = new EvalSpec(List.of(new ModelUnderTest(ModelRole.BASELINE, "gpt-4o-mini")),
                new EvalTask(TaskKind.EXACT, FormatKind.JSON, null, null), GateSettings.DEFAULTS, 2, null);
        ReportAssembly.Assembled assembled = ReportAssembly.assemble("eval_2", "ds_1", "dsv_1", baselineOnly,
                Map.of(ModelRole.BASELINE, List.of(answer(0, "{\"a\":1}", "{\"a\": 1}", 5), answer(1, "{}", "no", 5))),
                model -> Optional.empty(), Optional.empty(), idx -> "q" + idx, Optional.empty());

        String md = MarkdownReport.render(assembled.report());

        assertThat(assembled.decision().decision()).isEqualTo("baseline_only");
        assertThat(md).contains("baseline only: is prompting `gpt-4o-mini` enough?");
        assertThat(md).contains("| format_compliance | 50.0% | - | - |");
        assertThat(md).contains("### format_violation — baseline `gpt-4o-mini`: 1");
    }

    @Test
    void aJudgedAndReviewedRunShowsMeanScoresThePairwisePreferenceAndTheHumanVerdicts() {
        Map<ModelRole, List<ScoredAnswer>> answers = Map.of(
                ModelRole.CANDIDATE, List.of(answer(0, "billing", "billing", 10), answer(1, "shipping", "shipping", 12)),
                ModelRole.BASELINE, List.of(answer(0, "billing", "Hello", 20), answer(1, "shipping", "Sure.", 20)));
        JudgeReport judge = new JudgeReport("gpt-4.1", "Be correct.",
                List.of(new JudgeReport.ModelScore("candidate", "ft:gpt-4o-mini:acme::x", 2, 0, 5.0),
                        new JudgeReport.ModelScore("baseline", "gpt-4o-mini", 2, 0, 1.5)),
                new JudgeReport.Pairwise(2, 2, 0, 0, 0, 1.0, 0.342, 1.0), new JudgeUsage("gpt-4.1", 8, 800, 80));
        EvalReport report = ReportAssembly.assemble("eval_3", "ds_1", "dsv_1", SPEC, answers, model -> Optional.empty(),
                Optional.empty(), idx -> "q" + idx, Optional.of(judge)).report();
        EvalReport reviewed = report.withHumanReview(new HumanReviewSummary(2, 2, 3, 2, 1, 0, 2.0 / 3, 0.208, 0.939, 4.0, 2.0),
                report.gates(), report.decision());

        String md = MarkdownReport.render(reviewed);

        assertThat(md).contains("| judge_score | 1.50 | 5.00 | +3.50 (better) |");
        assertThat(md).contains("## Judge (`gpt-4.1`)").contains("Rubric: Be correct.");
        assertThat(md).contains("| candidate `ft:gpt-4o-mini:acme::x` | 5.00 | 2 | 0 |");
        assertThat(md).contains("fine-tuned wins 2, ties 0, base wins 0, no verdict 0; preference for the fine-tuned model 100.0% "
                + "(95% CI 34.2%-100.0%)");
        assertThat(md).contains("Judge usage: 8 calls, 800 prompt + 80 completion tokens.");
        assertThat(md).contains("## Human review (blind A/B)").contains("2 of 2 pairs reviewed, 3 verdicts: fine-tuned preferred 2, "
                + "base preferred 1, ties 0; preference for the fine-tuned model 66.7% (95% CI 20.8%-93.9%)");
    }
}
