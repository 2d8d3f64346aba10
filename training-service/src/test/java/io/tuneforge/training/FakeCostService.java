package io.tuneforge.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * cost-service's reservation endpoint as the contract describes it, in a tiny HTTP server: per tenant
 * it answers "reserved", "held" or 503 ({@code POST /control/mode?tenant=&mode=}), and lists what it
 * was asked ({@code GET /control/requests}). Tests talk to it over HTTP: it lives outside Quarkus.
 */
public class FakeCostService implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, String> modes = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> requests = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/budgets/reservations", this::reserve);
        server.createContext("/control/mode", exchange -> {
            Map<String, String> q = query(exchange.getRequestURI());
            modes.put(q.get("tenant"), q.get("mode"));
            answer(exchange, 204, null);
        });
        server.createContext("/control/requests", exchange -> {
            synchronized (requests) {
                answer(exchange, 200, JSON.writeValueAsString(requests));
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("tuneforge.training.cost.url", url, "tuneforge.training.cost.backoff", "200ms",
                "tuneforge.training.cost.recheck-interval", "10m");
    }

    private void reserve(HttpExchange exchange) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
        String tenant = exchange.getRequestHeaders().getFirst("X-Tuneforge-Tenant");
        Map<String, Object> seen = new LinkedHashMap<>(body);
        seen.put("tenant", tenant);
        seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        String mode = modes.getOrDefault(tenant, "reserved");
        seen.put("mode", mode);
        synchronized (requests) {
            requests.add(seen);
        }
        if ("error".equals(mode)) {
            answer(exchange, 503, "{\"title\":\"cost-service is restarting\"}");
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reservation_id", "res_" + body.get("job_id"));
        answer.put("job_id", body.get("job_id"));
        answer.put("decision", mode);
        answer.put("reason", "held".equals(mode) ? "monthly budget bud_fake has 1.00 USD left, the job needs 4.00" : null);
        answer.put("budget_id", "bud_fake");
        answer.put("pipeline_id", body.get("pipeline_id"));
        answer.put("month", "2026-11");
        answer.put("estimated_cost_usd", "4.00");
        answer.put("remaining_usd", "1.00");
        answer.put("price_known", true);
        answer(exchange, 200, JSON.writeValueAsString(answer));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return q;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
