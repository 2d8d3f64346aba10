package io.tuneforge.eval.pricing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tuneforge.eval.clients.ServiceKeyHeaders;
import io.tuneforge.eval.clients.SiblingRefused;
import io.tuneforge.eval.clients.SiblingUnavailable;
import io.tuneforge.platform.tenancy.ServiceCredentials;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

import java.math.BigDecimal;

/**
 * cost-service's catalog ({@code GET /api/v1/catalog/models/{model}}), the part eval-service reads.
 * Prices are USD per 1M tokens, sent as decimal strings ({@code "0.15"}); Jackson reads a string or a
 * number into {@link BigDecimal}, and null stays null (unknown, never zero).
 * Base URL: {@code quarkus.rest-client.cost-service.url}.
 */
@RegisterRestClient(configKey = "cost-service")
@RegisterClientHeaders(ServiceKeyHeaders.class)
@Path("/api/v1/catalog/models")
@Produces(MediaType.APPLICATION_JSON)
public interface CostCatalogClient {

    @GET
    @Path("/{model}")
    CatalogModel model(@HeaderParam(ServiceCredentials.TENANT_HEADER) String tenantId, @PathParam("model") String model);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 500 || status == 429) {
            return new SiblingUnavailable("cost-service answered " + status);
        }
        return status >= 400 ? new SiblingRefused(status, "cost-service answered " + status) : null;
    }

    /** {@code price}: the version in force now, null when the catalog has none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogModel(String model, Price price) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Price(InferencePrice base, @JsonProperty("fine_tuned") InferencePrice fineTuned) {
    }

    /** USD per 1M tokens; null = unknown. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InferencePrice(BigDecimal input, @JsonProperty("cached_input") BigDecimal cachedInput, BigDecimal output) {
    }
}
