package io.tuneforge.eval.metrics;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalization for exact match, the usual one for QA-style scoring: Unicode NFKC, lower case,
 * whitespace collapsed, and surrounding quotes and end punctuation removed, so "Billing." matches
 * "billing" but "billing" does not match "refund". Internal punctuation is kept: in SQL or JSON it
 * carries meaning.
 */
public final class AnswerNormalizer {

    private AnswerNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        s = s.replaceAll("\\s+", " ");
        s = s.replaceAll("^[\"'`“”‘’\\s]+|[\"'`“”‘’\\s]+$", "");
        s = s.replaceAll("[.!?;,:\\s]+$", "");
        return s.strip();
    }

    public static boolean exactMatch(String prediction, String reference) {
        return normalize(prediction).equals(normalize(reference));
    }
}
