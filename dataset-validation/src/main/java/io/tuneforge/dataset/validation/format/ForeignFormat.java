package io.tuneforge.dataset.validation.format;

/**
 * Training-data formats of other tools that users upload by mistake, with how to convert each. Formats with an
 * {@link #importFormat()} are converted by {@code imports.DatasetImporter}; the hint says so.
 */
public enum ForeignFormat {
    SHAREGPT("ShareGPT (conversations with from/value)", "sharegpt",
            "map each conversation to {\"messages\": [...]} with from human->user, gpt->assistant, system->system, value->content"),
    ALPACA("Alpaca (instruction/input/output)", "alpaca",
            "map to {\"messages\": [{\"role\": \"user\", \"content\": instruction + input}, {\"role\": \"assistant\", \"content\": output}]}"),
    PROMPT_COMPLETION("legacy prompt/completion", "prompt_completion",
            "map to {\"messages\": [{\"role\": \"user\", \"content\": prompt}, {\"role\": \"assistant\", \"content\": completion}]}"),
    QUESTION_ANSWER("question/answer pairs (GSM8K style)", "question_answer",
            "map to {\"messages\": [{\"role\": \"user\", \"content\": question}, {\"role\": \"assistant\", \"content\": answer}]}"),
    CHOSEN_REJECTED_TEXT("chosen/rejected transcripts (Anthropic HH-RLHF style)", "chosen_rejected",
            "split the shared prompt from the final replies and write preference format {\"input\": {\"messages\": [...]}, "
                    + "\"preferred_output\": [{\"role\": \"assistant\", \"content\": chosen reply}], \"non_preferred_output\": [...]}"),
    CHOSEN_REJECTED_MESSAGES("chosen/rejected conversations", "chosen_rejected",
            "move the shared turns to {\"input\": {\"messages\": [...]}} and the differing last assistant replies to "
                    + "\"preferred_output\" (chosen) and \"non_preferred_output\" (rejected), each a one-message list"),
    PROMPT_CHOSEN_REJECTED("prompt/chosen/rejected preference pairs (TRL style)", "chosen_rejected",
            "write {\"input\": {\"messages\": [{\"role\": \"user\", \"content\": prompt}]}, \"preferred_output\": "
                    + "[{\"role\": \"assistant\", \"content\": chosen}], \"non_preferred_output\": [{... rejected}]}"),
    BEDROCK_CLAUDE("Anthropic / Amazon Bedrock Claude (top-level \"system\" + messages)", "bedrock_claude",
            "move \"system\" into the conversation as the first message {\"role\": \"system\", \"content\": ...} and drop the top-level key"),
    RAW_TEXT("raw text (completion-style pre-training data)", null,
            "chat fine-tuning needs conversations: write {\"messages\": [{\"role\": \"user\", ...}, {\"role\": \"assistant\", ...}]}"),
    GRADER_CONFIG("an OpenAI grader configuration (not training data)", null,
            "upload the grader with the fine-tuning job's method settings, and the training examples as JSONL"),
    JSON_SCHEMA("a JSON schema / response format (not training data)", null,
            "pass the schema as the response format; upload training examples as JSONL");

    private final String label;
    private final String importFormat;
    private final String conversion;

    ForeignFormat(String label, String importFormat, String conversion) {
        this.label = label;
        this.importFormat = importFormat;
        this.conversion = conversion;
    }

    public String label() {
        return label;
    }

    /** The importer's source format id (SourceFormat#id) that converts this format, or null when none does. */
    public String importFormat() {
        return importFormat;
    }

    /** How to convert: with the importer where one exists, and the mapping it applies, to do by hand. */
    public String conversion() {
        return importFormat == null ? conversion : importHint() + ", which does this: " + conversion;
    }

    /** The mapping itself, e.g. "map each conversation to {"messages": [...]} with from human->user ...". */
    public String mapping() {
        return conversion;
    }

    /** "convert it with the dataset importer (source format "sharegpt")", or null when no importer exists. */
    public String importHint() {
        return importFormat == null ? null : "convert it with the dataset importer (source format \"" + importFormat + "\")";
    }
}
