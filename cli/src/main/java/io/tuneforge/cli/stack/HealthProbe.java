package io.tuneforge.cli.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One live look at a component: is it listening, and does it say it is ready? */
public final class HealthProbe {

    public enum Health {
        UP, DOWN, UNREACHABLE;

        public String label() {
            return name().toLowerCase();
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    /**
     * Quarkus readiness answers 200 with status UP, 503 while a check (database, Kafka) is down.
     * The simulator has no health endpoint: any answer below 500 means it serves.
     */
    public Health probe(String baseUrl, ServiceDefinition service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + service.readinessPath()))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (service.hasQuarkusHealth()) {
                return response.statusCode() == 200 && response.body().contains("UP") ? Health.UP : Health.DOWN;
            }
            return response.statusCode() < 500 ? Health.UP : Health.DOWN;
        } catch (IOException e) {
            return Health.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.UNREACHABLE;
        }
    }

    /** PostgreSQL and Kafka: is the port accepting connections? */
    public Health probeTcp(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            return Health.UP;
        } catch (IOException e) {
            return Health.UNREACHABLE;
        }
    }
}
