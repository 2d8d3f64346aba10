package io.tuneforge.eval.judge;

import org.junit.jupiter.api.Test;

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
        assertThat(prompt.get(1).content()).contains("Reference answer:\nbilling")
                .containsSubsequence("Answer A:\nbilling", "Answer B:\nHow can I help?");
        assertThat(JudgePrompts.score("Be terse.", "q", "r", "a").get(0).content()).contains("Rubric: Be terse.");
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
