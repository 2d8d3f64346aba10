package io.tuneforge.eval;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tuneforge.testsupport.SiblingServices;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for training-service's account connection endpoint (the contract in eval-service's
 * README): account {@code acct_sim}, also found by its name {@code simulator}, connects to the
 * simulator; any other account is 404. Records who asked, so tests can check the credentials sent.
 */
public class TrainingServiceFake implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_ID = "acct_sim";
    public static final String ACCOUNT_NAME = "simulator";
    public static final String ACCOUNT_KEY = "sk-from-training-service";

    /** Every request: path, Authorization, X-Tuneforge-Tenant. */
    public record Seen(String path, String authorization, String tenant) {
    }

    public static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        String simulator = SiblingServices.baseUrl("openai-simulator");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/accounts/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            SEEN.add(new Seen(path, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Tuneforge-Tenant")));
            String account = path.substring("/api/v1/accounts/".length()).replace("/connection", "");
            boolean known = account.equals(ACCOUNT_ID) || account.equals(ACCOUNT_NAME);
            String body = known
                    ? "{\"id\":\"" + ACCOUNT_ID + "\",\"kind\":\"openai\",\"base_url\":\"" + simulator + "/v1\",\"api_key\":\""
                    + ACCOUNT_KEY + "\",\"organization\":\"org-eval-accounts\",\"project\":null,\"azure_api_version\":null,"
                    + "\"requests_per_minute\":500}"
                    : "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"no account " + account + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", known ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(known ? 200 : 404, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        // The rest of the configuration (siblings, worker timing) comes from EvalSiblings, which applies to every test.
        return Map.of("tuneforge.provider.training-service-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
