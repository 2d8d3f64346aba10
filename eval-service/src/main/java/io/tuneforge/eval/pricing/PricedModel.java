package io.tuneforge.eval.pricing;

import io.tuneforge.dataset.validation.tokens.TrainingModel;

import java.util.Map;
import java.util.Optional;

/**
 * What a model name is priced as: the catalog model it is built on, and whether it is a fine-tuned model (which
 * costs the catalog's fine-tuned prices). Names are resolved by the validator's {@link TrainingModel}, so
 * {@code ft:gpt-4o-mini-2024-07-18:acme::abc} and Azure's {@code gpt-4o-mini-2024-07-18.ft-abc} are both
 * fine-tuned {@code gpt-4o-mini}; a name it does not know (a model that cannot be fine-tuned, such as a judge
 * model) is looked up as given, at base prices.
 *
 * @param catalogModel the name to ask cost-service's catalog for
 */
public record PricedModel(String catalogModel, boolean fineTuned) {

    public static PricedModel of(String model) {
        Optional<TrainingModel> resolved = TrainingModel.find(model, Map.of());
        if (resolved.isEmpty()) {
            return new PricedModel(model, false);
        }
        return new PricedModel(resolved.get().baseModel(), !isBaseName(model.strip()));
    }

    /**
     * Whether {@code name} is a base model's own spelling rather than a fine-tuned model built on one. TrainingModel
     * says only what a name resolves to, and a fine-tuned id's second field is by its grammar
     * ({@code ft:<base>:<org>:<suffix>:<id>}) a base spelling and nothing else, so the base spellings are exactly the
     * names that resolve in that field.
     */
    private static boolean isBaseName(String name) {
        return TrainingModel.find("ft:" + name + ":org::id", Map.of()).isPresent();
    }
}
