package io.tuneforge.dataset.validation.cookbook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tuneforge.dataset.validation.tokens.Distribution;
import java.util.Map;

/**
 * The reference validator's JSON summary (shared/bench), field for field and in the same order, so the two
 * can be compared byte for byte. Field names are snake_case because that is the reference's output format.
 */
@JsonPropertyOrder({"file", "bytes", "tokenizer", "encoding", "lines", "blank_lines", "json_parse_errors", "examples",
        "format_errors", "examples_with_format_errors", "examples_tokenized", "n_missing_system", "n_missing_user",
        "total_tokens", "assistant_tokens", "max_tokens_per_example", "n_over_limit", "messages_per_example",
        "tokens_per_example", "assistant_tokens_per_example", "n_epochs", "billing_tokens_in_dataset",
        "billing_tokens_total"})
public record CookbookSummary(
        @JsonProperty("file") String file,
        @JsonProperty("bytes") long bytes,
        @JsonProperty("tokenizer") String tokenizer,
        @JsonProperty("encoding") String encoding,
        @JsonProperty("lines") long lines,
        @JsonProperty("blank_lines") long blankLines,
        @JsonProperty("json_parse_errors") long jsonParseErrors,
        @JsonProperty("examples") long examples,
        @JsonProperty("format_errors") Map<String, Long> formatErrors,
        @JsonProperty("examples_with_format_errors") long examplesWithFormatErrors,
        @JsonProperty("examples_tokenized") long examplesTokenized,
        @JsonProperty("n_missing_system") long missingSystem,
        @JsonProperty("n_missing_user") long missingUser,
        @JsonProperty("total_tokens") long totalTokens,
        @JsonProperty("assistant_tokens") long assistantTokens,
        @JsonProperty("max_tokens_per_example") int maxTokensPerExample,
        @JsonProperty("n_over_limit") long overLimit,
        @JsonProperty("messages_per_example") Distribution messagesPerExample,
        @JsonProperty("tokens_per_example") Distribution tokensPerExample,
        @JsonProperty("assistant_tokens_per_example") Distribution assistantTokensPerExample,
        @JsonProperty("n_epochs") Integer epochs,
        @JsonProperty("billing_tokens_in_dataset") long billingTokensInDataset,
        @JsonProperty("billing_tokens_total") Long billingTokensTotal) {

    public CookbookSummary withFile(String newFile) {
        return new CookbookSummary(newFile, bytes, tokenizer, encoding, lines, blankLines, jsonParseErrors, examples,
                formatErrors, examplesWithFormatErrors, examplesTokenized, missingSystem, missingUser, totalTokens,
                assistantTokens, maxTokensPerExample, overLimit, messagesPerExample, tokensPerExample,
                assistantTokensPerExample, epochs, billingTokensInDataset, billingTokensTotal);
    }
}
