package io.tuneforge.dataset.validation.input;

import java.nio.charset.StandardCharsets;

/** UTF-8 facts about a line's bytes, computed without decoding the common all-valid case twice. */
public final class Utf8Text {

    private Utf8Text() {
    }

    /** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1 if all are. */
    public static int firstInvalidByte(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min2 = 0x80;
            } else if (c == 0xE0) {
                need = 2;
                min2 = 0xA0;
            } else if (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) {
                need = 2;
                min2 = 0x80;
            } else if (c == 0xED) {
                // U+D800..U+DFFF are not characters: reject encoded surrogates.
                need = 2;
                min2 = 0x80;
                max2 = 0x9F;
            } else if (c == 0xF0) {
                need = 3;
                min2 = 0x90;
            } else if (c >= 0xF1 && c <= 0xF3) {
                need = 3;
                min2 = 0x80;
            } else if (c == 0xF4) {
                need = 3;
                min2 = 0x80;
                max2 = 0x8F;
            } else {
                return i;
            }
            if (i + need >= to) {
                return i;
            }
            int c2 = b[i + 1] & 0xff;
            if (c2 < min2 || c2 > max2) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int ck = b[i + k] & 0xff;
                if (ck < 0x80 || ck > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    /**
     * Decodes with U+FFFD for each maximal ill-formed subsequence, as Node's StringDecoder and the JDK both do,
     * so the decoded text (and its token count) matches the reference validator.
     */
    public static String decodeReplacing(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** The whitespace set of JavaScript's String.prototype.trim (the reference's blank-line test). */
    public static boolean isJsWhitespace(int cp) {
        switch (cp) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** True when the line holds only whitespace in the JavaScript sense (so a BOM-only line is blank). */
    public static boolean isBlank(byte[] b, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (!(c == ' ' || c == '\t' || c == 0x0B || c == 0x0C)) {
                return false;
            }
        }
        if (ascii) {
            return true;
        }
        String s = decodeReplacing(b, from, to);
        return s.codePoints().allMatch(Utf8Text::isJsWhitespace);
    }
}
