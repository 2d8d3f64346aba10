package io.tuneforge.cli.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The provider account the local stack and the demo train on: the user's own when the environment has a key (Azure
 * OpenAI, or OpenAI / any OpenAI-compatible endpoint), else the local stack's simulator.
 *
 * @param description     what the demo prints, never the key
 * @param accountRequest  the body of training-service's {@code POST /api/v1/accounts}
 * @param simulated       true for the bundled simulator
 */
public record ProviderChoice(String description, Map<String, Object> accountRequest, boolean simulated) {

    /** Env names as openai-java's {@code fromEnv()} and Azure's own tools read them. */
    static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";
    static final String AZURE_OPENAI_API_KEY = "AZURE_OPENAI_API_KEY";
    static final String AZURE_OPENAI_ENDPOINT = "AZURE_OPENAI_ENDPOINT";
    static final String OPENAI_API_VERSION = "OPENAI_API_VERSION";

    /** Whether the environment names a real provider (the stack then starts no simulator). */
    public static boolean realProviderConfigured(Map<String, String> env) {
        return present(env.get(OPENAI_API_KEY)) || (present(env.get(AZURE_OPENAI_API_KEY)) && present(env.get(AZURE_OPENAI_ENDPOINT)));
    }

    /**
     * @param accountName   a fresh name for the account
     * @param simulatorUrl  the running simulator's URL, when there is one
     * @return empty when there is neither a key nor a simulator
     */
    public static Optional<ProviderChoice> choose(Map<String, String> env, String accountName, Optional<String> simulatorUrl) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("name", accountName);
        if (present(env.get(AZURE_OPENAI_API_KEY)) && present(env.get(AZURE_OPENAI_ENDPOINT))) {
            account.put("kind", "azure");
            account.put("base_url", env.get(AZURE_OPENAI_ENDPOINT));
            account.put("api_key", env.get(AZURE_OPENAI_API_KEY));
            if (present(env.get(OPENAI_API_VERSION))) {
                account.put("azure_api_version", env.get(OPENAI_API_VERSION));
            }
            return Optional.of(new ProviderChoice("Azure OpenAI at " + env.get(AZURE_OPENAI_ENDPOINT), account, false));
        }
        if (present(env.get(OPENAI_API_KEY))) {
            String baseUrl = env.get(OPENAI_BASE_URL);
            // OpenAI itself unless a base URL points elsewhere (a proxy, another OpenAI-compatible provider).
            account.put("kind", present(baseUrl) ? "compatible" : "openai");
            if (present(baseUrl)) {
                account.put("base_url", baseUrl);
            }
            account.put("api_key", env.get(OPENAI_API_KEY));
            putIfPresent(account, "organization", env.get("OPENAI_ORG_ID"));
            putIfPresent(account, "project", env.get("OPENAI_PROJECT_ID"));
            return Optional.of(new ProviderChoice(present(baseUrl) ? "the OpenAI-compatible endpoint " + baseUrl : "OpenAI", account, false));
        }
        return simulatorUrl.map(url -> {
            account.put("kind", "compatible");
            account.put("base_url", url + "/v1");
            account.put("api_key", "sk-tuneforge-local-simulator");
            account.put("max_active_jobs", 4);
            return new ProviderChoice("the simulator", account, true);
        });
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (present(value)) {
            map.put(key, value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
