package io.tuneforge.eval.run;

import io.tuneforge.eval.provider.PromptMessage;

import java.util.List;

/**
 * One line of a test split: the messages before the last assistant turn, and that turn as the reference.
 * From a preference (DPO) split: the input messages, the preferred answer as the reference and the
 * non-preferred one as {@code rejected} (null for supervised examples).
 */
public record HeldOutExample(List<PromptMessage> prompt, String reference, String metadataCategory, String rejected) {

    public HeldOutExample(List<PromptMessage> prompt, String reference, String metadataCategory) {
        this(prompt, reference, metadataCategory, null);
    }
}
