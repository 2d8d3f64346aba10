package io.tuneforge.dataset.validation.tokens;

import java.util.Locale;

/**
 * A fine-tunable model as far as validation cares: its encoding and how many tokens one training example may
 * hold. Limits from OpenAI's fine-tuning guide (gpt-4o / gpt-4.1 families: 65,536; gpt-3.5-turbo-0125: 16,385).
 */
public record TrainingModel(String name, TokenEncoding encoding, int maxTokensPerExample) {

    public static final TrainingModel GPT_4O_MINI = new TrainingModel("gpt-4o-mini-2024-07-18", TokenEncoding.O200K_BASE, 65_536);

    public static TrainingModel named(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        TokenEncoding encoding = TokenEncoding.forModel(m);
        int limit = m.startsWith("gpt-3.5") ? 16_385 : m.startsWith("gpt-4-") || m.equals("gpt-4") ? 8_192 : 65_536;
        return new TrainingModel(model, encoding, limit);
    }
}
