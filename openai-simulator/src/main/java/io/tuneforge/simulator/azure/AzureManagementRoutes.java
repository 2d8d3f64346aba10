package io.tuneforge.simulator.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.simulator.SimulatorConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Azure's management plane for deployments, as ARM serves it at https://management.azure.com, under
 * {@code azure.management-path}: PUT / GET / DELETE
 * {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/{account}/deployments/{name}}
 * and GET of the collection, each with {@code api-version} and an Entra bearer token; and the Entra token
 * endpoint {@code {azure.login-path}/{tenant}/oauth2/v2.0/token} (client credentials). ARM's JSON is
 * camelCase, unlike OpenAI's, so bodies are built as trees here rather than by the snake_case mapper.
 */
@ApplicationScoped
public class AzureManagementRoutes {

    private static final String ACCOUNT = "/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.CognitiveServices/accounts/:account";

    private final SimulatorConfig config;
    private final AzureDeployments deployments;
    private final EntraTokens tokens;
    private final ObjectMapper json = new ObjectMapper();

    public AzureManagementRoutes(SimulatorConfig config, AzureDeployments deployments, EntraTokens tokens) {
        this.config = config;
        this.deployments = deployments;
        this.tokens = tokens;
    }

    void register(@Observes Router router) {
        String arm = config.azure().managementPath();
        // Read the (small) bodies before the handlers run; the body cap is the JSON request limit.
        router.route(arm + "/*").order(-50).handler(BodyHandler.create().setBodyLimit(config.limits().maxRequestBytes()));
        router.route(config.azure().loginPath() + "/*").order(-50).handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route(HttpMethod.GET, arm + ACCOUNT + "/deployments").handler(rc -> arm(rc, this::list));
        router.route(arm + ACCOUNT + "/deployments/:name").handler(rc -> arm(rc, this::deployment));
        router.route(HttpMethod.POST, config.azure().loginPath() + "/:tenant/oauth2/v2.0/token").handler(this::token);
    }

