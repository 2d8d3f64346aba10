package io.tuneforge.dataset.split;

import io.tuneforge.dataset.domain.Split;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StratifiedSplitterTest {

    /** 600 "billing", 300 "refund", 100 "fraud", each with its own prompt and dialogue. */
    private static StratifiedSplitter imbalanced(long seed) {
        return imbalanced(new StratifiedSplitter(seed, 10, 10));
    }

    private static StratifiedSplitter imbalanced(StratifiedSplitter splitter) {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            String category = i % 10 == 0 ? "fraud" : i % 10 < 4 ? "refund" : "billing";
            splitter.add(random.nextLong(), random.nextLong(), category, 10);
        }
        return splitter;
    }

    @Test
    void everyCategoryKeepsItsShareInEverySplit() {
        SplitPlan plan = imbalanced(42).assign();

        assertThat(plan.stratified()).isTrue();
        assertThat(plan.stats(Split.TEST).categories()).containsExactlyInAnyOrderEntriesOf(Map.of("billing", 60L, "refund", 30L, "fraud", 10L));
        assertThat(plan.stats(Split.VALIDATION).categories()).containsExactlyInAnyOrderEntriesOf(Map.of("billing", 60L, "refund", 30L, "fraud", 10L));
        assertThat(plan.stats(Split.TRAIN).categories()).containsExactlyInAnyOrderEntriesOf(Map.of("billing", 480L, "refund", 240L, "fraud", 80L));
        assertThat(plan.stats(Split.TRAIN).tokens()).isEqualTo(8000);
    }

    @Test
    void theHeldOutSizeIsACountOrAFractionAndStaysStratified() {
        SplitPlan counted = imbalanced(new StratifiedSplitter(42, TestSize.parse("37"), 10)).assign();
        assertThat(counted.stats(Split.TEST).examples()).isEqualTo(37);
        // 22.2 / 11.1 / 3.7 by share: the one left over goes to the largest remainder (fraud).
        assertThat(counted.stats(Split.TEST).categories()).containsExactlyInAnyOrderEntriesOf(Map.of("billing", 22L, "refund", 11L, "fraud", 4L));
        assertThat(counted.stats(Split.VALIDATION).examples()).isEqualTo(100);

        SplitPlan quarter = imbalanced(new StratifiedSplitter(42, TestSize.parse("0.25"), 10)).assign();
        assertThat(quarter.stats(Split.TEST).categories()).containsExactlyInAnyOrderEntriesOf(Map.of("billing", 150L, "refund", 75L, "fraud", 25L));

        // The default (10 %) as a fraction is the same split as the percentage.
        SplitPlan tenth = imbalanced(new StratifiedSplitter(42, TestSize.parse("0.1"), 10)).assign();
        SplitPlan percent = imbalanced(42).assign();
        for (int i = 0; i < percent.size(); i++) {
            assertThat(tenth.splitOf(i)).isEqualTo(percent.splitOf(i));
        }
    }

    @Test
    void aHeldOutSizeThatLeavesNothingToTrainOnIsRefusedAndBadValuesAreExplained() {
        new StratifiedSplitter(42, TestSize.parse("899"), 10).checkRoom(1000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StratifiedSplitter(42, TestSize.parse("900"), 10).checkRoom(1000))
                .isInstanceOf(TestSizeTooLarge.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StratifiedSplitter(42, TestSize.parse("0.9"), 10).checkRoom(1000))
                .isInstanceOf(TestSizeTooLarge.class);
        for (String bad : new String[] {"0", "-3", "1.5", "0.00001", "ten"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestSize.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e.g.");
        }
        assertThat(TestSize.parse("1").count()).isEqualTo(1);
        assertThat(TestSize.parse("0.150").value()).isEqualTo(new java.math.BigDecimal("0.15"));
    }

    @Test
    void sameSeedAndDataGiveTheSameSplitAndAnotherSeedAnother() {
        SplitPlan first = imbalanced(42).assign();
        SplitPlan again = imbalanced(42).assign();
        SplitPlan reseeded = imbalanced(43).assign();
        List<Split> a = new ArrayList<>();
        List<Split> b = new ArrayList<>();
        List<Split> c = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            a.add(first.splitOf(i));
            b.add(again.splitOf(i));
            c.add(reseeded.splitOf(i));
        }
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        assertThat(reseeded.stats(Split.TEST).categories()).isEqualTo(first.stats(Split.TEST).categories());
    }

    @Test
    void duplicatesAndNearDuplicatesNeverStraddleSplits() {
        StratifiedSplitter splitter = new StratifiedSplitter(42, 20, 20);
        SplittableRandom random = new SplittableRandom(11);
        List<int[]> sameGroup = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String category = i % 2 == 0 ? "yes" : "no";
            long prompt = random.nextLong();
            long near = random.nextLong() | 1;
            int first = splitter.add(prompt, near, category, 5);
            // The same prompt again with another answer (a contradiction), and a near-duplicate: 2 bits apart.
            int samePrompt = splitter.add(prompt, random.nextLong(), i % 2 == 0 ? "no" : "yes", 5);
            int nearCopy = splitter.add(random.nextLong(), near ^ 0b1010, category, 5);
            sameGroup.add(new int[] {first, samePrompt, nearCopy});
        }
        SplitPlan plan = splitter.assign();

        for (int[] group : sameGroup) {
            assertThat(plan.splitOf(group[1])).isEqualTo(plan.splitOf(group[0]));
            assertThat(plan.splitOf(group[2])).isEqualTo(plan.splitOf(group[0]));
        }
        // Groups of three are placed whole, so the held-out sizes stay as close to 20% as whole groups allow.
        assertThat(plan.stats(Split.TEST).examples()).isBetween(171L, 180L);
        assertThat(plan.stats(Split.VALIDATION).examples()).isBetween(171L, 180L);
    }

    @Test
    void withoutCategoriesOnMostExamplesTheSplitIsNotStratified() {
        StratifiedSplitter splitter = new StratifiedSplitter(42, 10, 10);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            splitter.add(random.nextLong(), 0, i < 50 ? "short" : null, 1);
        }
        SplitPlan plan = splitter.assign();

        assertThat(plan.stratified()).isFalse();
        assertThat(plan.stats(Split.TEST).examples()).isEqualTo(10);
        assertThat(plan.stats(Split.VALIDATION).examples()).isEqualTo(10);
        assertThat(plan.stats(Split.TEST).categories()).isEmpty();
    }

    @Test
    void heldOutSharesAreApportionedByLargestRemainder() {
        // 10% of 14, 4 and 17 is 1.4, 0.4, 1.7: floors 1, 0, 1; the total 3.5 rounds to 4, so the two largest
        // remainders (0.7, then 0.4 of the first) get one more each, not the first strata in order.
        assertThat(StratifiedSplitter.apportion(new long[] {14, 4, 17}, 10, 100, 4)).containsExactly(2, 0, 2);
    }
}
