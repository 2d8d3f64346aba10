package io.tuneforge.eval.pricing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PricedModelTest {

    @Test
    void openAiFineTunedIdsArePricedAsFineTunedModelsOfTheirBase() {
        assertThat(PricedModel.of("ft:gpt-4o-mini-2024-07-18:acme::abc123")).isEqualTo(new PricedModel("gpt-4o-mini", true));
        assertThat(PricedModel.of("ft:gpt-4.1-mini-2025-04-14:acme:tickets:abc:ckpt-step-50"))
                .isEqualTo(new PricedModel("gpt-4.1-mini", true));
    }

    @Test
    void azureFineTunedNamesArePricedAsFineTunedModelsOfTheirBase() {
        assertThat(PricedModel.of("gpt-4o-mini-2024-07-18.ft-0123456789abcdef")).isEqualTo(new PricedModel("gpt-4o-mini", true));
        assertThat(PricedModel.of("gpt-35-turbo-0125.ft-abc")).isEqualTo(new PricedModel("gpt-3.5-turbo", true));
    }

    @Test
    void baseModelsInEverySpellingArePricedAsBase() {
        assertThat(PricedModel.of("gpt-4o-mini")).isEqualTo(new PricedModel("gpt-4o-mini", false));
        assertThat(PricedModel.of("gpt-4o-mini-2024-07-18")).isEqualTo(new PricedModel("gpt-4o-mini", false));
        assertThat(PricedModel.of("gpt-4o-2024-05-13")).isEqualTo(new PricedModel("gpt-4o", false));
        assertThat(PricedModel.of("gpt-35-turbo")).isEqualTo(new PricedModel("gpt-3.5-turbo", false));
        assertThat(PricedModel.of("gpt-4.1-mini-2025-04-14")).isEqualTo(new PricedModel("gpt-4.1-mini", false));
    }

    @Test
    void namesTheValidatorDoesNotKnowAreLookedUpAsGivenAtBasePrices() {
        // A judge or any model that cannot be fine-tuned: the catalog may still price it.
        assertThat(PricedModel.of("o3-mini")).isEqualTo(new PricedModel("o3-mini", false));
        assertThat(PricedModel.of("ft:o3-mini:acme::x")).isEqualTo(new PricedModel("ft:o3-mini:acme::x", false));
    }
}
