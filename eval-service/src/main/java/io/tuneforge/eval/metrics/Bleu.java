package io.tuneforge.eval.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU (Papineni et al., 2002): the geometric mean of modified n-gram precisions for n = 1..4 with
 * uniform weights, times the brevity penalty {@code exp(1 - r/c)} when the candidate is shorter
 * than the reference. Corpus BLEU pools n-gram counts over all segments (the standard, as in
 * sacreBLEU); tokenization follows sacreBLEU's default "13a" in spirit: punctuation is split from
 * words, case is kept. Scores are in [0, 1] (multiply by 100 for the usual scale).
 */
public final class Bleu {

    private static final int MAX_N = 4;

    private Bleu() {
    }

    public static double corpus(List<String> candidates, List<String> references) {
        if (candidates.size() != references.size()) {
            throw new IllegalArgumentException(candidates.size() + " candidates but " + references.size() + " references");
        }
        long[] matches = new long[MAX_N];
        long[] totals = new long[MAX_N];
        long candidateLength = 0;
        long referenceLength = 0;
        for (int i = 0; i < candidates.size(); i++) {
            List<String> c = tokens(candidates.get(i));
            List<String> r = tokens(references.get(i));
            candidateLength += c.size();
            referenceLength += r.size();
            for (int n = 1; n <= MAX_N; n++) {
                Map<List<String>, Integer> referenceCounts = ngrams(r, n);
                for (Map.Entry<List<String>, Integer> e : ngrams(c, n).entrySet()) {
                    matches[n - 1] += Math.min(e.getValue(), referenceCounts.getOrDefault(e.getKey(), 0));
                }
                totals[n - 1] += Math.max(0, c.size() - n + 1);
            }
        }
        if (candidateLength == 0) {
            return 0.0;
        }
        double logSum = 0;
        for (int n = 0; n < MAX_N; n++) {
            if (matches[n] == 0 || totals[n] == 0) {
                return 0.0;
            }
            logSum += Math.log((double) matches[n] / totals[n]);
        }
        double brevity = candidateLength >= referenceLength ? 1.0 : Math.exp(1.0 - (double) referenceLength / candidateLength);
        return brevity * Math.exp(logSum / MAX_N);
    }

    /**
     * Sentence-level BLEU for per-example reports, with add-one smoothing of the n-gram precisions
     * for n &gt; 1 (Lin and Och, 2004), so a short answer missing one 4-gram is not scored zero.
     */
    public static double sentence(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        if (c.isEmpty()) {
            return r.isEmpty() ? 1.0 : 0.0;
        }
        double logSum = 0;
        for (int n = 1; n <= MAX_N; n++) {
            Map<List<String>, Integer> referenceCounts = ngrams(r, n);
            long match = 0;
            for (Map.Entry<List<String>, Integer> e : ngrams(c, n).entrySet()) {
                match += Math.min(e.getValue(), referenceCounts.getOrDefault(e.getKey(), 0));
            }
            long total = Math.max(0, c.size() - n + 1);
            double precision = n == 1
                    ? (total == 0 ? 0 : (double) match / total)
                    : (match + 1.0) / (total + 1.0);
            if (precision == 0) {
                return 0.0;
            }
            logSum += Math.log(precision);
        }
        double brevity = c.size() >= r.size() ? 1.0 : Math.exp(1.0 - (double) r.size() / c.size());
        return brevity * Math.exp(logSum / MAX_N);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        String spaced = text.replaceAll("([\\p{Punct}])", " $1 ");
        for (String token : spaced.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }
}
