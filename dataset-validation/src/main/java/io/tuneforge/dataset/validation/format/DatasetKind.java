package io.tuneforge.dataset.validation.format;

/** What a line (and by majority, a file) holds. */
public enum DatasetKind {
    /** OpenAI supervised chat fine-tuning: {"messages": [...]} */
    CHAT,
    /** OpenAI preference fine-tuning (DPO): {"input", "preferred_output", "non_preferred_output"} */
    PREFERENCE,
    /** A recognised non-OpenAI format (ShareGPT, Alpaca, ...): needs conversion. */
    FOREIGN,
    /** Not a usable example at all (invalid JSON, not an object, no recognisable keys). */
    UNKNOWN
}
