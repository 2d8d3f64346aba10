package io.tuneforge.simulator.learning;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Unigram and bigram counts over token sequences; the start of a sequence is the token -1. */
final class TokenBigrams {

    static final int START = -1;

    private final Map<Long, Integer> pairs = new HashMap<>();
    private final Map<Integer, Integer> contexts = new HashMap<>();
    private final Map<Integer, Integer> singles = new HashMap<>();
    private final Map<Integer, Set<Integer>> successors = new HashMap<>();
    private long total;
    private int mostFrequent = START;

    void add(int[] tokens) {
        int previous = START;
        for (int token : tokens) {
            pairs.merge(key(previous, token), 1, Integer::sum);
            contexts.merge(previous, 1, Integer::sum);
            int count = singles.merge(token, 1, Integer::sum);
            if (mostFrequent == START || count > singles.getOrDefault(mostFrequent, 0)) {
                mostFrequent = token;
            }
            successors.computeIfAbsent(previous, p -> new HashSet<>()).add(token);
            total++;
            previous = token;
        }
    }

    int pair(int previous, int token) {
        return pairs.getOrDefault(key(previous, token), 0);
    }

    int context(int previous) {
        return contexts.getOrDefault(previous, 0);
    }

    int single(int token) {
        return singles.getOrDefault(token, 0);
    }

    long total() {
        return total;
    }

    Set<Integer> successors(int previous) {
        return successors.getOrDefault(previous, Set.of());
    }

    int mostFrequent() {
        return mostFrequent;
    }

    private static long key(int previous, int token) {
        return ((long) previous << 32) | (token & 0xffffffffL);
    }
}
