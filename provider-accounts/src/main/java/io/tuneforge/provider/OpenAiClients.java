package io.tuneforge.provider;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One openai-java client per provider connection (clients hold connection pools, so they are reused), each
 * with the service's timeout and bounded retries ({@code tuneforge.provider.timeout},
 * {@code tuneforge.provider.max-retries}: openai-java retries 429/5xx itself, honouring {@code retry-after}).
 * Azure OpenAI authenticates with {@code api-key} and its {@code api-version}; everything else with a bearer
 * key: nothing assumes api.openai.com. Redirects are not followed (a 3xx is the provider's answer, an error).
 */
@ApplicationScoped
public class OpenAiClients {

    @ConfigProperty(name = "tuneforge.provider.timeout", defaultValue = "60s")
    Duration timeout;

    @ConfigProperty(name = "tuneforge.provider.max-retries", defaultValue = "2")
    int maxRetries;

    private final Map<ProviderConnection, OpenAIClient> clients = new ConcurrentHashMap<>();

    public OpenAIClient client(ProviderConnection connection) {
        return clients.computeIfAbsent(connection, c -> {
            // No redirects: a provider answers where it is asked, and a redirect would carry the key to wherever it points.
            OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder().baseUrl(c.baseUrl())
                    .timeout(timeout).maxRetries(maxRetries).followRedirects(false);
            if (c.azure()) {
                builder.credential(AzureApiKeyCredential.create(c.apiKey()));
                c.azureApiVersion().ifPresent(v -> builder.azureServiceVersion(AzureOpenAIServiceVersion.fromString(v)));
            } else {
                builder.apiKey(c.apiKey());
            }
            c.organization().ifPresent(builder::organization);
            c.project().ifPresent(builder::project);
            return builder.build();
        });
    }

    @PreDestroy
    void close() {
        clients.values().forEach(OpenAIClient::close);
    }
}
