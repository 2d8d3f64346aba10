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
 * A deployment name is resolved by {@link io.tuneforge.simulator.azure.AzureDeployments#modelFor}: a deployment made on the
 * management plane, or in OpenAI mode the model itself.
 */
@ApplicationScoped
public class AzureRoutes {

    public static final String DEPLOYMENT_HEADER = "x-simulator-azure-deployment";
    /** Set on unified-path calls (/openai/v1/...), whose body names the deployment as its model. */
    public static final String UNIFIED_HEADER = "x-simulator-azure-unified";
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
        rc.request().headers().remove(DEPLOYMENT_HEADER).remove(UNIFIED_HEADER);
        if (path.startsWith("/openai/v1/")) {
            rc.request().headers().set(UNIFIED_HEADER, "true");
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
