package io.tuneforge.dataset.split;

import io.tuneforge.dataset.domain.Split;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Assigns an example to a split from a hash of (seed, prompt): the same data and seed always give the
 * same split, whatever the order of lines, and examples sharing a prompt never straddle splits, so
 * the test set cannot leak into training.
 */
public class SeededSplitter {

    private final long seed;
    private final int testPercent;
    private final int validationPercent;

    public SeededSplitter(long seed, int testPercent, int validationPercent) {
        if (testPercent < 0 || validationPercent < 0 || testPercent + validationPercent >= 100) {
            throw new IllegalArgumentException("test (" + testPercent + "%) and validation (" + validationPercent
                    + "%) must be non-negative and leave room for training");
        }
        this.seed = seed;
        this.testPercent = testPercent;
        this.validationPercent = validationPercent;
    }

    public Split assign(String prompt) {
        int bucket = bucketOf(prompt);
        if (bucket < testPercent) {
            return Split.TEST;
        }
        if (bucket < testPercent + validationPercent) {
            return Split.VALIDATION;
        }
        return Split.TRAIN;
    }

    private int bucketOf(String prompt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] digest = sha.digest(prompt.getBytes(StandardCharsets.UTF_8));
            long value = ((long) (digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
            return (int) (value % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
