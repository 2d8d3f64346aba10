package io.tuneforge.dataset.validation.tokens;

import java.util.List;

/**
 * Finds special-token text ("<|endoftext|>" and friends) written literally in the data. OpenAI accepts the upload
 * and then fails the whole fine-tuning job on it, hours later, so it is worth an error up front.
 */
public final class SpecialTokenText {

    private static final List<String> NAMES = List.of(
            "endoftext", "fim_prefix", "fim_middle", "fim_suffix", "endofprompt", "im_start", "im_end", "im_sep");

    private SpecialTokenText() {
    }

    /** The first special token written in {@code text}, e.g. "<|endoftext|>", or null. */
    public static String firstIn(String text) {
        int at = text.indexOf("<|");
        while (at >= 0) {
            for (String name : NAMES) {
                int end = at + 2 + name.length();
                if (text.startsWith(name, at + 2) && text.startsWith("|>", end)) {
                    return "<|" + name + "|>";
                }
            }
            at = text.indexOf("<|", at + 2);
        }
        return null;
    }
}
