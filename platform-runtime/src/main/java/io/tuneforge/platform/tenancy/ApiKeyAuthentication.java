package io.tuneforge.platform.tenancy;

import io.tuneforge.platform.problem.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Every call under {@code /api/} must carry {@code Authorization: Bearer <api key>}; the key decides
 * the tenant. Health, metrics and OpenAPI under {@code /q/} stay open for probes and tooling.
 */
public class ApiKeyAuthentication {

    private static final String BEARER = "Bearer ";

    @Inject
    ApiKeyRegistry keys;

    @Inject
    CurrentTenant currentTenant;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Optional.of(unauthorized("This endpoint needs an API key: send 'Authorization: Bearer <key>'."));
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(unauthorized("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <key>'."));
        }
        String key = header.substring(BEARER.length()).trim();
        Optional<String> tenant = keys.tenantOf(key);
        if (tenant.isEmpty() && keys.serviceOf(key).isPresent()) {
            String actingFor = request.getHeaderString(ServiceCredentials.TENANT_HEADER);
            if (!ApiKeyRegistry.isValidTenantId(actingFor)) {
                return Optional.of(unauthorized("A service key must name the tenant it acts for in the "
                        + ServiceCredentials.TENANT_HEADER + " header."));
            }
            tenant = Optional.of(actingFor);
        }
        if (tenant.isEmpty()) {
            return Optional.of(unauthorized("The API key is not valid. Check for typos, or ask your tuneforge admin for a key."));
        }
        currentTenant.set(tenant.get());
        return Optional.empty();
    }

    private static Response unauthorized(String detail) {
        return Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", "Missing or invalid API key", detail)
                .toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tuneforge\"")
                .build();
    }
}
