package io.tuneforge.dataset.validation.report;

/**
 * The catalogue of everything the validator can report. The {@link #code()} strings are part of the REST
 * contract of dataset-service: never rename one, add a new one instead. Structure codes reuse the names of
 * OpenAI's cookbook checker so users can map them to OpenAI's own messages.
 */
public enum FindingCode {
    // ---- input and syntax
    EMPTY_FILE("empty_file", Severity.ERROR, "upload a JSONL file with one training example per line"),
    BINARY_CONTENT("binary_content", Severity.ERROR, "upload the JSONL text itself (plain or gzip), not an archive or binary file"),
    COMPRESSED_INPUT_CORRUPT("compressed_input_corrupt", Severity.ERROR, "the gzip stream is truncated or corrupt: compress the file again and re-upload it"),
    UTF8_BOM("utf8_bom", Severity.ERROR, "save the file as UTF-8 without a byte order mark (BOM)"),
    INVALID_UTF8("invalid_utf8", Severity.ERROR, "re-encode the file as UTF-8 (e.g. iconv -f <source-encoding> -t UTF-8)"),
    CRLF_LINE_ENDING("crlf_line_ending", Severity.WARNING, "convert Windows line endings to \\n (e.g. dos2unix)"),
    CR_LINE_ENDING("cr_line_ending", Severity.WARNING, "a bare carriage return splits the line here: use \\n line endings and escape \\r inside strings"),
    BLANK_LINE("blank_line", Severity.WARNING, "remove blank lines: every line must be one JSON object"),
    MISSING_FINAL_NEWLINE("missing_final_newline", Severity.WARNING, "end the file with a newline so appending examples cannot corrupt the last line"),
    LINE_TOO_LONG("line_too_long", Severity.ERROR, "split the example or shrink embedded images; one line must stay under the line-size limit"),
    INVALID_JSON("invalid_json", Severity.ERROR, "make each line one complete JSON object (escape newlines inside strings as \\n)"),
    PRETTY_PRINTED_JSON("pretty_printed_json", Severity.ERROR, "write one compact JSON object per line, e.g. jq -c '.[]' file.json > file.jsonl (or jq -c . for concatenated objects)"),
    FOREIGN_FORMAT("foreign_format", Severity.ERROR, "convert the file to OpenAI chat or preference JSONL"),
    UNSUPPORTED_FORMAT("unsupported_format", Severity.ERROR, "convert the file to OpenAI chat format {\"messages\": [{\"role\", \"content\"}, ...]} or preference format"),
    MIXED_DATASET_KINDS("mixed_dataset_kinds", Severity.ERROR, "keep supervised (messages) and preference (input/preferred_output) examples in separate files"),

    // ---- structure (cookbook categories first)
    DATA_TYPE("data_type", Severity.ERROR, "make each line one example object, e.g. {\"messages\": [...]}"),
    MISSING_MESSAGES_LIST("missing_messages_list", Severity.ERROR, "add a non-empty \"messages\" array of {\"role\", \"content\"} objects"),
    MESSAGE_MISSING_KEY("message_missing_key", Severity.ERROR, "give every message a \"role\" and a \"content\""),
    MESSAGE_UNRECOGNIZED_KEY("message_unrecognized_key", Severity.ERROR, "remove the key: messages allow role, content, name, weight, tool_calls, tool_call_id, function_call"),
    UNRECOGNIZED_ROLE("unrecognized_role", Severity.ERROR, "use one of the roles system, developer, user, assistant, tool, function"),
    MISSING_CONTENT("missing_content", Severity.ERROR, "add the text, or remove the message"),
    EXAMPLE_MISSING_ASSISTANT_MESSAGE("example_missing_assistant_message", Severity.ERROR, "add the assistant reply the model should learn to produce"),
    EXAMPLE_MISSING_USER_MESSAGE("example_missing_user_message", Severity.WARNING, "add the user turn that the assistant reply answers"),
    UNRECOGNIZED_TOP_LEVEL_KEY("unrecognized_top_level_key", Severity.WARNING, "remove it: an example allows messages, tools, parallel_tool_calls and functions"),
    INVALID_WEIGHT("invalid_weight", Severity.ERROR, "set weight to 1 to train on the reply or 0 to skip it, on assistant messages only"),
    INVALID_NAME("invalid_name", Severity.WARNING, "name must be a string of letters, digits, '_' or '-' (at most 64)"),
    INVALID_TOOLS("invalid_tools", Severity.ERROR, "tools must be an array of {\"type\": \"function\", \"function\": {\"name\", \"parameters\"}}"),
    INVALID_TOOL_CALL("invalid_tool_call", Severity.ERROR, "each tool call needs id, type \"function\" and function {name, arguments (a JSON string)}"),
    TOOL_CALL_ARGUMENTS_NOT_JSON("tool_call_arguments_not_json", Severity.WARNING, "function.arguments should be a JSON-encoded object string"),
    DUPLICATE_TOOL_CALL_ID("duplicate_tool_call_id", Severity.ERROR, "give each tool call in an example its own id"),
    UNMATCHED_TOOL_MESSAGE("unmatched_tool_message", Severity.ERROR, "set tool_call_id to the id of an earlier assistant tool call"),
    UNANSWERED_TOOL_CALL("unanswered_tool_call", Severity.WARNING, "add a tool message with this tool_call_id before the next assistant turn"),
    UNDECLARED_TOOL("undeclared_tool", Severity.WARNING, "declare the function in the example's \"tools\" (or fix the name)"),
    INVALID_CONTENT_PART("invalid_content_part", Severity.ERROR, "content parts are {\"type\": \"text\", \"text\"} or {\"type\": \"image_url\", \"image_url\": {\"url\"}}"),
    INVALID_IMAGE("invalid_image", Severity.ERROR, "use an https URL or a data:image/jpeg|png|webp;base64 URL"),
    IMAGE_TOO_LARGE("image_too_large", Severity.ERROR, "downscale or recompress the image to at most 10 MB"),
    TOO_MANY_IMAGES("too_many_images", Severity.ERROR, "split the example into several with fewer images each"),
    IMAGE_OUTSIDE_USER_MESSAGE("image_outside_user_message", Severity.ERROR, "move the image into a user message"),
    DPO_INPUT_SHORTHAND("dpo_input_shorthand", Severity.WARNING, "write input as {\"messages\": [...]} to silence this warning"),
    DPO_MISSING_KEY("dpo_missing_key", Severity.ERROR, "a preference example needs input, preferred_output and non_preferred_output"),
    DPO_INVALID_OUTPUT("dpo_invalid_output", Severity.ERROR, "give preferred_output and non_preferred_output one assistant message with content each"),
    DPO_IDENTICAL_OUTPUTS("dpo_identical_outputs", Severity.ERROR, "make the preferred and non-preferred replies differ, or drop the pair"),
    DPO_INPUT_ENDS_WITH_ASSISTANT("dpo_input_ends_with_assistant", Severity.WARNING, "end input.messages with the user turn the outputs answer"),

