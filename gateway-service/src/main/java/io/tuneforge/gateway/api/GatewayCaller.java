package io.tuneforge.gateway.api;

import io.tuneforge.platform.tenancy.ApiKeyRegistry;
import io.tuneforge.platform.tenancy.ServiceCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Optional;

/**
 * Who calls /v1 (outside /api, so platform-runtime's filter does not run there): the same tenant API keys,
 * as {@code Authorization: Bearer <key>} just like an OpenAI key, or a service key with
 * {@code X-Tuneforge-Tenant}. Refusals are in OpenAI's error shape, which is what an OpenAI SDK reads.
 */
@ApplicationScoped
public class GatewayCaller {

    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeyRegistry keys;

    public String tenant(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("You didn't provide an API key. Send your tuneforge API key as 'Authorization: Bearer <key>' "
                    + "(with an OpenAI SDK: api_key=<key>, base_url=<gateway>/v1).");
        }
        String key = header.substring(BEARER.length()).trim();
        Optional<String> tenant = keys.tenantOf(key);
        if (tenant.isEmpty() && keys.serviceOf(key).isPresent()) {
            String actingFor = headers.getHeaderString(ServiceCredentials.TENANT_HEADER);
            if (ApiKeyRegistry.isValidTenantId(actingFor)) {
                tenant = Optional.of(actingFor);
            } else {
                throw unauthorized("A service key must name the tenant it acts for in the " + ServiceCredentials.TENANT_HEADER + " header.");
            }
        }
        return tenant.orElseThrow(() -> unauthorized("Incorrect API key provided. Use a tuneforge API key of your tenant."));
    }

    private static OpenAiError unauthorized(String message) {
        return new OpenAiError(401, "invalid_request_error", null, "invalid_api_key", message);
    }
}
