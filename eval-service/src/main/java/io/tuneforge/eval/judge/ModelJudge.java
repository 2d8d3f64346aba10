package io.tuneforge.eval.judge;

import io.tuneforge.eval.provider.ChatModels;
import io.tuneforge.eval.provider.ModelAnswer;
import io.tuneforge.provider.ProviderConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Model-graded evaluation: a judge model scores an answer 1-5 against a rubric and the reference, and
 * compares two answers (asked twice with the order swapped by the caller, see {@link PairwiseJudgement}).
 * Runs call {@link #askScore} / {@link #askPairwise} once per persisted judgement, so a resumed run never
 * asks again; the replies are read with {@link JudgeVerdicts}.
 */
@ApplicationScoped
public class ModelJudge {

    @Inject
    ChatModels models;

    public ModelAnswer askScore(ProviderConnection connection, String judgeModel, String rubric, String question, String reference,
                                String answer) {
        return models.answer(connection, judgeModel, JudgePrompts.score(rubric, question, reference, answer), JudgePrompts.SCORE_FORMAT);
    }

    /** One order of a pairwise comparison: {@code first} is shown as A. */
    public ModelAnswer askPairwise(ProviderConnection connection, String judgeModel, String rubric, String question, String reference,
                                   String first, String second) {
        return models.answer(connection, judgeModel, JudgePrompts.pairwise(rubric, question, reference, first, second),
                JudgePrompts.PAIRWISE_FORMAT);
    }

    /** The judge's 1-5 score, empty when its reply holds no clear score. */
    public Optional<Integer> score(ProviderConnection connection, String judgeModel, String rubric, String question,
                                   String reference, String answer) {
        return JudgeVerdicts.score(askScore(connection, judgeModel, rubric, question, reference, answer).text());
    }

    /** Which of candidate and baseline the judge prefers consistently across both orders; empty without two verdicts. */
    public Optional<Preference> compare(ProviderConnection connection, String judgeModel, String rubric, String question,
                                        String reference, String candidate, String baseline) {
        Optional<String> candidateFirst = JudgeVerdicts.choice(
                askPairwise(connection, judgeModel, rubric, question, reference, candidate, baseline).text());
        Optional<String> candidateSecond = JudgeVerdicts.choice(
                askPairwise(connection, judgeModel, rubric, question, reference, baseline, candidate).text());
        return PairwiseJudgement.combine(candidateFirst, candidateSecond);
    }
}
