package io.tuneforge.eval.review;

import io.tuneforge.eval.domain.Review;
import io.tuneforge.eval.gates.GateInputs;
import io.tuneforge.eval.judge.WilsonInterval;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Progress and result of the blind A/B review of a run. Every reviewer's verdict on a pair is one trial:
 * {@code preferenceRate} = verdicts preferring the candidate / all verdicts (a tie is not a preference),
 * with its Wilson 95% interval.
 *
 * @param pairs         pairs to review (examples both models answered)
 * @param reviewedPairs pairs with at least one verdict
 * @param meanRatingCandidate mean 1-5 rating the candidate's answer got when it was preferred or tied; null without ratings
 */
public record HumanReviewSummary(long pairs, long reviewedPairs, long reviews, long candidatePreferred, long baselinePreferred,
                                 long ties, double preferenceRate, double lower, double upper, Double meanRatingCandidate,
                                 Double meanRatingBaseline) {

    public static HumanReviewSummary of(long pairs, List<Review> reviews) {
        long candidate = reviews.stream().filter(r -> r.preference.equals(Review.CANDIDATE)).count();
        long baseline = reviews.stream().filter(r -> r.preference.equals(Review.BASELINE)).count();
        long ties = reviews.size() - candidate - baseline;
        WilsonInterval interval = WilsonInterval.of(candidate, reviews.size());
        long reviewedPairs = reviews.stream().map(r -> r.pairId).distinct().count();
        return new HumanReviewSummary(pairs, reviewedPairs, reviews.size(), candidate, baseline, ties, interval.rate(),
                interval.lower(), interval.upper(), meanRating(reviews, Review.CANDIDATE), meanRating(reviews, Review.BASELINE));
    }

    public GateInputs.HumanPreference preference() {
        return new GateInputs.HumanPreference(reviews, preferenceRate, lower, upper);
    }

    private static Double meanRating(List<Review> reviews, String side) {
        OptionalDouble mean = reviews.stream().filter(r -> r.rating != null && (r.preference.equals(side) || r.preference.equals(Review.TIE)))
                .mapToInt(r -> r.rating).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }
}