    /** Checks what ARM checks before any operation: the api-version, then the bearer token. */
    private void arm(RoutingContext rc, java.util.function.Consumer<RoutingContext> operation) {
        String version = rc.request().getParam("api-version");
        if (version == null || version.isBlank()) {
            error(rc, 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
            return;
        }
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            rc.response().putHeader("WWW-Authenticate", "Bearer authorization_uri=\"" + config.azure().loginPath() + "\"");
            error(rc, 401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
            return;
        }
        if (!authorization.startsWith("Bearer ") || !tokens.valid(authorization.substring(7).trim())) {
            rc.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            error(rc, 401, "InvalidAuthenticationToken", "The access token is invalid or has expired.");
            return;
        }
        operation.accept(rc);
    }

    private void list(RoutingContext rc) {
        ObjectNode body = json.createObjectNode();
        ArrayNode value = body.putArray("value");
        deployments.list(rc.pathParam("sub"), rc.pathParam("rg"), rc.pathParam("account")).forEach(d -> value.add(view(d)));
        send(rc, 200, body);
    }

    private void deployment(RoutingContext rc) {
        String sub = rc.pathParam("sub");
        String rg = rc.pathParam("rg");
        String account = rc.pathParam("account");
        String name = rc.pathParam("name");
        switch (rc.request().method().name()) {
            case "GET" -> deployments.get(sub, rg, account, name).ifPresentOrElse(d -> send(rc, 200, view(d)),
                    () -> error(rc, 404, "DeploymentNotFound", "Deployment '" + name + "' of account '" + account
                            + "' under resource group '" + rg + "' was not found."));
            case "DELETE" -> {
                // ARM: 200 when deleted, 204 when there was nothing to delete.
                boolean deleted = deployments.delete(sub, rg, account, name);
                rc.response().setStatusCode(deleted ? 200 : 204).end();
            }
            case "PUT" -> put(rc, sub, rg, account, name, rc.body().asString() == null ? "" : rc.body().asString());
            default -> error(rc, 405, "MethodNotAllowed", "The requested method " + rc.request().method() + " is not allowed.");
        }
    }

    private void put(RoutingContext rc, String sub, String rg, String account, String name, String text) {
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (Exception e) {
            error(rc, 400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");
            return;
        }
        if (body == null || !body.isObject()) {
            error(rc, 400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");
            return;
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,63}")) {
            error(rc, 400, "InvalidResourceName", "Deployment name '" + name + "' is invalid: 2 to 64 letters, digits, '.', '_' or '-'.");
            return;
        }
        JsonNode sku = body.path("sku");
        JsonNode model = body.path("properties").path("model");
        String skuName = sku.path("name").asText("");
        if (skuName.isBlank()) {
            error(rc, 400, "InvalidResourceProperties", "The 'sku.name' property is required (e.g. Standard, GlobalStandard, developertier).");
            return;
        }
        int capacity = sku.path("capacity").asInt(1);
        if (capacity < 1) {
            error(rc, 400, "InvalidCapacity", "The 'sku.capacity' property must be at least 1.");
            return;
        }
        String format = model.path("format").asText("");
        String modelName = model.path("name").asText("");
        if (!format.equals("OpenAI") || modelName.isBlank()) {
            error(rc, 400, "InvalidResourceProperties", "The 'properties.model' property needs format 'OpenAI' and the model's name.");
            return;
        }
        boolean existed = deployments.get(sub, rg, account, name).isPresent();
        Deployment d = deployments.put(sub, rg, account, name, skuName, capacity, format, modelName, model.path("version").asText("1"));
        rc.response().putHeader("Azure-AsyncOperation", rc.request().absoluteURI());
        send(rc, existed ? 200 : 201, view(d));
    }

    /** Client credentials only, with the management scope; any non-empty client id and secret. */
    private void token(RoutingContext rc) {
        {
            Map<String, String> form = form(rc.body().asString() == null ? "" : rc.body().asString());
            ObjectNode body = json.createObjectNode();
            if (!"client_credentials".equals(form.get("grant_type"))) {
                oauthError(rc, 400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type '"
                        + form.getOrDefault("grant_type", "") + "'; the simulator issues tokens for client_credentials.");
                return;
            }
            if (blank(form.get("client_id")) || blank(form.get("client_secret"))) {
                oauthError(rc, 401, "invalid_client", "AADSTS7000216: 'client_id' and 'client_secret' are required for client_credentials.");
                return;
            }
            if (!EntraTokens.MANAGEMENT_SCOPE.equals(form.get("scope"))) {
                oauthError(rc, 400, "invalid_scope", "AADSTS70011: The provided value for the input parameter 'scope' is not valid; "
                        + "the simulator issues tokens for " + EntraTokens.MANAGEMENT_SCOPE + ".");
                return;
            }
            body.put("token_type", "Bearer");
            body.put("expires_in", tokens.lifetimeSeconds());
            body.put("ext_expires_in", tokens.lifetimeSeconds());
            body.put("access_token", tokens.issue());
            send(rc, 200, body);
        }
    }

    private ObjectNode view(Deployment d) {
        ObjectNode view = json.createObjectNode();
        view.put("id", d.resourceId());
        view.put("type", "Microsoft.CognitiveServices/accounts/deployments");
        view.put("name", d.name());
        ObjectNode sku = view.putObject("sku");
        sku.put("name", d.skuName());
        sku.put("capacity", d.capacity());
        ObjectNode properties = view.putObject("properties");
        ObjectNode model = properties.putObject("model");
        model.put("format", d.modelFormat());
        model.put("name", d.modelName());
        model.put("version", d.modelVersion());
        properties.put("provisioningState", d.provisioningState());
        ObjectNode system = view.putObject("systemData");
        system.put("createdAt", Instant.ofEpochMilli(d.createdAt()).toString());
        system.put("lastModifiedAt", Instant.ofEpochMilli(d.modifiedAt()).toString());
        return view;
    }

    private void error(RoutingContext rc, int status, String code, String message) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        send(rc, status, body);
    }

    private void oauthError(RoutingContext rc, int status, String error, String description) {
        ObjectNode body = json.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        send(rc, status, body);
    }

    private static void send(RoutingContext rc, int status, JsonNode body) {
        rc.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8").end(body.toString());
    }

    private static Map<String, String> form(String text) {
        Map<String, String> form = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static boolean blank(String s) {
        return Optional.ofNullable(s).map(String::isBlank).orElse(true);
    }
}
