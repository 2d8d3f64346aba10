package io.tuneforge.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.testsupport.SiblingServices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;

/** What the gateway tests do the same way: aliases, rollouts, calls through /v1, simulator faults. */
public final class GatewayFixtures {

    public static final String STABLE = "gpt-4o-mini";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayFixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse putAlias(String key, String name, Map<String, Object> body) {
        return given().header("Authorization", bearer(key)).contentType("application/json").body(body)
                .when().put("/api/v1/aliases/" + name).then();
    }

    public static ValidatableResponse startRollout(String key, Map<String, Object> body) {
        return given().header("Authorization", bearer(key)).contentType("application/json").body(body)
                .when().post("/api/v1/rollouts").then();
    }

    public static ValidatableResponse rollout(String key, String id) {
        return given().header("Authorization", bearer(key)).when().get("/api/v1/rollouts/" + id).then().statusCode(200);
    }

    /** Sets the simulator's per-model chat faults (replacing earlier ones); an empty map clears them. */
    public static void modelFaults(Map<String, Map<String, Object>> models) {
        given().baseUri(SiblingServices.baseUrl("openai-simulator")).contentType("application/json")
                .body(Map.of("models", models)).when().put("/admin/faults").then().statusCode(200);
    }

    /** One served call as the caller saw it. */
    public record Served(int status, String arm, String model, String rollout, JsonNode body) {
    }

    /** One chat call through the gateway (a real HTTP client, as an application would call it). */
    public static Served call(String key, String model, String user) {
        return callAt(gateway(), key, model, user);
    }

    public static String gateway() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** Calls the alias from a few threads until {@link #stop()}; every answer is kept. */
    public static final class Traffic implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Served> served = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService pool;
        private final List<Future<?>> workers = new ArrayList<>();

        public Traffic(String key, String alias, int threads) {
            this(key, alias, threads, gateway());
        }

        public Traffic(String key, String alias, int threads, String... gateways) {
            pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                String target = gateways[t % gateways.length];
                workers.add(pool.submit(() -> {
                    while (running.get()) {
                        served.add(callAt(target, key, alias, null));
                    }
                }));
            }
        }

        public List<Served> served() {
            synchronized (served) {
                return List.copyOf(served);
            }
        }

        public void stop() {
            running.set(false);
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (Exception e) {
                    throw new IllegalStateException("traffic worker failed", e);
                }
            }
            pool.shutdown();
        }

        @Override
        public void close() {
            if (running.get()) {
                stop();
            }
        }
    }

    public static Served callAt(String base, String key, String model, String user) {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is my parcel?\"}]"
                + (user == null ? "" : ",\"user\":\"" + user + "\"") + "}";
        return send(base, key, body);
    }

    /** One chat call through the gateway with this request body (a JSON object), answered as a whole. */
    public static Served chat(String key, Map<String, Object> body) {
        try {
            return send(gateway(), key, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Served send(String base, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Served(response.statusCode(), response.headers().firstValue("x-tuneforge-arm").orElse(null),
                    response.headers().firstValue("x-tuneforge-model").orElse(null),
                    response.headers().firstValue("x-tuneforge-rollout").orElse(null), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("gateway call to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
