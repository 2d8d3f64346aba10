package io.tuneforge.dataset.validation.format;

/** Training-data formats of other tools that users upload by mistake, with how to convert each. */
public enum ForeignFormat {
    SHAREGPT("ShareGPT (conversations with from/value)",
            "map each conversation to {\"messages\": [...]} with from human->user, gpt->assistant, system->system, value->content"),
    ALPACA("Alpaca (instruction/input/output)",
            "map to {\"messages\": [{\"role\": \"user\", \"content\": instruction + input}, {\"role\": \"assistant\", \"content\": output}]}"),
    PROMPT_COMPLETION("legacy prompt/completion",
            "map to {\"messages\": [{\"role\": \"user\", \"content\": prompt}, {\"role\": \"assistant\", \"content\": completion}]}"),
    QUESTION_ANSWER("question/answer pairs (GSM8K style)",
            "map to {\"messages\": [{\"role\": \"user\", \"content\": question}, {\"role\": \"assistant\", \"content\": answer}]}"),
    CHOSEN_REJECTED_TEXT("chosen/rejected transcripts (Anthropic HH-RLHF style)",
            "split the shared prompt from the final replies and write preference format {\"input\": {\"messages\": [...]}, "
                    + "\"preferred_output\": [{\"role\": \"assistant\", \"content\": chosen reply}], \"non_preferred_output\": [...]}"),
    CHOSEN_REJECTED_MESSAGES("chosen/rejected conversations",
            "move the shared turns to {\"input\": {\"messages\": [...]}} and the differing last assistant replies to "
                    + "\"preferred_output\" (chosen) and \"non_preferred_output\" (rejected), each a one-message list"),
    PROMPT_CHOSEN_REJECTED("prompt/chosen/rejected preference pairs (TRL style)",
            "write {\"input\": {\"messages\": [{\"role\": \"user\", \"content\": prompt}]}, \"preferred_output\": "
                    + "[{\"role\": \"assistant\", \"content\": chosen}], \"non_preferred_output\": [{... rejected}]}"),
    BEDROCK_CLAUDE("Anthropic / Amazon Bedrock Claude (top-level \"system\" + messages)",
            "move \"system\" into the conversation as the first message {\"role\": \"system\", \"content\": ...} and drop the top-level key"),
    RAW_TEXT("raw text (completion-style pre-training data)",
            "chat fine-tuning needs conversations: write {\"messages\": [{\"role\": \"user\", ...}, {\"role\": \"assistant\", ...}]}"),
    GRADER_CONFIG("an OpenAI grader configuration (not training data)",
            "upload the grader with the fine-tuning job's method settings, and the training examples as JSONL"),
    JSON_SCHEMA("a JSON schema / response format (not training data)",
            "pass the schema as the response format; upload training examples as JSONL");

    private final String label;
    private final String conversion;

    ForeignFormat(String label, String conversion) {
        this.label = label;
        this.conversion = conversion;
    }

    public String label() {
        return label;
    }

    public String conversion() {
        return conversion;
    }
}
