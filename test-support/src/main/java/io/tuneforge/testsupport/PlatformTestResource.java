package io.tuneforge.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tuneforge.localinfra.KafkaBrokerProcess;
import io.tuneforge.localinfra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker (its own JVM) and a real PostgreSQL, started once
 * per test JVM and shared by every test class that uses this resource; both stop when the JVM ends,
 * and never outlive it (local-infra's orphan guard). Test tenants and their keys come from
 * {@link TestTenants}.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static Infrastructure infrastructure;

    /** The running broker's bootstrap servers, for test clients. */
    public static String bootstrapServers() {
        return infra().broker.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = infra();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.broker.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", infra.postgres.jdbcUrl());
        config.put("quarkus.datasource.username", infra.postgres.username());
        config.put("quarkus.datasource.password", infra.postgres.password());
        config.put("tuneforge.tenancy.api-keys", TestTenants.apiKeysConfig());
        config.put("tuneforge.tenancy.service-keys", TestTenants.serviceKeysConfig());
        config.put("tuneforge.tenancy.service-key", TestTenants.SERVICE_KEY);
        return config;
    }

    /**
     * The environment another tuneforge service needs to join this test's broker, database and
     * tenants (see {@link SiblingServices}).
     */
    static Map<String, String> serviceEnvironment() {
        Infrastructure infra = infra();
        Map<String, String> env = new HashMap<>();
        env.put("TUNEFORGE_KAFKA_BOOTSTRAP", infra.broker.bootstrapServers());
        env.put("TUNEFORGE_DB_URL", infra.postgres.jdbcUrl());
        env.put("TUNEFORGE_DB_USER", infra.postgres.username());
        env.put("TUNEFORGE_DB_PASSWORD", infra.postgres.password());
        env.put("TUNEFORGE_TENANCY_API_KEYS", TestTenants.apiKeysConfig());
        env.put("TUNEFORGE_TENANCY_SERVICE_KEYS", TestTenants.serviceKeysConfig());
        env.put("TUNEFORGE_TENANCY_SERVICE_KEY", TestTenants.SERVICE_KEY);
        return env;
    }

    static Path root() {
        return infra().root;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM: stopped by the shutdown hook, not per class.
    }

    private static synchronized Infrastructure infra() {
        if (infrastructure == null) {
            infrastructure = new Infrastructure();
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "tuneforge-test-infra-stop"));
        }
        return infrastructure;
    }

    private static final class Infrastructure implements AutoCloseable {
        final Path root;
        final PostgresServer postgres;
        final KafkaBrokerProcess broker;

        Infrastructure() {
            try {
                root = Files.createTempDirectory("tuneforge-test-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp dir for the test broker and database", e);
            }
            postgres = PostgresServer.start(PostgresServer.defaultWorkDir(), root.resolve("pg"), 0, false);
            broker = KafkaBrokerProcess.start(root.resolve("kafka"), 0);
        }

        @Override
        public void close() {
            try {
                broker.close();
            } finally {
                postgres.close();
            }
        }
    }
}
