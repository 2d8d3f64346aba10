package io.tuneforge.eval.judge;

import io.tuneforge.eval.provider.ChatModels;
import io.tuneforge.eval.provider.ProviderConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Model-graded evaluation: a judge model scores an answer 1-5 against a rubric and the reference, and
 * compares two answers twice with the order swapped. Not yet wired into runs (see README).
 */
@ApplicationScoped
public class ModelJudge {

    @Inject
    ChatModels models;

    /** The judge's 1-5 score, empty when its reply holds no clear score. */
    public Optional<Integer> score(ProviderConnection connection, String judgeModel, String rubric, String question,
                                   String reference, String answer) {
        return JudgeVerdicts.score(models.answer(connection, judgeModel,
                JudgePrompts.score(rubric, question, reference, answer)).text());
    }

    /** Which of candidate and baseline the judge prefers consistently across both orders; empty without two verdicts. */
    public Optional<Preference> compare(ProviderConnection connection, String judgeModel, String rubric, String question,
                                        String reference, String candidate, String baseline) {
        Optional<String> candidateFirst = JudgeVerdicts.choice(models.answer(connection, judgeModel,
                JudgePrompts.pairwise(rubric, question, reference, candidate, baseline)).text());
        Optional<String> candidateSecond = JudgeVerdicts.choice(models.answer(connection, judgeModel,
                JudgePrompts.pairwise(rubric, question, reference, baseline, candidate)).text());
        return PairwiseJudgement.combine(candidateFirst, candidateSecond);
    }
}
