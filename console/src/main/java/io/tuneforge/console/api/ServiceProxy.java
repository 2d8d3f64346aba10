package io.tuneforge.console.api;

import io.tuneforge.console.ConsoleConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Same-origin access to the services for the browser: {@code /proxy/{service}/api/v1/...} is forwarded to that
 * service with the caller's {@code Authorization} header, so the services need no CORS and the console holds no
 * credentials of its own (the user's API key lives in their browser). Only the public API paths
 * ({@code api/v1/...}, and the gateway's {@code v1/...}) are reachable; every call has a connect and a request
 * timeout and is never retried (a POST may not be idempotent).
 */
@Path("/proxy/{service}")
public class ServiceProxy {

    private static final Set<String> FORWARDED_REQUEST_HEADERS = Set.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT);

    @Inject
    ConsoleConfig config;

    private volatile HttpClient client;

    @GET
    @Path("/{path: .+}")
    public Response get(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
                        @Context HttpHeaders headers) {
        return forward("GET", service, path, uri, headers, null);
    }

    @POST
    @Path("/{path: .+}")
    public Response post(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
                         @Context HttpHeaders headers, InputStream body) {
        return forward("POST", service, path, uri, headers, body);
    }

    @PUT
    @Path("/{path: .+}")
    public Response put(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
                        @Context HttpHeaders headers, InputStream body) {
        return forward("PUT", service, path, uri, headers, body);
    }

    @PATCH
    @Path("/{path: .+}")
    public Response patch(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
                          @Context HttpHeaders headers, InputStream body) {
        return forward("PATCH", service, path, uri, headers, body);
    }

    @DELETE
    @Path("/{path: .+}")
    public Response delete(@PathParam("service") String service, @PathParam("path") String path, @Context UriInfo uri,
                           @Context HttpHeaders headers) {
        return forward("DELETE", service, path, uri, headers, null);
    }

    private Response forward(String method, String service, String path, UriInfo uri, HttpHeaders headers, InputStream body) {
        Optional<String> base = config.services().getOrDefault(service, Optional.empty());
        if (base.isEmpty()) {
            return problem(404, "Unknown service", "The console is not connected to a service called '" + service
                    + "'; connected: " + connected() + ". Set tuneforge.console.services." + service + " (or its environment"
                    + " variable) to the service's base URL.");
        }
        if (!(path.startsWith("api/v1/") || "gateway".equals(service) && path.startsWith("v1/"))) {
            return problem(404, "Not a public API path", "Only /api/v1/... paths (and the gateway's /v1/...) are forwarded, not '/"
                    + path + "'.");
        }
        String query = uri.getRequestUri().getRawQuery();
        URI target = URI.create(stripSlash(base.get()) + "/" + path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.requestTimeout())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofInputStream(() -> body));
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        try {
            HttpResponse<InputStream> response = client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            Response.ResponseBuilder out = Response.status(response.statusCode()).entity(response.body());
            response.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> out.header(HttpHeaders.CONTENT_TYPE, type));
            return out.build();
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return problem(502, "Service unreachable", service + " does not answer at " + base.get() + " (" + e.getClass().getSimpleName()
                    + "). Is it running? `tuneforge status` lists the local stack.");
        } catch (HttpTimeoutException e) {
            return problem(504, "Service too slow", service + " did not answer " + method + " /" + path + " within "
                    + config.requestTimeout().toSeconds() + " s.");
        } catch (IOException e) {
            return problem(502, "Service call failed", method + " /" + path + " on " + service + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(503, "Console shutting down", "The call was interrupted.");
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                c = client;
            }
        }
        return c;
    }

    private String connected() {
        return config.services().entrySet().stream().filter(e -> e.getValue().isPresent()).map(Map.Entry::getKey).sorted().toList()
                .toString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The same problem+json shape the services answer with, so the console shows every error one way. */
    static Response problem(int status, String title, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail)).build();
    }
}
