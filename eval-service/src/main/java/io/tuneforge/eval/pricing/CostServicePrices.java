package io.tuneforge.eval.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.eval.metrics.Scorecard;
import io.tuneforge.platform.tenancy.ServiceCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Prices from cost-service's catalog ({@code GET /api/v1/catalog/models/{model}}): fine-tuned prices
 * for {@code ft:} models, base prices otherwise. Without {@code tuneforge.eval.cost-service-url}, or
 * when cost-service does not answer, every price is unknown: a report must not wait on pricing.
 */
@ApplicationScoped
public class CostServicePrices implements PriceCatalog {

    private static final Logger LOG = Logger.getLogger(CostServicePrices.class);
    private static final int ATTEMPTS = 2;

    @ConfigProperty(name = "tuneforge.eval.cost-service-url")
    Optional<String> costServiceUrl;

    @ConfigProperty(name = "tuneforge.eval.cost-service-timeout", defaultValue = "5s")
    Duration timeout;

    @Inject
    ServiceCredentials credentials;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Optional<Scorecard.TokenPrices> pricesOf(String tenantId, String model) {
        if (costServiceUrl.isEmpty() || costServiceUrl.get().isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(costServiceUrl.get().replaceAll("/$", "") + "/api/v1/catalog/models/"
                + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20"));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(credentials.authorize(HttpRequest.newBuilder(uri).timeout(timeout).GET(),
                        tenantId).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return parse(json.readTree(response.body()), model.startsWith("ft:"));
                }
                if (response.statusCode() < 500) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                LOG.debugf("cost-service catalog unavailable for %s (attempt %d): %s", model, attempt, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<Scorecard.TokenPrices> parse(JsonNode model, boolean fineTuned) {
        JsonNode prices = model.path("price").path(fineTuned ? "fine_tuned" : "base");
        if (!prices.path("input").isNumber() || !prices.path("output").isNumber()) {
            return Optional.empty();
        }
        return Optional.of(new Scorecard.TokenPrices(prices.path("input").asDouble(), prices.path("output").asDouble()));
    }
}
