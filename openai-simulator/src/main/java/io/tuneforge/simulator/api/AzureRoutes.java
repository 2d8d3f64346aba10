package io.tuneforge.simulator.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the Azure OpenAI shape by rerouting it onto the OpenAI routes: `/openai/deployments/{name}/...`
 * and `/openai/{operation}` (legacy, `api-version` required) and `/openai/v1/{operation}` (unified).
 * The deployment name is the model, as if every model were deployed under its own name.
 */
@ApplicationScoped
public class AzureRoutes {

    public static final String DEPLOYMENT_HEADER = "x-simulator-azure-deployment";
    private static final Pattern DEPLOYMENT = Pattern.compile("^/openai/deployments/([^/]+)(/.*)$");

    void register(@Observes Router router) {
        router.route().order(-300).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        String path = rc.request().path();
        if (!path.startsWith("/openai/")) {
            rc.next();
            return;
        }
        String query = rc.request().query();
        String target;
        if (path.startsWith("/openai/v1/")) {
            target = path.substring("/openai".length());
        } else {
            if (rc.request().getParam("api-version") == null) {
                rc.response().setStatusCode(404).putHeader("content-type", "application/json")
                        .end("{\"error\":{\"code\":\"404\",\"message\":\"Resource not found: the api-version query parameter "
                                + "(?api-version=) is required for all requests.\",\"type\":\"invalid_request_error\",\"param\":\"api-version\"}}");
                return;
            }
            Matcher m = DEPLOYMENT.matcher(path);
            if (m.matches()) {
                rc.request().headers().set(DEPLOYMENT_HEADER, m.group(1));
                target = "/v1" + m.group(2);
            } else {
                target = "/v1" + path.substring("/openai".length());
            }
        }
        rc.put("azure", true);
        rc.reroute(query == null ? target : target + "?" + query);
    }
}
