package io.tuneforge.simulator.api;

import io.tuneforge.simulator.storage.Identifiers;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every response carries {@code x-request-id}, as OpenAI's do (the SDKs expose it as {@code _request_id}),
 * errors and injected faults included; it is set first, before any other handler can answer.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "x-request-id";

    void register(@Observes Router router) {
        router.route().order(-1000).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        if (rc.get(HEADER) == null) {
            String id = "req_" + Identifiers.random(32);
            rc.put(HEADER, id);
            rc.response().putHeader(HEADER, id);
        }
        rc.next();
    }
}
