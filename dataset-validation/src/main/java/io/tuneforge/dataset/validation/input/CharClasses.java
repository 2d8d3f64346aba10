package io.tuneforge.dataset.validation.input;

/**
 * Letter-or-digit and punctuation-or-symbol classes of every UTF-16 unit, from a 64 KiB table built once: the
 * tokenizer's chunking and the near-duplicate hashing ask this for every char of CJK or accented text, where
 * {@link Character#getType} costs several lookups per call.
 */
public final class CharClasses {

    private static final byte LETTER_OR_DIGIT = 1;
    private static final byte PUNCTUATION = 2;
    private static final byte[] CLASSES = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            if (Character.isLetterOrDigit(ch)) {
                CLASSES[c] = LETTER_OR_DIGIT;
            } else if (c < 0x80 ? c > 0x20 && c < 0x7f && c != '\'' : isUnicodePunctuation(ch)) {
                CLASSES[c] = PUNCTUATION;
            }
        }
    }

    private CharClasses() {
    }

    /** Same as {@link Character#isLetterOrDigit(char)}. */
    public static boolean isLetterOrDigit(char c) {
        return CLASSES[c] == LETTER_OR_DIGIT;
    }

    /**
     * Punctuation or symbol: neither letter, number, mark, whitespace, control nor surrogate; printable ASCII other
     * than letters, digits and the apostrophe (which may continue a contraction such as "'s").
     */
    public static boolean isPunctuation(char c) {
        return CLASSES[c] == PUNCTUATION;
    }

    private static boolean isUnicodePunctuation(char c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                 Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
