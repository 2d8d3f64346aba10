package io.tuneforge.dataset.validation;

import io.tuneforge.dataset.validation.pii.PiiScanner;
import io.tuneforge.dataset.validation.quality.QualityThresholds;
import io.tuneforge.dataset.validation.tokens.TokenEncoding;
import io.tuneforge.dataset.validation.tokens.TrainingModel;

/**
 * How to validate. Defaults target gpt-4o-mini (o200k_base, 65,536 tokens per example).
 *
 * @param encoding                    tokenizer of the target model
 * @param maxTokensPerExample         the model's per-example limit: more is an error
 * @param longExampleTokens           more is a warning (the seed's 4K advice)
 * @param cookbookMaxTokensPerExample MAX_TOKENS_PER_EXAMPLE of the cookbook-compatible summary (notebook: 16385)
 * @param maxLineBytes                longer lines are reported and skipped without being held in memory
 * @param examplesPerFinding          evidence kept per finding code
 * @param scanPii                     look for personal data and secrets
 * @param parallelism                 worker threads for parsing and tokenizing (1 = on the calling thread)
 * @param quality                     thresholds of the dataset-wide checks
 * @param phoneRegion                 ISO 3166 region for phone numbers written without a country code (default US)
 */
public record ValidationOptions(TokenEncoding encoding, int maxTokensPerExample, int longExampleTokens,
                                int cookbookMaxTokensPerExample, int maxLineBytes, int examplesPerFinding,
                                boolean scanPii, int parallelism, QualityThresholds quality, String phoneRegion) {

    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

    public static ValidationOptions defaults() {
        return forModel(TrainingModel.GPT_4O_MINI);
    }

    public static ValidationOptions forModel(TrainingModel model) {
        return new ValidationOptions(model.encoding(), model.maxTokensPerExample(), 4096, 16_385, DEFAULT_MAX_LINE_BYTES, 20,
                true, Runtime.getRuntime().availableProcessors(), QualityThresholds.defaults(),
                PiiScanner.DEFAULT_PHONE_REGION);
    }

    public ValidationOptions withEncoding(TokenEncoding value) {
        return new ValidationOptions(value, maxTokensPerExample, longExampleTokens, cookbookMaxTokensPerExample, maxLineBytes,
                examplesPerFinding, scanPii, parallelism, quality, phoneRegion);
    }

    public ValidationOptions withMaxTokensPerExample(int value) {
        return new ValidationOptions(encoding, value, longExampleTokens, cookbookMaxTokensPerExample, maxLineBytes,
                examplesPerFinding, scanPii, parallelism, quality, phoneRegion);
    }

    public ValidationOptions withCookbookMaxTokensPerExample(int value) {
        return new ValidationOptions(encoding, maxTokensPerExample, longExampleTokens, value, maxLineBytes,
                examplesPerFinding, scanPii, parallelism, quality, phoneRegion);
    }

    public ValidationOptions withMaxLineBytes(int value) {
        return new ValidationOptions(encoding, maxTokensPerExample, longExampleTokens, cookbookMaxTokensPerExample, value,
                examplesPerFinding, scanPii, parallelism, quality, phoneRegion);
    }

    public ValidationOptions withParallelism(int value) {
        return new ValidationOptions(encoding, maxTokensPerExample, longExampleTokens, cookbookMaxTokensPerExample, maxLineBytes,
                examplesPerFinding, scanPii, Math.max(1, value), quality, phoneRegion);
    }

    public ValidationOptions withScanPii(boolean value) {
        return new ValidationOptions(encoding, maxTokensPerExample, longExampleTokens, cookbookMaxTokensPerExample, maxLineBytes,
                examplesPerFinding, value, parallelism, quality, phoneRegion);
    }

    public ValidationOptions withQuality(QualityThresholds value) {
        return new ValidationOptions(encoding, maxTokensPerExample, longExampleTokens, cookbookMaxTokensPerExample, maxLineBytes,
                examplesPerFinding, scanPii, parallelism, value, phoneRegion);
    }

    /** @param value ISO 3166 region such as "US", "GB", "DE": national phone numbers are read in its numbering plan */
    public ValidationOptions withPhoneRegion(String value) {
        return new ValidationOptions(encoding, maxTokensPerExample, longExampleTokens, cookbookMaxTokensPerExample, maxLineBytes,
                examplesPerFinding, scanPii, parallelism, quality, value);
    }
}
