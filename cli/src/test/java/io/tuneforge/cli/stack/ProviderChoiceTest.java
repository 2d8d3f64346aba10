package io.tuneforge.cli.stack;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderChoiceTest {

    private static final Optional<String> SIMULATOR = Optional.of("http://127.0.0.1:8090");

    @Test
    void withoutAKeyTheDemoTrainsOnTheSimulator() {
        ProviderChoice choice = ProviderChoice.choose(Map.of(), "demo-1", SIMULATOR).orElseThrow();
        assertThat(choice.simulated()).isTrue();
        assertThat(choice.accountRequest()).containsEntry("kind", "compatible").containsEntry("base_url", "http://127.0.0.1:8090/v1");
        assertThat(ProviderChoice.realProviderConfigured(Map.of())).isFalse();
        assertThat(ProviderChoice.choose(Map.of(), "demo-1", Optional.empty())).isEmpty();
    }

    @Test
    void anAzureKeyAndEndpointTrainOnAzureOpenAI() {
        Map<String, String> env = Map.of("AZURE_OPENAI_API_KEY", "az-key", "AZURE_OPENAI_ENDPOINT", "https://acme.openai.azure.com",
                "OPENAI_API_VERSION", "2025-04-01-preview");
        ProviderChoice choice = ProviderChoice.choose(env, "demo-1", SIMULATOR).orElseThrow();
        assertThat(choice.simulated()).isFalse();
        assertThat(choice.accountRequest()).containsEntry("kind", "azure").containsEntry("base_url", "https://acme.openai.azure.com")
                .containsEntry("api_key", "az-key").containsEntry("azure_api_version", "2025-04-01-preview");
        assertThat(choice.description()).contains("Azure").doesNotContain("az-key");
        assertThat(ProviderChoice.realProviderConfigured(env)).isTrue();
        // An endpoint without a key is not a provider: the simulator stays.
        assertThat(ProviderChoice.realProviderConfigured(Map.of("AZURE_OPENAI_ENDPOINT", "https://acme.openai.azure.com"))).isFalse();
    }

    @Test
    void anOpenAIKeyTrainsOnOpenAIOrOnTheCompatibleEndpointItsBaseUrlNames() {
        ProviderChoice openai = ProviderChoice.choose(Map.of("OPENAI_API_KEY", "sk-real", "OPENAI_PROJECT_ID", "proj_1"), "d", SIMULATOR)
                .orElseThrow();
        assertThat(openai.accountRequest()).containsEntry("kind", "openai").containsEntry("project", "proj_1").doesNotContainKey("base_url");
        ProviderChoice proxy = ProviderChoice.choose(Map.of("OPENAI_API_KEY", "sk-real", "OPENAI_BASE_URL", "https://llm.internal/v1"),
                "d", SIMULATOR).orElseThrow();
        assertThat(proxy.accountRequest()).containsEntry("kind", "compatible").containsEntry("base_url", "https://llm.internal/v1");
        assertThat(proxy.description()).contains("https://llm.internal/v1").doesNotContain("sk-real");
    }
}
