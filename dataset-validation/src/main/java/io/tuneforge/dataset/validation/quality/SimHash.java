package io.tuneforge.dataset.validation.quality;

import io.tuneforge.dataset.validation.input.CharClasses;

/**
 * Charikar's SimHash over word bigrams: texts that share most of their wording get fingerprints a few bits
 * apart, which lets near-duplicates be found in one streaming pass with 8 bytes per example.
 */
public final class SimHash {

    /** Below this many words the fingerprint is too noisy to call two texts near-identical. */
    static final int MIN_WORDS = 8;
    static final int MAX_WORDS = 256;

    private SimHash() {
    }

    /** 0 when the text is too short to judge. Only the first {@value #MAX_WORDS} words count: enough to tell. */
    public static long of(String text) {
        // Per bit, how many features have it set: 8 lanes of 8 one-byte counters, so one feature costs 8 additions
        // instead of 64. A byte cannot overflow: there are at most MAX_WORDS - 1 = 255 features.
        long[] lanes = new long[8];
        int features = 0;
        int words = 0;
        long previous = 0;
        char[] chars = text.toCharArray();
        int n = chars.length;
        int i = 0;
        while (i < n && words < MAX_WORDS) {
            while (i < n && !isWordChar(chars[i])) {
                i++;
            }
            if (i >= n) {
                break;
            }
            long h = 0xcbf29ce484222325L;
            char c;
            while (i < n && isWordChar(c = chars[i])) {
                h = (h ^ lower(c)) * 0x100000001b3L;
                i++;
            }
            if (words > 0) {
                long feature = ContentFingerprint.mix(previous * 31 + h);
                for (int k = 0; k < 8; k++) {
                    lanes[k] += (feature >>> k) & 0x0101010101010101L;
                }
                features++;
            }
            previous = h;
            words++;
        }
        if (words < MIN_WORDS) {
            return 0;
        }
        long hash = 0;
        for (int b = 0; b < 64; b++) {
            long set = (lanes[b & 7] >>> ((b >>> 3) << 3)) & 0xFF;
            if (2 * set > features) { // more features have the bit than lack it
                hash |= 1L << b;
            }
        }
        return hash == 0 ? 1 : hash;
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return CharClasses.isLetterOrDigit(c);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c < 0x80 ? c : Character.toLowerCase(c);
    }
}
