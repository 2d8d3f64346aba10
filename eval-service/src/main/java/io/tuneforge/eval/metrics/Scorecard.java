package io.tuneforge.eval.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every metric of one model on one test set. A refused call counts as a wrong, non-compliant answer
 * (a model that cannot answer is not better for it), and is excluded from latency and tokens.
 *
 * @param classification    per-class scores and confusion; null unless the task is classification
 * @param formatCompliance  share of answers with the required format; null when no format is required
 * @param majorityRate      accuracy of always answering the most frequent reference (the trivial baseline)
 * @param promptTokensPerCall     average over answered calls
 * @param costPer1kCallsUsd cost of 1,000 calls like these; null when the model's price is unknown
 * @param preferredRate     preference test sets only (null otherwise): the share of examples whose answer is
 *                          closer (ROUGE-L F1) to the preferred answer than to the non-preferred one, a tie
 *                          counting half and a refused call as a miss
 */
public record Scorecard(String role, String model, int examples, int errors, double exactMatch,
                        ClassificationReport classification, Double formatCompliance, double majorityRate,
                        double rougeL, double bleu, LatencyStats latency, long promptTokens, long completionTokens,
                        double promptTokensPerCall, double completionTokensPerCall, Double costPer1kCallsUsd,
                        Map<String, SliceScore> slices, Double preferredRate) {

    /** Per-token prices in USD per 1M tokens. */
    public record TokenPrices(double inputPerMillion, double outputPerMillion) {
    }

    public static Scorecard of(String role, String model, List<ScoredAnswer> answers, boolean classification,
                               Optional<FormatCheck> format, Optional<TokenPrices> prices) {
        int examples = answers.size();
        int errors = (int) answers.stream().filter(a -> !a.answered()).count();
        double exactMatch = share(answers.stream().filter(ScoredAnswer::correct).count(), examples);
        ClassificationReport report = classification
                ? ClassificationReport.of(answers.stream()
                        .map(a -> new ClassificationReport.Labelled(a.reference(), a.answered() ? a.output() : "")).toList())
                : null;
        Double compliance = format.map(check -> share(answers.stream().filter(a -> compliant(a, check)).count(), examples))
                .orElse(null);

        List<ScoredAnswer> answered = answers.stream().filter(ScoredAnswer::answered).toList();
        double rouge = answered.isEmpty() ? 0 : answers.stream()
                .mapToDouble(a -> a.answered() ? RougeL.f1(a.output(), a.reference()) : 0).average().orElse(0);
        double bleu = Bleu.corpus(answers.stream().map(a -> a.answered() ? a.output() : "").toList(),
                answers.stream().map(ScoredAnswer::reference).toList());
        LatencyStats latency = LatencyStats.of(answered.stream().map(ScoredAnswer::latencyMs).toList());
        long promptTokens = answered.stream().mapToLong(ScoredAnswer::promptTokens).sum();
        long completionTokens = answered.stream().mapToLong(ScoredAnswer::completionTokens).sum();
        double promptPerCall = answered.isEmpty() ? 0 : (double) promptTokens / answered.size();
        double completionPerCall = answered.isEmpty() ? 0 : (double) completionTokens / answered.size();
        Double cost = prices.filter(p -> !answered.isEmpty())
                .map(p -> 1000 * (promptPerCall * p.inputPerMillion() + completionPerCall * p.outputPerMillion()) / 1_000_000)
                .orElse(null);
        return new Scorecard(role, model, examples, errors, exactMatch, report, compliance, majorityRate(answers),
                rouge, bleu, latency, promptTokens, completionTokens, promptPerCall, completionPerCall, cost,
                slices(answers, format), preferredRate(answers));
    }

    /** Null unless every example comes with a non-preferred answer (a preference test split). */
    static Double preferredRate(List<ScoredAnswer> answers) {
        if (answers.isEmpty() || answers.stream().anyMatch(a -> a.rejected() == null)) {
            return null;
        }
        double points = 0;
        for (ScoredAnswer a : answers) {
            if (!a.answered()) {
                continue;
            }
            int order = Double.compare(RougeL.f1(a.output(), a.reference()), RougeL.f1(a.output(), a.rejected()));
            points += order > 0 ? 1 : order == 0 ? 0.5 : 0;
        }
        return points / answers.size();
    }

    /** Accuracy for classification, exact match otherwise: the number the "above baseline" gate compares. */
    public double headline() {
        return classification != null ? classification.accuracy() : exactMatch;
    }

    static boolean compliant(ScoredAnswer answer, FormatCheck check) {
        return answer.answered() && check.violation(answer.output()).isEmpty();
    }

    private static Map<String, SliceScore> slices(List<ScoredAnswer> answers, Optional<FormatCheck> format) {
        Map<String, List<ScoredAnswer>> bySlice = new TreeMap<>();
        for (ScoredAnswer answer : answers) {
            if (answer.category() != null) {
                bySlice.computeIfAbsent(answer.category(), k -> new ArrayList<>()).add(answer);
            }
        }
        Map<String, SliceScore> slices = new TreeMap<>();
        bySlice.forEach((slice, members) -> slices.put(slice, new SliceScore(members.size(),
                share(members.stream().filter(ScoredAnswer::correct).count(), members.size()),
                format.map(check -> share(members.stream().filter(a -> compliant(a, check)).count(), members.size()))
                        .orElse(null))));
        return slices;
    }

    private static double majorityRate(List<ScoredAnswer> answers) {
        Map<String, Long> counts = new HashMap<>();
        answers.forEach(a -> counts.merge(AnswerNormalizer.normalize(a.reference()), 1L, Long::sum));
        return share(counts.values().stream().mapToLong(Long::longValue).max().orElse(0), answers.size());
    }

    private static double share(long count, int of) {
        return of == 0 ? 0 : (double) count / of;
    }
}
