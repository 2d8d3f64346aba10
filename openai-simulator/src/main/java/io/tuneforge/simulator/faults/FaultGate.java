package io.tuneforge.simulator.faults;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Applies injected faults in front of the API (never in front of /admin, so faults can always be
 * turned off again). Runs on the event loop: a slow response waits on a timer, not a thread.
 */
@ApplicationScoped
public class FaultGate {

    static final int ORDER = -100;

    private final FaultPlan plan;
    private final Vertx vertx;

    public FaultGate(FaultPlan plan, Vertx vertx) {
        this.plan = plan;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        String path = rc.request().path();
        if (rc.get("fault-checked") != null || !(path.startsWith("/v1/") || path.startsWith("/openai/"))) {
            rc.next();
            return;
        }
        rc.put("fault-checked", true);
        plan.forRequest(rc.request().method().name(), path).ifPresentOrElse(fault -> {
            switch (fault.kind()) {
                case DROP -> rc.request().connection().close();
                case ERROR -> fail(rc, 500, "The server had an error while processing your request. Sorry about that!", "server_error");
                case UNAVAILABLE -> fail(rc, 503, "The server is overloaded or not ready yet.", "service_unavailable");
                case SLOW -> vertx.setTimer(Math.max(1, fault.delayMillis()), id -> rc.next());
                case LOST -> {
                    // The request runs to the end (job created, file stored, tokens counted); its answer never leaves.
                    rc.put(LostAnswers.MARK, true);
                    rc.next();
                }
            }
        }, rc::next);
    }

    private static void fail(RoutingContext rc, int status, String message, String type) {
        rc.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":null}}");
    }
}
