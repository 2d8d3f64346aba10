package io.tuneforge.dataset.validation.quality;

import java.util.Map;

/** Counts behind the quality table's evidence sentences. */
public record QualityFacts(long conversations, int distinctSystemPrompts, long withSystemPrompt, long withoutSystemPrompt,
                           Map<String, Long> categories, long refusals) {
}
