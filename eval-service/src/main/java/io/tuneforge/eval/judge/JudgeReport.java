package io.tuneforge.eval.judge;

import io.tuneforge.eval.domain.EvalJudgement;
import io.tuneforge.eval.domain.JudgeSpec;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ModelUnderTest;
import io.tuneforge.events.eval.JudgeUsage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The model-graded part of a report: each model's mean judge score, the swap-consistent pairwise
 * preference with its Wilson 95% interval, and the judge's token usage.
 *
 * @param rubric the rubric the judge was given (the default when the run named none)
 */
public record JudgeReport(String model, String rubric, List<ModelScore> scores, Pairwise pairwise, JudgeUsage usage) {

    /**
     * @param judged    answers the judge gave a 1-5 score
     * @param abstained answers whose judge reply held no score (or the call was refused)
     * @param meanScore null when nothing was judged
     */
    public record ModelScore(String role, String model, int judged, int abstained, Double meanScore) {
    }

    /**
     * Candidate against baseline. {@code preferenceRate} = candidate wins / judged pairs (a tie does not
     * count as a win); the interval is Wilson's at 95%.
     */
    public record Pairwise(int judged, int candidateWins, int ties, int baselineWins, int abstained, double preferenceRate,
                           double lower, double upper) {
    }

    public Optional<ModelScore> score(ModelRole role) {
        return scores.stream().filter(s -> s.role().equals(role.wire())).findFirst();
    }

    public static JudgeReport of(JudgeSpec spec, List<ModelUnderTest> models, List<EvalJudgement> judgements) {
        List<ModelScore> scores = new ArrayList<>();
        for (ModelUnderTest m : models) {
            List<EvalJudgement> rows = judgements.stream()
                    .filter(j -> j.kind.equals(EvalJudgement.SCORE) && j.subject.equals(m.role().wire())).toList();
            OptionalDouble mean = rows.stream().filter(j -> j.score != null).mapToInt(j -> j.score).average();
            int judged = (int) rows.stream().filter(j -> j.score != null).count();
            scores.add(new ModelScore(m.role().wire(), m.model(), judged, rows.size() - judged,
                    mean.isPresent() ? mean.getAsDouble() : null));
        }
        Pairwise pairwise = spec.pairwiseOn() ? pairwise(judgements) : null;
        long prompt = judgements.stream().mapToLong(j -> j.promptTokens == null ? 0 : j.promptTokens).sum();
        long completion = judgements.stream().mapToLong(j -> j.completionTokens == null ? 0 : j.completionTokens).sum();
        long calls = judgements.stream().filter(j -> j.error == null).count();
        return new JudgeReport(spec.model(), JudgePrompts.rubricOr(spec.rubric()), scores, pairwise,
                new JudgeUsage(spec.model(), calls, prompt, completion));
    }

    private static Pairwise pairwise(List<EvalJudgement> judgements) {
        Map<Integer, Optional<String>> first = new HashMap<>();
        Map<Integer, Optional<String>> second = new HashMap<>();
        for (EvalJudgement j : judgements) {
            if (j.kind.equals(EvalJudgement.PAIRWISE)) {
                (j.subject.equals(EvalJudgement.CANDIDATE_FIRST) ? first : second).put(j.idx, Optional.ofNullable(j.choice));
            }
        }
        int wins = 0;
        int ties = 0;
        int losses = 0;
        int abstained = 0;
        for (Map.Entry<Integer, Optional<String>> e : first.entrySet()) {
            Optional<Preference> preference = PairwiseJudgement.combine(e.getValue(), second.getOrDefault(e.getKey(), Optional.empty()));
            if (preference.isEmpty()) {
                abstained++;
            } else {
                switch (preference.get()) {
                    case CANDIDATE -> wins++;
                    case BASELINE -> losses++;
                    case TIE -> ties++;
                }
            }
        }
        int judged = wins + ties + losses;
        WilsonInterval interval = WilsonInterval.of(wins, judged);
        return new Pairwise(judged, wins, ties, losses, abstained, interval.rate(), interval.lower(), interval.upper());
    }
}
