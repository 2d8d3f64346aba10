package io.tuneforge.dataset.split;

import io.tuneforge.dataset.domain.Split;
import io.tuneforge.dataset.validation.quality.CategoryCounts;
import io.tuneforge.dataset.validation.quality.ContentFingerprint;
import io.tuneforge.dataset.validation.quality.NearDuplicateIndex;
import io.tuneforge.dataset.validation.quality.QualityThresholds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seeded train/validation/test split that keeps each category's share in every split and never lets a group of
 * duplicates straddle splits.
 *
 * <p>Examples are fed in file order with the engine's quality signals (dataset-validation's {@code QualitySignals}):
 * their prompt fingerprint, their SimHash and their category. Examples with the same prompt (exact duplicates,
 * contradictions, the same question answered twice) and near-duplicates (SimHash within the engine's distance)
 * are joined into one group (union-find), and a group is assigned as a whole. When the version is
 * classification-style by the engine's own rule (2 to 200 categories, on at least 80% of the examples), each
 * category is a stratum: the held-out and validation sizes are apportioned to the strata by largest remainder
 * (so each category's count in a split is its exact share, rounded), then filled with that stratum's groups in
 * an order given by a hash of (seed, the group's prompt). Same data and seed, same split.
 *
 * <p>Memory: about 60 bytes per example (fingerprints and indices, never the examples themselves).
 */
public final class StratifiedSplitter {

    private static final int NEAR_BITS = QualityThresholds.defaults().nearDuplicateBits();

    private final long seed;
    private final TestSize test;
    private final int validationPercent;

    private long[] prompts = new long[1024];
    private long[] nears = new long[1024];
    private int[] tokens = new int[1024];
    private int[] categories = new int[1024];
    private int[] parent = new int[1024];
    private int size;

    /** The engine's category counts and classification-style rule, so the validator and the split agree. */
    private final CategoryCounts categoryCounts = new CategoryCounts();
    /** The engine's near-duplicate index, asked for every match (each is joined to the group). */
    private final NearDuplicateIndex near = new NearDuplicateIndex(NEAR_BITS, Integer.MAX_VALUE);

    /** Open addressing: example index + 1 of the first example with a prompt fingerprint; 0 is empty. */
    private int[] promptTable = new int[2048];
    private int promptCount;

    public StratifiedSplitter(long seed, int testPercent, int validationPercent) {
        this(seed, TestSize.ofPercent(testPercent), validationPercent);
        if (testPercent < 0 || testPercent + validationPercent >= 100) {
            throw new IllegalArgumentException("test (" + testPercent + "%) and validation (" + validationPercent
                    + "%) must be non-negative and leave room for training");
        }
    }

    /** {@code test}: the held-out size, a fraction or a count; the validation split is a percentage. */
    public StratifiedSplitter(long seed, TestSize test, int validationPercent) {
        if (validationPercent < 0 || validationPercent >= 100) {
            throw new IllegalArgumentException("validation (" + validationPercent + "%) must be between 0 and 99");
        }
        this.seed = seed;
        this.test = test;
        this.validationPercent = validationPercent;
    }

    /** The configured split with {@code test} as the held-out size (null: the configured percentage). */
    public static StratifiedSplitter of(SplitConfig config, TestSize test) {
        return new StratifiedSplitter(config.seed(), test != null ? test : TestSize.ofPercent(config.testPercent()),
                config.validationPercent());
    }

    /**
     * The held-out and validation sizes leave at least one training example of {@code n}.
     *
     * @throws TestSizeTooLarge when they do not
     */
    public void checkRoom(long n) {
        long held = test.target(n);
        long validation = Math.round(n * validationPercent / 100.0);
        if (n > 0 && held + validation >= n) {
            throw new TestSizeTooLarge(test, n, validation);
        }
    }

    /** Adds the next example; returns its index in the {@link SplitPlan}. */
    public int add(long promptFingerprint, long nearText, String category, int exampleTokens) {
        grow();
        int i = size++;
        prompts[i] = promptFingerprint;
        nears[i] = nearText;
        tokens[i] = exampleTokens;
        parent[i] = i;
        categories[i] = categoryCounts.add(category);
        int samePrompt = findOrPutPrompt(i);
        if (samePrompt >= 0) {
            union(samePrompt, i);
        }
        if (nearText != 0) {
            near.visitAndAdd(nearText, i, e -> union((int) e, i));
        }
        return i;
    }

    public SplitPlan assign() {
        int n = size;
        boolean stratified = categoryCounts.usable(n);
        int strata = stratified ? categoryCounts.distinct() + 1 : 1;
        int[] groupSize = new int[n];
        long[] strataSize = new long[strata];
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int root = find(i);
            if (groupSize[root]++ == 0) {
                roots.add(root);
            }
        }
        for (int root : roots) {
            strataSize[stratumOf(root, stratified)] += groupSize[root];
        }
        long[] testTarget = apportion(strataSize, test.numerator(n), test.denominator(n), test.target(n));
        long[] validationTarget = apportion(strataSize, validationPercent, 100, Math.round(n * validationPercent / 100.0));

        roots.sort(Comparator.<Integer>comparingLong(r -> ContentFingerprint.combine(seed, prompts[r])).thenComparingInt(r -> r));
        long[] inTest = new long[strata];
        long[] inValidation = new long[strata];
        byte[] groupSplit = new byte[n];
        for (int root : roots) {
            int s = stratumOf(root, stratified);
            Split split;
            if (inTest[s] + groupSize[root] <= testTarget[s]) {
                inTest[s] += groupSize[root];
                split = Split.TEST;
            } else if (inValidation[s] + groupSize[root] <= validationTarget[s]) {
                inValidation[s] += groupSize[root];
                split = Split.VALIDATION;
            } else {
                split = Split.TRAIN;
            }
            groupSplit[root] = (byte) split.ordinal();
        }

        byte[] splits = new byte[n];
        long[][] totals = new long[Split.values().length][2];
        List<Map<String, Long>> perCategory = new ArrayList<>();
        for (int k = 0; k < Split.values().length; k++) {
            perCategory.add(new TreeMap<>());
        }
        for (int i = 0; i < n; i++) {
            byte split = groupSplit[find(i)];
            splits[i] = split;
            totals[split][0]++;
            totals[split][1] += tokens[i];
            if (stratified && categories[i] >= 0) {
                perCategory.get(split).merge(categoryCounts.name(categories[i]), 1L, Long::sum);
            }
        }
        Map<Split, SplitPlan.SplitStats> stats = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            int k = split.ordinal();
            stats.put(split, new SplitPlan.SplitStats(totals[k][0], totals[k][1], perCategory.get(k)));
        }
        return new SplitPlan(splits, stratified, stats);
    }

    /** The category an example is counted under when the version is stratified, else null. */
    public String categoryName(int example) {
        return categories[example] < 0 ? null : categoryCounts.name(categories[example]);
    }

    private int stratumOf(int root, boolean stratified) {
        return stratified ? categories[root] + 1 : 0;
    }

    /**
     * {@code total} examples shared out to strata in proportion to their sizes, each stratum's exact share being
     * {@code size * numerator / denominator} (a percentage: p / 100; a count c of n examples: c / n): each gets the
     * floor of its share, the rest go one each to the largest remainders (ties: first-seen category first).
     */
    static long[] apportion(long[] sizes, long numerator, long denominator, long total) {
        long[] out = new long[sizes.length];
        long[] remainder = new long[sizes.length];
        long given = 0;
        for (int s = 0; s < sizes.length; s++) {
            // No overflow: sizes and the numerator are at most the example count (a larger count fails checkRoom).
            out[s] = sizes[s] * numerator / denominator;
            remainder[s] = sizes[s] * numerator % denominator;
            given += out[s];
        }
        Integer[] byRemainder = new Integer[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            byRemainder[s] = s;
        }
        Arrays.sort(byRemainder, Comparator.<Integer>comparingLong(s -> -remainder[s]).thenComparingInt(s -> s));
        for (int k = 0; k < byRemainder.length && given < total; k++) {
            int s = byRemainder[k];
            if (remainder[s] > 0) {
                out[s]++;
                given++;
            }
        }
        return out;
    }

    private int findOrPutPrompt(int i) {
        if ((promptCount + 1) * 2 > promptTable.length) {
            int[] old = promptTable;
            promptTable = new int[old.length * 2];
            for (int entry : old) {
                if (entry != 0) {
                    promptTable[slot(prompts[entry - 1])] = entry;
                }
            }
        }
        int slot = slot(prompts[i]);
        if (promptTable[slot] != 0) {
            return promptTable[slot] - 1;
        }
        promptTable[slot] = i + 1;
        promptCount++;
        return -1;
    }

    /** The slot holding {@code prompt}, or the empty slot where it belongs. */
    private int slot(long prompt) {
        int mask = promptTable.length - 1;
        int slot = (int) (prompt ^ (prompt >>> 32)) & mask;
        while (promptTable[slot] != 0 && prompts[promptTable[slot] - 1] != prompt) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The earlier example stays the root, so a group's prompt is that of its first example. */
    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private void grow() {
        if (size < prompts.length) {
            return;
        }
        int n = prompts.length * 2;
        prompts = Arrays.copyOf(prompts, n);
        nears = Arrays.copyOf(nears, n);
        tokens = Arrays.copyOf(tokens, n);
        categories = Arrays.copyOf(categories, n);
        parent = Arrays.copyOf(parent, n);
    }
}
