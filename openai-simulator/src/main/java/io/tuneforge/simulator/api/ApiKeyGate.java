package io.tuneforge.simulator.api;

import io.tuneforge.simulator.SimulatorConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses API calls without a key, like OpenAI (Bearer token) and Azure (api-key header). Any non-empty
 * key is accepted: the simulator authenticates nobody, but a client that forgets its key must notice here.
 */
@ApplicationScoped
public class ApiKeyGate {

    private final SimulatorConfig config;

    public ApiKeyGate(SimulatorConfig config) {
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().order(-200).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        if (!config.requireApiKey() || !rc.request().path().startsWith("/v1/")) {
            rc.next();
            return;
        }
        String bearer = rc.request().getHeader("Authorization");
        String azureKey = rc.request().getHeader("api-key");
        boolean hasBearer = bearer != null && bearer.startsWith("Bearer ") && !bearer.substring(7).isBlank();
        if (hasBearer || (azureKey != null && !azureKey.isBlank())) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(401).putHeader("content-type", "application/json")
                .end("{\"error\":{\"message\":\"You didn't provide an API key. You need to provide your API key in an Authorization "
                        + "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the api-key header for Azure.\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
    }
}
