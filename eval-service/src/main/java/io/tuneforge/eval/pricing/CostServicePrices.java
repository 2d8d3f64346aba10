package io.tuneforge.eval.pricing;

import io.tuneforge.eval.clients.SiblingRefused;
import io.tuneforge.eval.clients.SiblingUnavailable;
import io.tuneforge.eval.metrics.Scorecard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import io.quarkus.restclient.config.RestClientsConfig;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Prices from cost-service's catalog: fine-tuned prices for fine-tuned models (OpenAI's {@code ft:} ids and Azure's
 * {@code <base>.ft-<id>} names, {@link PricedModel}), base prices otherwise.
 * Without {@code quarkus.rest-client.cost-service.url}, or when cost-service does not answer, every price
 * is unknown: a report must not wait on pricing. A failing cost-service opens the circuit breaker, so a
 * report assembled meanwhile does not wait out the timeouts again.
 */
@ApplicationScoped
public class CostServicePrices implements PriceCatalog {

    private static final Logger LOG = Logger.getLogger(CostServicePrices.class);

    /** The REST client's own configuration says whether cost-service is configured at all. */
    @Inject
    RestClientsConfig restClients;

    @Inject
    Lookup lookup;

    @Override
    public Optional<Scorecard.TokenPrices> pricesOf(String tenantId, String model) {
        if (restClients.getClient(CostCatalogClient.class).url().filter(url -> !url.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        PricedModel priced = PricedModel.of(model);
        try {
            return pricesOf(lookup.model(tenantId, priced.catalogModel()), priced.fineTuned());
        } catch (SiblingRefused e) {
            LOG.debugf("cost-service has no catalog entry for %s: %s", model, e.getMessage());
        } catch (SiblingUnavailable | ProcessingException | TimeoutException | CircuitBreakerOpenException e) {
            LOG.warnf("cost-service catalog unavailable for %s, its cost is shown as unknown: %s", model, e.toString());
        }
        return Optional.empty();
    }

    /** The input and output price of the model's kind; empty when either is unknown. */
    static Optional<Scorecard.TokenPrices> pricesOf(CostCatalogClient.CatalogModel catalog, boolean fineTuned) {
        if (catalog == null || catalog.price() == null) {
            return Optional.empty();
        }
        CostCatalogClient.InferencePrice prices = fineTuned ? catalog.price().fineTuned() : catalog.price().base();
        if (prices == null || prices.input() == null || prices.output() == null) {
            return Optional.empty();
        }
        return Optional.of(new Scorecard.TokenPrices(prices.input().doubleValue(), prices.output().doubleValue()));
    }

    /** The guarded call: bounded retries of what may pass (5xx, timeouts, refused connections), never of a 4xx. */
    @ApplicationScoped
    static class Lookup {

        @Inject
        @RestClient
        CostCatalogClient client;

        @Timeout(value = 5, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = SiblingRefused.class)
        @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
                skipOn = SiblingRefused.class)
        CostCatalogClient.CatalogModel model(String tenantId, String model) {
            return client.model(tenantId, model);
        }
    }
}