    // ---- tokens
    SPECIAL_TOKEN_TEXT("special_token_text", Severity.ERROR, "remove or rewrite special-token text (e.g. \"<|endoftext|>\" -> \"< |endoftext| >\"): OpenAI fails the whole job on it"),
    EXAMPLE_TOO_LONG("example_too_long", Severity.ERROR, "shorten or split the conversation: tokens beyond the model's per-example limit are truncated or rejected"),
    EXAMPLE_OVER_4K_TOKENS("example_over_4k_tokens", Severity.WARNING, "long examples cost more and train slower; keep examples focused where you can"),

    // ---- quality
    TOO_FEW_EXAMPLES("too_few_examples", Severity.ERROR, "add examples until the file reaches the minimum; 50 to 100 well-crafted ones usually give a clear improvement"),
    FEW_EXAMPLES("few_examples", Severity.WARNING, "50 to 100 well-crafted examples usually give a clear improvement"),
    EXACT_DUPLICATE("exact_duplicate", Severity.WARNING, "remove the repeated example: duplicates over-weight it and leak across splits"),
    NEAR_DUPLICATE("near_duplicate", Severity.WARNING, "merge or diversify near-identical examples"),
    CONTRADICTORY_EXAMPLES("contradictory_examples", Severity.WARNING, "keep the correct answer and fix or remove the other example"),
    CONTRADICTORY_PREFERENCES("contradictory_preferences", Severity.WARNING, "keep the direction you want and remove the reversed pair"),
    SYSTEM_PROMPT_INCONSISTENT("system_prompt_inconsistent", Severity.WARNING, "use the system prompt you will use in production in every example"),
    SYSTEM_PROMPT_MISSING("system_prompt_missing", Severity.WARNING, "add the system prompt the other examples use"),
    CATEGORY_IMBALANCE("category_imbalance", Severity.WARNING, "add examples of the rare categories or down-sample the dominant one"),
    REFUSALS_OVERREPRESENTED("refusals_overrepresented", Severity.WARNING, "replace refusals with the answers you want, or remove them, so the model does not learn to refuse expected queries"),
    NO_ASSISTANT_REPLIES("no_assistant_replies", Severity.ERROR, "this looks like a prompt-only (RFT or eval) set: add assistant replies for supervised fine-tuning"),

    // ---- PII and secrets
    PII_EMAIL("pii_email", Severity.WARNING, "remove or mask personal email addresses"),
    PII_PHONE("pii_phone", Severity.WARNING, "remove or mask phone numbers"),
    PII_CARD_NUMBER("pii_card_number", Severity.WARNING, "remove payment card numbers"),
    PII_IBAN("pii_iban", Severity.WARNING, "remove bank account numbers (IBAN)"),
    PII_NATIONAL_ID("pii_national_id", Severity.WARNING, "remove national identification numbers"),
    PII_IP_ADDRESS("pii_ip_address", Severity.WARNING, "mask IP addresses unless they are documentation ranges"),
    SECRET("secret", Severity.ERROR, "remove the credential from the data and rotate it: it may be memorized and reproduced by the model"),

    // ---- limits of the validator itself
    VALIDATOR_FAILURE("validator_failure", Severity.ERROR, "the validator could not analyse this line; please report it with the line"),
    ANALYSIS_CAPACITY_REACHED("analysis_capacity_reached", Severity.INFO, "raise QualityThresholds.fingerprintCapacity for a full duplicate scan");

    private final String code;
    private final Severity severity;
    private final String fixHint;

    FindingCode(String code, Severity severity, String fixHint) {
        this.code = code;
        this.severity = severity;
        this.fixHint = fixHint;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public String fixHint() {
        return fixHint;
    }
}
