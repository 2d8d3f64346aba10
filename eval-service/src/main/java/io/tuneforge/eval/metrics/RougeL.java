package io.tuneforge.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ROUGE-L (Lin, 2004: "ROUGE: A Package for Automatic Evaluation of Summaries", section 3.1): the
 * longest common subsequence of reference and candidate tokens, as an F-measure with beta = 1 —
 * the definition and tokenizer of Google's {@code rouge-score} package (lower case, every run of
 * characters outside [a-z0-9] is a separator, no stemming).
 */
public final class RougeL {

    private RougeL() {
    }

    /** F1 of LCS-based precision (LCS / candidate length) and recall (LCS / reference length). */
    public static double f1(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        if (c.isEmpty() || r.isEmpty()) {
            return c.isEmpty() && r.isEmpty() ? 1.0 : 0.0;
        }
        int lcs = lcsLength(c, r);
        if (lcs == 0) {
            return 0.0;
        }
        double precision = (double) lcs / c.size();
        double recall = (double) lcs / r.size();
        return 2 * precision * recall / (precision + recall);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Classic dynamic programme, two rows: O(|a|·|b|) time, O(|b|) memory. */
    static int lcsLength(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
