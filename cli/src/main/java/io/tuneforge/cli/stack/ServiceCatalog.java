package io.tuneforge.cli.stack;

import java.util.List;
import java.util.Optional;

/**
 * The services of the local stack and their fixed default ports. A new service is one line here;
 * a module whose jar is not built yet is skipped with a note, so the list may run ahead of the code.
 */
public final class ServiceCatalog {

    /** 512 MB: 256 MB ran out on a chat request under the benchmarks' load. */
    public static final ServiceDefinition SIMULATOR = new ServiceDefinition("openai-simulator", 8090,
            "TUNEFORGE_SIMULATOR_PORT", null, "/v1/models", "512m");

    public static final List<ServiceDefinition> SERVICES = List.of(
            new ServiceDefinition("dataset-service", 8081, "TUNEFORGE_DATASET_PORT", "TUNEFORGE_DATASET_URL",
                    ServiceDefinition.QUARKUS_READINESS, ServiceDefinition.SERVICE_HEAP),
            new ServiceDefinition("training-service", 8082, "TUNEFORGE_TRAINING_PORT", "TUNEFORGE_TRAINING_URL",
                    ServiceDefinition.QUARKUS_READINESS, ServiceDefinition.SERVICE_HEAP),
            new ServiceDefinition("eval-service", 8083, "TUNEFORGE_EVAL_PORT", "TUNEFORGE_EVAL_URL",
                    ServiceDefinition.QUARKUS_READINESS, ServiceDefinition.SERVICE_HEAP),
            new ServiceDefinition("cost-service", 8084, "TUNEFORGE_COST_PORT", "TUNEFORGE_COST_URL",
                    ServiceDefinition.QUARKUS_READINESS, ServiceDefinition.SERVICE_HEAP),
            new ServiceDefinition("gateway-service", 8085, "TUNEFORGE_GATEWAY_PORT", "TUNEFORGE_GATEWAY_URL",
                    ServiceDefinition.QUARKUS_READINESS, ServiceDefinition.SERVICE_HEAP),
            // The web console: static page plus a proxy to the services above (it reads their *_URL variables).
            new ServiceDefinition("console", 8080, "TUNEFORGE_CONSOLE_PORT", "TUNEFORGE_CONSOLE_URL",
                    ServiceDefinition.QUARKUS_READINESS, ServiceDefinition.SERVICE_HEAP));

    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final String DATABASE = "tuneforge";

    private ServiceCatalog() {
    }

    public static Optional<ServiceDefinition> service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static int postgresPort() {
        return portFromEnvironment("TUNEFORGE_POSTGRES_PORT", DEFAULT_POSTGRES_PORT);
    }

    public static int kafkaPort() {
        return portFromEnvironment("TUNEFORGE_KAFKA_PORT", DEFAULT_KAFKA_PORT);
    }

    private static int portFromEnvironment(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + "='" + value + "' is not a port number");
        }
    }
}
