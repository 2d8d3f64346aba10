package io.tuneforge.eval.run;

import io.tuneforge.eval.provider.PromptMessage;

import java.util.List;

/** One line of a test split: the messages before the last assistant turn, and that turn as the reference. */
public record HeldOutExample(List<PromptMessage> prompt, String reference, String metadataCategory) {
}
