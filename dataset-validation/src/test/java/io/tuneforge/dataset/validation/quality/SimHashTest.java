package io.tuneforge.dataset.validation.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimHashTest {

    /** The plain per-bit vote SimHash describes: +1 when a feature has the bit, -1 when not; the bit is set when positive. */
    private static long reference(String text) {
        int[] weights = new int[64];
        int words = 0;
        long previous = 0;
        for (String w : text.split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty() || words >= SimHash.MAX_WORDS) {
                continue;
            }
            long h = 0xcbf29ce484222325L;
            for (char c : w.toCharArray()) {
                h = (h ^ (c < 0x80 ? Character.toLowerCase(c) : Character.toLowerCase(c))) * 0x100000001b3L;
            }
            if (words > 0) {
                long feature = ContentFingerprint.mix(previous * 31 + h);
                for (int b = 0; b < 64; b++) {
                    weights[b] += (int) ((feature >>> b) & 1) * 2 - 1;
                }
            }
            previous = h;
            words++;
        }
        if (words < SimHash.MIN_WORDS) {
            return 0;
        }
        long hash = 0;
        for (int b = 0; b < 64; b++) {
            if (weights[b] > 0) {
                hash |= 1L << b;
            }
        }
        return hash == 0 ? 1 : hash;
    }

    @Test
    void packedCountersGiveTheSameFingerprintAsThePerBitVote() {
        Random random = new Random(42);
        String[] vocabulary = {"the", "model", "Answer", "data", "x1", "refund", "請求", "número", "42", "deploy", "café"};
        for (int t = 0; t < 500; t++) {
            int words = random.nextInt(t % 50 == 0 ? 400 : 40);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
            }
            assertThat(SimHash.of(text.toString())).as(text.toString()).isEqualTo(reference(text.toString()));
        }
    }
}
