package io.tuneforge.dataset.validation.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tuneforge.dataset.validation.tokens.TrainingModel.UnknownModelException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingModelTest {

    @ParameterizedTest
    @CsvSource({
            // continuing training from a fine-tuned model: its base's tokenizer, not cl100k's (+21 % tokens)
            "ft:gpt-4o-mini-2024-07-18:acme::abc123, gpt-4o-mini, o200k_base, 65536",
            "ft:gpt-4.1-mini-2025-04-14:acme:tickets:abc, gpt-4.1-mini, o200k_base, 65536",
            "ft:gpt-4.1-nano-2025-04-14:org-x:s:id9:ckpt-step-40, gpt-4.1-nano, o200k_base, 32768",
            "ft:gpt-3.5-turbo-0125:acme::8abc, gpt-3.5-turbo, cl100k_base, 16385",
            "ft:gpt-3.5-turbo-0613:acme::8abc, gpt-3.5-turbo-0613, cl100k_base, 4096",
            // Azure OpenAI spellings and fine-tuned names
            "gpt-35-turbo-0125, gpt-3.5-turbo, cl100k_base, 16385",
            "gpt-35-turbo-1106, gpt-3.5-turbo-1106, cl100k_base, 16385",
            "gpt-4o-mini-2024-07-18.ft-0e208cf33a6a466994aff31a08aba678, gpt-4o-mini, o200k_base, 65536",
            "gpt-4.1-2025-04-14.ft-5fd1918ee65d4cd38a5dcf6835066ed7-tickets, gpt-4.1, o200k_base, 65536",
            // ids, snapshots, other dated snapshots of the same family
            "gpt-4.1, gpt-4.1, o200k_base, 65536",
            "gpt-4.1-mini-2025-04-14, gpt-4.1-mini, o200k_base, 65536",
            "gpt-4o-2024-05-13, gpt-4o, o200k_base, 65536",
            "GPT-4o-mini, gpt-4o-mini, o200k_base, 65536",
            "gpt-4-0613, gpt-4-0613, cl100k_base, 8192",
    })
    void resolvesToTheBaseModelsEncodingAndLimit(String name, String base, String encoding, int limit) {
        TrainingModel model = TrainingModel.named(name);
        assertThat(model.name()).isEqualTo(name);
        assertThat(model.baseModel()).isEqualTo(base);
        assertThat(model.encoding().id()).isEqualTo(encoding);
        assertThat(model.maxTokensPerExample()).isEqualTo(limit);
    }

    @Test
    void everyKnownNameResolves() {
        assertThat(TrainingModel.knownNames()).contains("gpt-4.1", "gpt-4.1-mini-2025-04-14", "gpt-4.1-nano", "gpt-4o-2024-08-06",
                "gpt-4o-mini", "gpt-35-turbo-0613", "gpt-3.5-turbo-0125");
        for (String name : TrainingModel.knownNames()) {
            assertThat(TrainingModel.find(name, Map.of())).as(name).isPresent();
            assertThat(TrainingModel.find("ft:" + TrainingModel.named(name).snapshot() + ":acme::x1", Map.of())).as(name).isPresent();
        }
    }

    @Test
    void azureDeploymentNamesResolveThroughTheAccountsMap() {
        Map<String, String> deployments = Map.of("support-bot", "gpt-4o-mini-2024-07-18.ft-0e208cf33a6a466994aff31a08aba678",
                "legacy", "gpt-35-turbo-0613", "loop", "loop");
        assertThat(TrainingModel.named("support-bot", deployments).baseModel()).isEqualTo("gpt-4o-mini");
        assertThat(TrainingModel.named("legacy", deployments).encoding()).isEqualTo(TokenEncoding.CL100K_BASE);
        assertThatThrownBy(() -> TrainingModel.named("loop", deployments)).isInstanceOf(UnknownModelException.class);
        assertThatThrownBy(() -> TrainingModel.named("support-bot")).isInstanceOf(UnknownModelException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "gpt-5-turbo", "davinci-002", "ft:", "ft:gpt-9:acme::x", "ft:gpt-4o-mini-2024-07-18",
            "ft:ft:gpt-4o-mini-2024-07-18:a::b:c::d", "gpt-4o-mini.ft-", "llama-3"})
    void unknownOrEmptyNamesAreRefusedWithTheKnownOnes(String name) {
        assertThatThrownBy(() -> TrainingModel.named(name))
                .isInstanceOf(UnknownModelException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpt-4o-mini-2024-07-18")
                .hasMessageContaining("gpt-35-turbo-0125")
                .hasMessageContaining("ft:<base>:<org>:<suffix>:<id>");
    }
}
