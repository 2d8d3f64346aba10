package io.tuneforge.events.dataset;

import io.tuneforge.events.EventPayload;

import java.util.List;

/**
 * A dataset version passed validation and was split; consumers fetch split content over REST from
 * dataset-service ({@link SplitSummary#contentPath()}), never from the event.
 *
 * @param datasetId      the dataset
 * @param versionId      the immutable version that was validated
 * @param version        its sequence number within the dataset (1, 2, ...)
 * @param name           the dataset's display name
 * @param method         fine-tuning method the data is for: {@code supervised} or {@code dpo}
 * @param exampleCount   valid examples in the version
 * @param encoding       tokenizer encoding the token counts use (e.g. {@code o200k_base})
 * @param billableTokens tokens one training epoch over the training split is billed for
 * @param splits         the splits produced
 * @param warnings       warning codes with how often each occurred
 */
public record DatasetValidated(
        String datasetId,
        String versionId,
        int version,
        String name,
        String method,
        long exampleCount,
        String encoding,
        long billableTokens,
        List<SplitSummary> splits,
        List<FindingCount> warnings) implements EventPayload {

    public DatasetValidated {
        splits = List.copyOf(splits);
        warnings = List.copyOf(warnings);
    }

    @Override
    public String subject() {
        return datasetId;
    }
}
