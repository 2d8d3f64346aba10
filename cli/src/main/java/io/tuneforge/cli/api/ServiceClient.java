package io.tuneforge.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * JSON over HTTP to one tuneforge service, with its API key. Errors become {@link ServiceCallException}
 * (the service answered) or {@link ConnectionFailure} (nothing answered), which map to exit codes.
 */
public final class ServiceClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Uploads are validated while they stream in; a large file takes a while. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final Endpoint endpoint;
    private final HttpClient http;

    public ServiceClient(Endpoint endpoint) {
        this.endpoint = endpoint;
        // HTTP/1.1: no h2c upgrade dance in front of streamed uploads.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public JsonNode get(String path) {
        return json(send(request(path).GET().build()));
    }

    /** A text resource (e.g. a Markdown report) as it is. */
    public String getText(String path, String mediaType) {
        return send(request(path).setHeader("Accept", mediaType + ", application/problem+json").GET().build()).body();
    }

    public JsonNode postJson(String path, Object body) {
        return json(send(request(path).header("Content-Type", "application/json").POST(jsonBody(body)).build()));
    }

    /** With extra headers, e.g. an {@code Idempotency-Key} that makes a retried create safe. */
    public JsonNode postJson(String path, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json").POST(jsonBody(body));
        headers.forEach(request::header);
        return json(send(request.build()));
    }

    public JsonNode putJson(String path, Object body) {
        return json(send(request(path).header("Content-Type", "application/json").PUT(jsonBody(body)).build()));
    }

    public JsonNode patchJson(String path, Object body) {
        return json(send(request(path).header("Content-Type", "application/json").method("PATCH", jsonBody(body)).build()));
    }

    public JsonNode delete(String path) {
        return json(send(request(path).DELETE().build()));
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("request body does not serialize: " + e.getMessage(), e);
        }
    }

    public JsonNode postJsonl(String path, String body) {
        return json(send(request(path).header("Content-Type", "application/jsonl")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build()));
    }

    /** Streams the file: datasets may be far larger than this JVM's heap. */
    public JsonNode postJsonlFile(String path, Path file) {
        try {
            return json(send(request(path).header("Content-Type", "application/jsonl")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build()));
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Counts the non-blank lines of a JSONL stream without holding it in memory. */
    public long countLines(String path) {
        HttpRequest request = request(path).setHeader("Accept", "application/jsonl, application/problem+json").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 300) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw problem(request, response.statusCode(), body);
            }
            long count = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        count++;
                    }
                }
            }
            return count;
        } catch (IOException e) {
            throw new ConnectionFailure(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailure(request.uri().toString(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + endpoint.apiKey())
                .header("Accept", "application/json, application/problem+json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 300) {
                throw problem(request, response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            throw new ConnectionFailure(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailure(request.uri().toString(), e);
        }
    }

    private static ServiceCallException problem(HttpRequest request, int status, String body) {
        String title = "HTTP " + status;
        String detail = body == null ? "" : body.strip();
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.isObject()) {
                title = problem.path("title").asText(title);
                StringBuilder text = new StringBuilder(problem.path("detail").asText(""));
                // Field errors say which input was wrong and how to fix it: the part a user needs most.
                for (JsonNode error : problem.path("errors")) {
                    text.append(text.length() == 0 ? "" : "\n  ").append(error.path("field").asText("?")).append(": ")
                            .append(error.path("message").asText(error.toString()));
                }
                detail = text.toString();
            }
        } catch (IOException e) {
            // Not problem+json (a proxy, a 404 page): the raw body is the best detail we have.
        }
        if (status == 401) {
            detail = (detail.isEmpty() ? "" : detail + "\n  ") + "check the API key (--api-key, TUNEFORGE_API_KEY or .tuneforge/api-key)";
        }
        return new ServiceCallException(status, title, detail, request.method() + " " + request.uri());
    }

    private static JsonNode json(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ServiceCallException(response.statusCode(), "Unreadable response", "not JSON: "
                    + body.substring(0, Math.min(200, body.length())), response.request().method() + " " + response.uri());
        }
    }
}
