package io.tuneforge.simulator.api;

import io.tuneforge.simulator.SimulatorConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses JSON bodies larger than {@code limits.max-request-bytes} before they are read: a chat request is
 * parsed into a tree in the heap, and the HTTP layer's own limit is sized for 512 MB multipart files
 * (which are spooled to disk, never parsed in memory). Answered as OpenAI answers an oversized body.
 */
@ApplicationScoped
public class RequestSizeGate {

    private final SimulatorConfig config;

    public RequestSizeGate(SimulatorConfig config) {
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().order(-250).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        String type = rc.request().getHeader("content-type");
        String length = rc.request().getHeader("content-length");
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        long limit = config.limits().maxRequestBytes();
        if (!multipart && length != null && parse(length) > limit) {
            rc.response().setStatusCode(413).putHeader("content-type", "application/json")
                    .putHeader("connection", "close")
                    .end("{\"error\":{\"message\":\"Request too large: the body is " + length + " bytes, more than the " + limit
                            + " bytes allowed for a JSON request.\",\"type\":\"invalid_request_error\",\"param\":null,"
                            + "\"code\":\"request_too_large\"}}");
            return;
        }
        rc.next();
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
