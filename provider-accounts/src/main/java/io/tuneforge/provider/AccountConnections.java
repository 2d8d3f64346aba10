package io.tuneforge.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.platform.tenancy.ServiceCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider accounts belong to training-service: the connection of the account a caller names comes from
 * {@code GET /api/v1/accounts/{id-or-name}/connection} (service key + tenant header), kept in memory for
 * {@code tuneforge.provider.account-cache-ttl} so not every call asks, and never logged or stored. Without
 * {@code tuneforge.provider.training-service-url}, or for a caller that names no account, the
 * {@link FallbackConnection} serves.
 */
@ApplicationScoped
public class AccountConnections implements ProviderConnections {

    @ConfigProperty(name = "tuneforge.provider.training-service-url")
    Optional<String> trainingServiceUrl;

    @ConfigProperty(name = "tuneforge.provider.training-service-timeout", defaultValue = "5s")
    Duration timeout;

    @ConfigProperty(name = "tuneforge.provider.account-cache-ttl", defaultValue = "60s")
    Duration cacheTtl;

    @Inject
    FallbackConnection configured;

    @Inject
    ServiceCredentials credentials;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ProviderConnection connection, Instant until) {
    }

    @Override
    public ProviderConnection connection(String tenantId, String account) {
        // A caller that names no account (the demo, older clients) uses the configured connection.
        if (trainingServiceUrl.isEmpty() || trainingServiceUrl.get().isBlank() || account == null || account.isBlank()) {
            return configured.connection();
        }
        String key = tenantId + "|" + account;
        Cached cached = cache.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.until().isAfter(now)) {
            return cached.connection();
        }
        ProviderConnection fetched = fetch(tenantId, account);
        cache.put(key, new Cached(fetched, now.plus(cacheTtl)));
        return fetched;
    }

    private ProviderConnection fetch(String tenantId, String account) {
        URI uri = URI.create(trainingServiceUrl.get().replaceAll("/$", "") + "/api/v1/accounts/"
                + URLEncoder.encode(account, StandardCharsets.UTF_8).replace("+", "%20") + "/connection");
        HttpResponse<String> response;
        try {
            response = http.send(credentials.authorize(HttpRequest.newBuilder(uri).timeout(timeout).GET(), tenantId).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailable("training-service did not answer for provider account '" + account + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while fetching provider account '" + account + "'", e);
        }
        int status = response.statusCode();
        if (status == 404) {
            throw new ProviderAccountUnusable("provider account '" + account + "' does not exist for this tenant in training-service");
        }
        if (status >= 500) {
            throw new ProviderUnavailable("training-service answered " + status + " for provider account '" + account + "'", null);
        }
        if (status != 200) {
            throw new ProviderAccountUnusable("training-service refused provider account '" + account + "' (" + status + ")");
        }
        try {
            JsonNode body = json.readTree(response.body());
            return new ProviderConnection(body.path("id").asText(account), body.path("kind").asText("openai"),
                    body.path("base_url").asText(), body.path("api_key").asText(), text(body, "organization"), text(body, "project"),
                    text(body, "azure_api_version"),
                    body.path("requests_per_minute").isNumber() ? Optional.of(body.path("requests_per_minute").asInt()) : Optional.empty());
        } catch (IOException e) {
            throw new ProviderUnavailable("training-service sent an unreadable connection for provider account '" + account + "'", e);
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }
}
