package io.tuneforge.dataset.split;

import io.tuneforge.dataset.domain.Split;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of {@link StratifiedSplitter#assign()}: the split of each example (by the order they were
 * added) and, per split, its size, tokens and examples per category.
 */
public final class SplitPlan {

    /** One split's totals; {@code categories} is empty when the version has no categories. */
    public record SplitStats(long examples, long tokens, Map<String, Long> categories) {
    }

    private final byte[] splits;
    private final boolean stratified;
    private final Map<Split, SplitStats> stats;

    SplitPlan(byte[] splits, boolean stratified, Map<Split, SplitStats> stats) {
        this.splits = splits;
        this.stratified = stratified;
        this.stats = stats;
    }

    public Split splitOf(int example) {
        return Split.values()[splits[example]];
    }

    public int size() {
        return splits.length;
    }

    /** Whether each category kept its proportion in every split. */
    public boolean stratified() {
        return stratified;
    }

    public SplitStats stats(Split split) {
        return stats.get(split);
    }

    public Map<Split, SplitStats> stats() {
        return stats;
    }

    /** {@code {"train": {...}, "validation": {...}, "test": {...}}} as stored and served. */
    public Map<String, SplitStats> statsByWireName() {
        Map<String, SplitStats> m = new LinkedHashMap<>();
        stats.forEach((split, s) -> m.put(split.wireName(), s));
        return m;
    }
}
