package io.tuneforge.dataset.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tuneforge.dataset.feedback")
public interface FeedbackConfig {

    /** A rating at or above this score (0..1) is positive for the rated pair rule: up, 4 and 5 stars. */
    @WithDefault("0.75")
    double positiveScore();

    /**
     * How long a rated answer waits for an answer with the opposite rating to the same input. Past it the answer is
     * dropped (counted as {@code no_counterpart}): a counterpart weeks later usually answers an older prompt version.
     */
    @WithDefault("P30D")
    Duration waitingRetention();

    /** Rated answers kept waiting per dataset; the oldest beyond it are dropped (counted as {@code no_counterpart}). */
    @WithDefault("10000")
    int waitingLimit();

    /**
     * How long a build of a feedback version holds its lease; a builder that died is taken over after it. Longer than
     * the ingestion's store timeout, so a live build is never overtaken.
     */
    @WithDefault("PT45M")
    Duration buildLease();
}
