package io.tuneforge.gateway.api;

import io.tuneforge.gateway.provider.OpenAiErrors;
import io.tuneforge.platform.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything under {@code /v1} answers as OpenAI does, whatever answered it: every response carries an
 * {@code x-request-id} (the provider's when it sent one, else the gateway's own {@code req_...}), and every error is
 * {@code {"error": {"message", "type", "param", "code"}}}: problem+json from the shared mappers (unknown path, wrong
 * method, unreadable body) is rewritten here; a routing failure under /v1 and a path nothing serves are answered by
 * the router hooks below. (A body over {@code quarkus.http.limits.max-body-size} is still refused by Vert.x itself,
 * with an empty 413.)
 */
@ApplicationScoped
public class OpenAiShape {

    static final String REQUEST_ID = "x-request-id";

    static boolean isV1(String path) {
        return path != null && (path.equals("/v1") || path.startsWith("/v1/"));
    }

    static String newRequestId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isV1(request.getUriInfo().getPath())) {
            return;
        }
        if (!response.getHeaders().containsKey(REQUEST_ID)) {
            response.getHeaders().putSingle(REQUEST_ID, newRequestId());
        }
        if (response.getEntity() instanceof Problem problem) {
            response.setEntity(body(problem.status(), problem.status() == 404 || problem.status() == 405
                    ? "Invalid URL (" + request.getMethod() + " " + request.getUriInfo().getPath() + ")"
                    : problem.detail() == null ? problem.title() : problem.detail()), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /** Routing failures under /v1, and paths under /v1 no resource claims. */
    void routes(@Observes Router router) {
        router.route("/v1/*").order(Integer.MIN_VALUE).failureHandler(this::failure);
        // Reached only when nothing else served the path (RESTEasy hands unmatched requests on).
        router.route("/v1/*").order(Integer.MAX_VALUE).handler(rc -> {
            rc.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                    .putHeader(REQUEST_ID, newRequestId())
                    .end(body(404, "Invalid URL (" + rc.request().method() + " " + rc.request().path() + ")"));
        });
    }

    void failure(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        int status = rc.statusCode() > 0 ? rc.statusCode() : 500;
        String message = status == 413 ? "The request body is larger than the gateway accepts; send a smaller request."
                : status == 404 || status == 405 ? "Invalid URL (" + rc.request().method() + " " + rc.request().path() + ")"
                : "The gateway could not handle this request.";
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .putHeader(REQUEST_ID, newRequestId()).end(body(status, message));
    }

    static String body(int status, String message) {
        String type = status >= 500 ? "server_error" : status == 429 ? "requests" : "invalid_request_error";
        String code = switch (status) {
            case 401 -> "invalid_api_key";
            case 404, 405 -> "unknown_url";
            case 413 -> "request_too_large";
            default -> null;
        };
        return OpenAiErrors.body(type, null, code, message);
    }
}
