package io.tuneforge.eval.provider;

import io.tuneforge.provider.ProviderConnection;
import io.tuneforge.provider.ProviderUnavailable;

import java.util.List;

/** Asks a model for one answer. The only door to the provider: everything else works with its results. */
public interface ChatModels {

    /**
     * @param format a structured-output format the reply must follow, or null for free text
     * @throws ProviderThrottled   rate limited; the caller should slow down and retry
     * @throws ProviderUnavailable transient failure; the caller may retry later
     * @throws ProviderRefused     permanent refusal of this call
     */
    ModelAnswer answer(ProviderConnection connection, String model, List<PromptMessage> prompt, StructuredOutput format);

    default ModelAnswer answer(ProviderConnection connection, String model, List<PromptMessage> prompt) {
        return answer(connection, model, prompt, null);
    }
}
