package io.tuneforge.dataset.validation.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Converts one source record into one OpenAI example. Stateless and thread-safe. */
interface RecordConverter {

    ObjectNode convert(JsonNode record, Conversion c) throws SkipRecord;

    static RecordConverter of(SourceFormat format) {
        return switch (format) {
            case ALPACA -> new AlpacaConverter();
            case SHAREGPT -> new ShareGptConverter();
            case CHOSEN_REJECTED -> new PreferencePairConverter();
            case PROMPT_COMPLETION -> new PairConverter("prompt", "completion");
            case QUESTION_ANSWER -> new PairConverter("question", "answer");
            case BEDROCK_CLAUDE -> new BedrockClaudeConverter();
        };
    }
}
