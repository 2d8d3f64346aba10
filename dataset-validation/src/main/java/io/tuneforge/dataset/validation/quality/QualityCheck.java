package io.tuneforge.dataset.validation.quality;

import java.util.List;

/**
 * One row of the dataset quality table (the seed's section 2.4 checklist): the check, its outcome, a sentence
 * of evidence and the first lines that show it.
 */
public record QualityCheck(String check, QualityStatus status, String evidence, List<Long> exampleLines) {
}
