package io.tuneforge.dataset.validation.tokens;

import io.tuneforge.dataset.validation.input.CharClasses;

/**
 * Where text can be cut without changing its token count. tiktoken first splits text into pieces with a regex
 * (cl100k_base and o200k_base differ, but share the properties used here) and encodes each piece alone, so a
 * cut that falls on a piece boundary, and leaves each side's pieces unchanged, preserves the count.
 *
 * <p>Two cut rules, each safe for both encodings:
 * <ol>
 * <li>before a single space between two non-whitespace characters ("word word", "x = 1"): no pattern
 *     continues over a space except at its start, and no pattern ending before the space looks ahead at it
 *     (the only lookahead, {@code \s+(?!\S)}, ends in whitespace);</li>
 * <li>before a letter or digit that follows a newline: the newline-led patterns ({@code \s*[\r\n]+},
 *     the punctuation pattern's {@code [\r\n/]*} tail) stop before a letter or digit and do not look ahead;</li>
 * <li>before punctuation or a symbol that follows a letter or digit ("fetchData(", "設定。", "x.append"): the
 *     piece holding that letter or digit is a letter or number piece, and those end at the last letter, mark or
 *     digit. Only o200k's contraction suffix ('s, 't ...) could continue one, so the ASCII apostrophe is never a
 *     cut; combining marks belong to o200k's letter pieces, and surrogates may be letters, so neither is one.
 *     This splits CJK text (which has no spaces) and code into short chunks that the cache answers.</li>
 * </ol>
 * "Non-whitespace" is decided conservatively (printable ASCII, letters, digits), so an exotic Unicode space
 * can only prevent a cut, never cause a wrong one. Verified against whole-string counts on the shared datasets.
 */
final class TextChunks {

    private TextChunks() {
    }

    /** True when a tiktoken piece always starts at index {@code i} (0 < i < length - 1). */
    static boolean startsPiece(char[] s, int i) {
        char c = s[i];
        if (c == ' ') {
            return solid(s[i - 1]) && solid(s[i + 1]);
        }
        char prev = s[i - 1];
        if (prev == '\n') {
            return CharClasses.isLetterOrDigit(c);
        }
        return CharClasses.isPunctuation(c) && CharClasses.isLetterOrDigit(prev);
    }

    /** Printable ASCII, or a letter or digit. */
    private static boolean solid(char c) {
        return c < 0x80 ? c > 0x20 && c < 0x7f : CharClasses.isLetterOrDigit(c);
    }
}
