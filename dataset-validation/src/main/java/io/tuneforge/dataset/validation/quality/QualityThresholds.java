package io.tuneforge.dataset.validation.quality;

/**
 * Tunable limits of the dataset-wide checks.
 *
 * @param minExamples              fewer is an error (OpenAI's minimum: 10)
 * @param recommendedExamples      fewer is a warning (the fine-tuning guide's 50)
 * @param nearDuplicateBits        SimHash distance at or under which two examples are near-duplicates
 * @param fingerprintCapacity      examples remembered for duplicate detection (~120 bytes each: the default
 *                                 500,000 keeps it near 70 MB, inside a 256 MB heap with everything else)
 * @param refusalShare             share of refusing replies above which refusals are over-represented
 * @param dominantCategoryShare    share of the largest category above which categories are imbalanced
 * @param rareCategoryRatio        smallest/largest category size below which categories are imbalanced
 */
public record QualityThresholds(int minExamples, int recommendedExamples, int nearDuplicateBits, int fingerprintCapacity,
                                double refusalShare, double dominantCategoryShare, double rareCategoryRatio) {

    public static QualityThresholds defaults() {
        return new QualityThresholds(10, 50, 3, 500_000, 0.10, 0.80, 0.10);
    }
}
