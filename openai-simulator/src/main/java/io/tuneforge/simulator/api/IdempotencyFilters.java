package io.tuneforge.simulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.simulator.limits.IdempotencyKeys;
import io.tuneforge.simulator.limits.RememberedResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Honours Idempotency-Key on every POST: a repeat gets the stored response and `Idempotent-Replayed: true`. */
public class IdempotencyFilters {

    private static final String HEADER = "Idempotency-Key";
    private static final String SCOPE = "tuneforge.idempotency.scope";

    private final IdempotencyKeys keys;
    private final CallerOrganization organization;
    private final ObjectMapper json;

    public IdempotencyFilters(IdempotencyKeys keys, CallerOrganization organization, ObjectMapper json) {
        this.keys = keys;
        this.organization = organization;
        this.json = json;
    }

    @ServerRequestFilter
    public Optional<Response> replay(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (!"POST".equals(request.getMethod()) || key == null || key.isBlank()) {
            return Optional.empty();
        }
        String scope = IdempotencyKeys.scope(organization.ofHeader(request.getHeaderString("OpenAI-Organization")),
                request.getUriInfo().getPath(), key);
        Optional<RememberedResponse> remembered = keys.find(scope);
        if (remembered.isPresent()) {
            RememberedResponse r = remembered.get();
            return Optional.of(Response.status(r.status()).type(r.contentType()).entity(r.body())
                    .header("Idempotent-Replayed", "true").build());
        }
        request.setProperty(SCOPE, scope);
        return Optional.empty();
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        Object scope = request.getProperty(SCOPE);
        if (scope == null || response.getStatus() < 200 || response.getStatus() >= 300 || response.getEntity() == null
                || response.getEntity() instanceof StreamingOutput) {
            return;
        }
        try {
            Object entity = response.getEntity();
            String body = entity instanceof String s ? s : json.writeValueAsString(entity);
            keys.remember(new RememberedResponse(scope.toString(), response.getStatus(), MediaType.APPLICATION_JSON, body,
                    System.currentTimeMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
