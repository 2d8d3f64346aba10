package io.tuneforge.dataset.validation.imports;

import io.tuneforge.dataset.validation.format.DatasetKind;
import io.tuneforge.dataset.validation.format.ForeignFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@link DatasetImporter} converts, with the OpenAI kind each becomes. {@link #id()} is the REST name. */
public enum SourceFormat {
    /** instruction / input / output, optional system and history. */
    ALPACA("alpaca", "Alpaca (instruction/input/output)", DatasetKind.CHAT),
    /** conversations [{from, value}] with optional system and tools; JSONL or a JSON array. */
    SHAREGPT("sharegpt", "ShareGPT (conversations with from/value)", DatasetKind.CHAT),
    /** chosen/rejected as HH-RLHF transcripts, message lists or {messages}; or prompt/chosen/rejected. */
    CHOSEN_REJECTED("chosen_rejected", "chosen/rejected preference pairs", DatasetKind.PREFERENCE),
    /** prompt / completion (strings, or TRL-style message lists). */
    PROMPT_COMPLETION("prompt_completion", "prompt/completion pairs", DatasetKind.CHAT),
    /** question / answer (GSM8K style). */
    QUESTION_ANSWER("question_answer", "question/answer pairs", DatasetKind.CHAT),
    /** Anthropic / Bedrock Claude: top-level system + messages. */
    BEDROCK_CLAUDE("bedrock_claude", "Anthropic / Bedrock Claude (system + messages)", DatasetKind.CHAT);

    private final String id;
    private final String label;
    private final DatasetKind output;

    SourceFormat(String id, String label, DatasetKind output) {
        this.id = id;
        this.label = label;
        this.output = output;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** CHAT (supervised) or PREFERENCE (DPO). */
    public DatasetKind output() {
        return output;
    }

    /** The importer that converts a detected foreign format, or null when there is none (grader configs, raw text...). */
    public static SourceFormat of(ForeignFormat detected) {
        if (detected == null) {
            return null;
        }
        return switch (detected) {
            case ALPACA -> ALPACA;
            case SHAREGPT -> SHAREGPT;
            case CHOSEN_REJECTED_TEXT, CHOSEN_REJECTED_MESSAGES, PROMPT_CHOSEN_REJECTED -> CHOSEN_REJECTED;
            case PROMPT_COMPLETION -> PROMPT_COMPLETION;
            case QUESTION_ANSWER -> QUESTION_ANSWER;
            case BEDROCK_CLAUDE -> BEDROCK_CLAUDE;
            case RAW_TEXT, GRADER_CONFIG, JSON_SCHEMA -> null;
        };
    }

    /** By {@link #id()} or enum name, case-insensitive; "auto" and blank give null (detect from the data). */
    public static SourceFormat parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("auto")) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (SourceFormat f : values()) {
            if (f.id.equals(v) || f.name().toLowerCase(Locale.ROOT).equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown source format '" + value + "'; use auto or one of "
                + Arrays.stream(values()).map(SourceFormat::id).collect(Collectors.joining(", ")));
    }
}
