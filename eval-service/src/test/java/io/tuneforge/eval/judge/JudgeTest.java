package io.tuneforge.eval.judge;

import io.tuneforge.eval.domain.EvalJudgement;
import io.tuneforge.eval.domain.JudgeSpec;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ModelUnderTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JudgeTest {

    @Test
    void aPreferenceCountsOnlyWhenItSurvivesSwappingTheOrder() {
        assertThat(PairwiseJudgement.combine(Optional.of("A"), Optional.of("B"))).contains(Preference.CANDIDATE);
        assertThat(PairwiseJudgement.combine(Optional.of("B"), Optional.of("A"))).contains(Preference.BASELINE);
        assertThat(PairwiseJudgement.combine(Optional.of("A"), Optional.of("A"))).as("always the first: position bias")
                .contains(Preference.TIE);
        assertThat(PairwiseJudgement.combine(Optional.of("TIE"), Optional.of("TIE"))).contains(Preference.TIE);
        assertThat(PairwiseJudgement.combine(Optional.of("A"), Optional.empty())).isEmpty();
    }

    @Test
    void verdictsAreReadOnlyWhenUnambiguous() {
        assertThat(JudgeVerdicts.score("4")).contains(4);
        assertThat(JudgeVerdicts.score("Score: 5/5")).contains(5);
        assertThat(JudgeVerdicts.score("between 3 and 4")).isEmpty();
        assertThat(JudgeVerdicts.score("I can help with grading answers today.")).isEmpty();
        assertThat(JudgeVerdicts.choice("B")).contains("B");
        assertThat(JudgeVerdicts.choice("Answer A is closer to the reference")).contains("A");
        assertThat(JudgeVerdicts.choice("tie")).contains("TIE");
        assertThat(JudgeVerdicts.choice("Both answers discuss the ticket.")).isEmpty();
        // What the simulator's base models answer a judge prompt (generic text around the prompt's words): no verdict.
        String simulatorReply = "Here is a general answer about billing, reference and invoice. A good approach is to clarify "
                + "the goal first and then work through billing step by step.";
        assertThat(JudgeVerdicts.choice(simulatorReply)).isEmpty();
        assertThat(JudgeVerdicts.score(simulatorReply)).isEmpty();
    }

    @Test
    void theJudgePromptsCarryTheReferenceAndBothAnswersInTheAskedOrder() {
        var prompt = JudgePrompts.pairwise(null, "my invoice is wrong", "billing", "billing", "How can I help?");
        assertThat(prompt.get(1).content()).contains("<reference>\nbilling\n</reference>")
                .containsSubsequence("<answer_a>\nbilling\n</answer_a>", "<answer_b>\nHow can I help?\n</answer_b>");
        assertThat(JudgePrompts.score("Be terse.", "q", "r", "a").get(0).content()).contains("Rubric: Be terse.");
        assertThat(JudgePrompts.SCORE_FORMAT.name()).isEqualTo("tuneforge_judge_score");
        assertThat(JudgePrompts.PAIRWISE_FORMAT.name()).isEqualTo("tuneforge_pairwise");
    }

    @Test
    void structuredRepliesAreReadFromTheirFieldsAndNotFromDigitsInTheReason() {
        assertThat(JudgeVerdicts.score("{\"score\": 2, \"reason\": \"shares 30% of 5 words\"}")).contains(2);
        assertThat(JudgeVerdicts.score("{\"score\": 9, \"reason\": \"x\"}")).as("out of range").isEmpty();
        assertThat(JudgeVerdicts.score("{\"reason\": \"4\"}")).isEmpty();
        assertThat(JudgeVerdicts.choice("{\"winner\": \"B\", \"reason\": \"A is off\"}")).contains("B");
        assertThat(JudgeVerdicts.choice("{\"winner\": \"TIE\", \"reason\": \"\"}")).contains("TIE");
        assertThat(JudgeVerdicts.choice("{\"winner\": \"both\"}")).isEmpty();
    }

    @Test
    void theJudgeReportAveragesScoresAndCountsOnlySwapConsistentPreferences() {
        JudgeSpec spec = new JudgeSpec("gpt-4.1", null, true);
        List<ModelUnderTest> models = List.of(new ModelUnderTest(ModelRole.CANDIDATE, "ft:x"), new ModelUnderTest(ModelRole.BASELINE, "base"));
        List<EvalJudgement> rows = new ArrayList<>();
        rows.add(judgement("score", "candidate", 0, 5, null));
        rows.add(judgement("score", "candidate", 1, 4, null));
        rows.add(judgement("score", "candidate", 2, null, null));
        rows.add(judgement("score", "baseline", 0, 1, null));
        rows.add(judgement("score", "baseline", 1, 2, null));
        // Pair 0: candidate wins in both orders; pair 1: the judge always says A (position bias) -> tie;
        // pair 2: baseline wins in both orders; pair 3: one order has no verdict -> abstention.
        rows.add(judgement("pairwise", "candidate_first", 0, null, "A"));
        rows.add(judgement("pairwise", "candidate_second", 0, null, "B"));
        rows.add(judgement("pairwise", "candidate_first", 1, null, "A"));
        rows.add(judgement("pairwise", "candidate_second", 1, null, "A"));
        rows.add(judgement("pairwise", "candidate_first", 2, null, "B"));
        rows.add(judgement("pairwise", "candidate_second", 2, null, "A"));
        rows.add(judgement("pairwise", "candidate_first", 3, null, "A"));
        rows.add(judgement("pairwise", "candidate_second", 3, null, null));

        JudgeReport report = JudgeReport.of(spec, models, rows);

        assertThat(report.score(ModelRole.CANDIDATE).orElseThrow().meanScore()).isCloseTo(4.5, within(1e-9));
        assertThat(report.score(ModelRole.CANDIDATE).orElseThrow().abstained()).isEqualTo(1);
        assertThat(report.score(ModelRole.BASELINE).orElseThrow().meanScore()).isCloseTo(1.5, within(1e-9));
        JudgeReport.Pairwise pairwise = report.pairwise();
        assertThat(pairwise.candidateWins()).isEqualTo(1);
        assertThat(pairwise.ties()).isEqualTo(1);
        assertThat(pairwise.baselineWins()).isEqualTo(1);
        assertThat(pairwise.abstained()).isEqualTo(1);
        assertThat(pairwise.preferenceRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(pairwise.lower()).isCloseTo(WilsonInterval.of(1, 3).lower(), within(1e-12));
        assertThat(report.usage().calls()).isEqualTo(rows.size());
        assertThat(report.usage().promptTokens()).isEqualTo(10L * rows.size());
    }

    private static EvalJudgement judgement(String kind, String subject, int idx, Integer score, String choice) {
        EvalJudgement j = new EvalJudgement();
        j.kind = kind;
        j.subject = subject;
        j.idx = idx;
        j.judgeModel = "gpt-4.1";
        j.score = score;
        j.choice = choice;
        j.promptTokens = 10;
        j.completionTokens = 3;
        return j;
    }

    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // Newcombe (1998), Statistics in Medicine 17:857, table I: 81/263 -> 0.2553 to 0.3662.
        WilsonInterval interval = WilsonInterval.of(81, 263);
        assertThat(interval.lower()).isCloseTo(0.2553, within(5e-4));
        assertThat(interval.upper()).isCloseTo(0.3662, within(5e-4));
        // 15/148 -> 0.0624 to 0.1605 (same table).
        assertThat(WilsonInterval.of(15, 148).lower()).isCloseTo(0.0624, within(5e-4));
        assertThat(WilsonInterval.of(15, 148).upper()).isCloseTo(0.1605, within(5e-4));
        assertThat(WilsonInterval.of(0, 10).lower()).isZero();
    }
}
